import type { DynBody, Scenario, ScenarioContext, Step, StepContext } from '../support/scenario.js';
import type { Format } from '../support/types.js';
import { PERMISSIONS } from './core-user.js';
import { asUser, findProjectsStep, hiddenProjectSteps, listHas, NO_USER, str, wrap } from './family-steps.js';
import { companyStep, contactStep, deleteCompanyStep } from './planio-steps.js';

const STATE = 'which contacts belong to which company is state';

const contactBody = (format: Format) => wrap(format, 'contact', { firstname: 'Moved' });

type Params = (ctx: StepContext) => Record<string, unknown>;

const contactAt =
  (company: string, contact = 'contact'): Params =>
  (ctx) => ({
    company_id: str(ctx, company),
    contact_id: str(ctx, contact),
  });

/**
 * A contact of company A is not reachable under company B (404 for read, update and delete, and it stays intact);
 * deleting company A deletes its contacts.
 */
export function contactsStayWithTheirCompany(format: Format): Scenario {
  const under = (company: string, operationId: string, title: string, status: number, body?: DynBody): Step => ({
    operationId,
    title,
    params: contactAt(company),
    body,
    expect: { status },
  });
  return {
    name: `behaviour contacts stay with their company (${format})`,
    kind: 'behaviour',
    format,
    stateful: STATE,
    steps: [
      companyStep(format, 'company_a'),
      companyStep(format, 'company_b'),
      contactStep(format, 'company_a', 'contact'),
      under('company_b', 'getCompanyContact', 'read it under company B → 404', 404),
      under('company_b', 'updateCompanyContact', 'update it under company B → 404', 404, contactBody(format)),
      under('company_b', 'deleteCompanyContact', 'delete it under company B → 404', 404),
      {
        operationId: 'getCompanyContact',
        title: 'it is intact under company A',
        params: contactAt('company_a'),
        expect: {
          check: (res, ctx) => {
            const first = (res.resource as { firstname?: unknown } | undefined)?.firstname;
            return first === `Ada ${ctx.tag}` ? undefined : `firstname is ${JSON.stringify(first)}`;
          },
        },
      },
      {
        operationId: 'listCompanyContacts',
        title: 'company B lists no contact of company A',
        params: (ctx) => ({ company_id: str(ctx, 'company_b') }),
        expect: { check: listHas(['contact'], false) },
      },
      deleteCompanyStep('company_a', ['contact']),
      under('company_a', 'getCompanyContact', 'the contact went with its company → 404', 404),
      {
        operationId: 'listCompanyContacts',
        title: 'the deleted company has no contact list → 404',
        params: (ctx) => ({ company_id: str(ctx, 'company_a') }),
        expect: { status: 404 },
      },
      {
        operationId: 'getCompany',
        title: 'the company is gone → 404',
        params: (ctx) => ({ company_id: str(ctx, 'company_a') }),
        expect: { status: 404 },
      },
      deleteCompanyStep('company_b'),
    ],
  };
}

/** `project_ids` decides which project lists show a company, and an update moves it. */
export function companiesOfProjects(format: Format): Scenario {
  const listOf = (project: string, present: boolean, title: string): Step => ({
    operationId: 'listProjectCompanies',
    title,
    params: (ctx) => ({ project_id: str(ctx, project), limit: 100 }),
    expect: { check: listHas(['company'], present) },
  });
  return {
    name: `behaviour companies of a project (${format})`,
    kind: 'behaviour',
    format,
    stateful: 'which companies a project lists is state',
    steps: [
      findProjectsStep('listProjects'),
      companyStep(format, 'company', (ctx) => ({ project_ids: [Number(str(ctx, 'project_id'))] })),
      listOf('project_id', true, 'its project lists it'),
      listOf('project2_id', false, 'another project does not'),
      {
        operationId: 'updateCompany',
        title: 'move it to the other project',
        params: (ctx) => ({ company_id: str(ctx, 'company') }),
        body: (ctx) => wrap(format, 'company', { project_ids: [Number(str(ctx, 'project2_id'))] }),
      },
      listOf('project2_id', true, 'the other project lists it now'),
      listOf('project_id', false, 'the first one no longer does'),
      deleteCompanyStep('company'),
    ],
  };
}

/** A company associated with no project is the administrators' only: the second user gets 403 everywhere. */
export function companyOfNoProject(sc: ScenarioContext, format: Format): Scenario {
  const user = asUser(sc.userKey);
  const as = (operationId: string, title: string, params: Params, body?: DynBody): Step => ({
    ...user,
    operationId,
    title: `${title} as a non-member → 403`,
    params,
    body,
    expect: { status: 403 },
  });
  const company: Params = (ctx) => ({ company_id: str(ctx, 'company') });
  return {
    name: `negative company of no project as a non-member (${format})`,
    kind: 'negative',
    format,
    stateful: PERMISSIONS,
    notApplicable: sc.userKey ? undefined : NO_USER,
    steps: [
      companyStep(format, 'company'),
      contactStep(format, 'company', 'contact'),
      as('getCompany', 'read the company', company),
      as('updateCompany', 'update the company', company, wrap(format, 'company', { name: 'Changed' })),
      as('deleteCompany', 'delete the company', company),
      as('listCompanyContacts', 'list its contacts', company),
      as('createCompanyContact', 'add a contact', company, wrap(format, 'contact', { firstname: 'Eve' })),
      as('getCompanyContact', 'read its contact', contactAt('company')),
      as(
        'updateCompanyContact',
        'update its contact',
        contactAt('company'),
        wrap(format, 'contact', { lastname: 'X' }),
      ),
      as('deleteCompanyContact', 'delete its contact', contactAt('company')),
      ...hiddenProjectSteps('listProjects', sc.userKey),
      as('listProjectCompanies', 'list the companies of a private project', (ctx) => ({
        project_id: str(ctx, 'hidden_project_id'),
      })),
      {
        operationId: 'getCompany',
        title: 'the company is unchanged',
        params: company,
        expect: {
          check: (res, ctx) => {
            const name = (res.resource as { name?: unknown } | undefined)?.name;
            return name === `Crmkit ${ctx.tag} company` ? undefined : `name is ${JSON.stringify(name)}`;
          },
        },
      },
      deleteCompanyStep('company', ['contact']),
    ],
  };
}
