import type { operations } from '../../generated/planio.js';
import {
  type FamilyOperationHandler,
  findVisibleProject,
  pagedListBody,
  paginate,
  resourceAttributes,
} from '../../redmine-family/index.js';
import { ApiError } from '../../server/errors.js';
import { canCreateCompanies, canSeeCompany, findVisibleCompany, requireManage } from './access.js';
import { validateCompany } from './company-input.js';
import type { PlanioState } from './state.js';
import { deleteCompanyRecord, insertCompany, updateCompanyRecord } from './store.js';
import { byName, renderCompany } from './views.js';

type Handler<Id extends keyof operations> = FamilyOperationHandler<operations[Id], PlanioState>;

/** GET /companies: the companies the caller can see, by name, one page. */
export const listCompanies: Handler<'listCompanies'> = (ctx) => {
  const { state, principal } = ctx;
  const visible = state.companies.all((c) => canSeeCompany(state, principal, c)).sort(byName);
  const page = paginate(visible, ctx.rawQuery);
  const items = page.items.map((c) => renderCompany(state, principal, c));
  return { status: 200, body: pagedListBody('companies', { ...page, items }, ctx) };
};

/** GET /projects/{id}/companies: the companies associated with one visible project, by name, one page. */
export const listProjectCompanies: Handler<'listProjectCompanies'> = (ctx) => {
  const { state, principal } = ctx;
  const project = findVisibleProject(state, principal, ctx.params.project_id);
  const linked = state.companies.all((c) => c.project_ids.includes(project.id)).sort(byName);
  const page = paginate(linked, ctx.rawQuery);
  const items = page.items.map((c) => renderCompany(state, principal, c));
  return { status: 200, body: pagedListBody('companies', { ...page, items }, ctx) };
};

/** GET /companies/{id}. */
export const getCompany: Handler<'getCompany'> = (ctx) => {
  const { state, principal } = ctx;
  const company = findVisibleCompany(state, principal, ctx.pathParams.company_id);
  return { status: 200, body: { company: renderCompany(state, principal, company) } };
};

/**
 * POST /companies: administrators, and project members for companies associated with their projects (a
 * non-administrator must give at least one project, else 403). 201 with the company and its `Location`.
 */
export const createCompany: Handler<'createCompany'> = (ctx) => {
  const { state, principal } = ctx;
  if (!canCreateCompanies(state, principal)) throw new ApiError('FORBIDDEN');
  const changes = validateCompany(state, principal, resourceAttributes(ctx.body, 'company'), undefined);
  if (!principal.user?.admin && (changes.project_ids ?? []).length === 0) throw new ApiError('FORBIDDEN');
  const company = insertCompany(state, changes);
  return {
    status: 201,
    headers: { location: `${ctx.baseUrl}/companies/${company.id}` },
    body: { company: renderCompany(state, principal, company) },
  };
};

/** PUT /companies/{id}: changes the given attributes; 204. */
export const updateCompany: Handler<'updateCompany'> = (ctx) => {
  const { state, principal } = ctx;
  const company = findVisibleCompany(state, principal, ctx.pathParams.company_id);
  requireManage(state, principal, company);
  const changes = validateCompany(state, principal, resourceAttributes(ctx.body, 'company'), company);
  updateCompanyRecord(state, company, changes);
  return { status: 204 };
};

/** DELETE /companies/{id}: deletes the company and its contacts; 204. */
export const deleteCompany: Handler<'deleteCompany'> = (ctx) => {
  const { state, principal } = ctx;
  const company = findVisibleCompany(state, principal, ctx.pathParams.company_id);
  requireManage(state, principal, company);
  deleteCompanyRecord(state, company);
  return { status: 204 };
};
