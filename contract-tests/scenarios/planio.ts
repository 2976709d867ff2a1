import type { Scenario, ScenarioContext, ScenarioSet } from '../support/scenario.js';
import type { Format } from '../support/types.js';
import { coreUserScenarios } from './core-user.js';
import { str, wrap } from './family-steps.js';
import { lifecycle } from './lifecycle.js';
import { companiesOfProjects, companyOfNoProject, contactsStayWithTheirCompany } from './planio-behaviour.js';
import { companyStep, deleteCompanyStep } from './planio-steps.js';

const FORMATS: Format[] = ['json', 'xml'];

/**
 * The contact lifecycle under a company the run creates itself (the generated one would add contacts to an existing
 * company): create the company, walk a contact through create → read → list → update → read → delete → 404, then
 * delete the company.
 */
function contactLifecycle(sc: ScenarioContext, format: Format): Scenario {
  const walk = lifecycle(sc, {
    name: `lifecycle companies/contacts (${format})`,
    format,
    setup: [companyStep(format, 'company')],
    shared: (ctx) => ({ company_id: str(ctx, 'company') }),
    create: {
      operationId: 'createCompanyContact',
      body: (ctx) => wrap(format, 'contact', { firstname: `Grace ${ctx.tag}`, lastname: 'Hopper', gender: false }),
    },
    locate: (id) => ({ contact_id: id }),
    read: 'getCompanyContact',
    list: { operationId: 'listCompanyContacts' },
    update: {
      operationId: 'updateCompanyContact',
      body: (_id, ctx) => wrap(format, 'contact', { lastname: `Murray Hopper ${ctx.tag}`, gender: true }),
    },
    remove: { operationId: 'deleteCompanyContact' },
  });
  return { ...walk, steps: [...walk.steps, deleteCompanyStep('company')] };
}

/**
 * Planio: the contact lifecycle under the run's own company, contacts bound to their company (404 under another
 * one, gone with their company), companies listed by their projects, the 403s of a company no project of the second
 * user holds, and the Redmine core answers to that user.
 */
const scenarios: ScenarioSet = (sc) => [
  ...FORMATS.flatMap((format) => [
    contactLifecycle(sc, format),
    contactsStayWithTheirCompany(format),
    companiesOfProjects(format),
    companyOfNoProject(sc, format),
  ]),
  ...coreUserScenarios(sc),
];
export default scenarios;
