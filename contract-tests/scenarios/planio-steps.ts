import type { Step, StepContext } from '../support/scenario.js';
import type { Format } from '../support/types.js';
import { createStep, ownedKey, str, wrap } from './family-steps.js';

/** Creates a company owned by the run (captured as `as`), with optional extra attributes. */
export function companyStep(
  format: Format,
  as: string,
  extra: (ctx: StepContext) => Record<string, unknown> = () => ({}),
): Step {
  return createStep({
    operationId: 'createCompany',
    title: `create company ${as}`,
    as,
    format,
    body: (ctx) => wrap(format, 'company', { name: `Crmkit ${ctx.tag} ${as}`, ...extra(ctx) }),
    remove: { operationId: 'deleteCompany', params: (id) => ({ company_id: id }) },
  });
}

/** Creates a contact of the company captured as `company`, captured as `as`. */
export function contactStep(format: Format, company: string, as: string): Step {
  return createStep({
    operationId: 'createCompanyContact',
    title: `create contact ${as} of ${company}`,
    as,
    format,
    params: (ctx) => ({ company_id: str(ctx, company) }),
    body: (ctx) => wrap(format, 'contact', { firstname: `Ada ${ctx.tag}`, lastname: as }),
    remove: {
      operationId: 'deleteCompanyContact',
      params: (id, ctx) => ({ company_id: str(ctx, company), contact_id: id }),
    },
  });
}

/** Deletes the company captured as `as`, settling its cleanup and that of the contacts that go with it. */
export function deleteCompanyStep(as: string, contacts: string[] = []): Step {
  return {
    operationId: 'deleteCompany',
    title: `delete company ${as}`,
    params: (ctx) => ({ company_id: str(ctx, as) }),
    settles: (ctx) => [ownedKey(as, ctx), ...contacts.map((c) => ownedKey(c, ctx))],
  };
}
