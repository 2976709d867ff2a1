import type { operations } from '../../generated/redmine.js';
import {
  allowedTo,
  denied,
  type FamilyOperationHandler,
  findVisibleProject,
  listBody,
  type RedmineFamilyState,
  type RedminePrincipal,
  resourceAttributes,
  wantsNometa,
} from '../../redmine-family/index.js';
import {
  projectCategories,
  renderIssueCategory,
  validateIssueCategoryAttributes,
} from '../../redmine-family/issue-categories.js';
import { ApiError } from '../../server/errors.js';

type Handler<Id extends keyof operations> = FamilyOperationHandler<operations[Id]>;

/**
 * Every issue category action needs "Manage issue categories" on the project, which only members can have
 * (Redmine's permission requires membership), so non-members get 403 also on public projects.
 */
const PERMISSION = 'manage_categories';

/** An issue category by its path id (digits only, else 404), once the caller may manage its project's. */
function findCategory(state: RedmineFamilyState, principal: RedminePrincipal, id: string) {
  const category = /^\d+$/.test(id) ? state.issueCategories.get(Number(id)) : undefined;
  if (!category) throw new ApiError('NOT_FOUND');
  const project = state.projects.get(category.project_id);
  if (!project || !allowedTo(state, principal, project, PERMISSION)) throw denied(principal);
  return { category, project };
}

/** GET /projects/{id}/issue_categories: the project's categories by name, unpaged, with `total_count`. */
export const listIssueCategories: Handler<'listIssueCategories'> = (ctx) => {
  const { state, principal } = ctx;
  const project = findVisibleProject(state, principal, ctx.params.project_id);
  if (!allowedTo(state, principal, project, PERMISSION)) throw denied(principal);
  const items = projectCategories(state, project).map((c) => renderIssueCategory(state, c));
  const body = wantsNometa(ctx)
    ? listBody('issue_categories', items)
    : { issue_categories: items, total_count: items.length };
  return { status: 200, body };
};

/** POST /projects/{id}/issue_categories: 201 with `Location` as a path below the API root, as Redmine writes it. */
export const createIssueCategory: Handler<'createIssueCategory'> = (ctx) => {
  const { state, principal } = ctx;
  const project = findVisibleProject(state, principal, ctx.params.project_id);
  if (!allowedTo(state, principal, project, PERMISSION)) throw denied(principal);
  const attrs = resourceAttributes(ctx.body, 'issue_category');
  const changes = validateIssueCategoryAttributes(state, project, attrs, undefined);
  const category = state.issueCategories.insert({ project_id: project.id, name: '', assigned_to_id: null, ...changes });
  return {
    status: 201,
    headers: { location: `${new URL(ctx.baseUrl).pathname.replace(/\/$/, '')}/issue_categories/${category.id}` },
    body: { issue_category: renderIssueCategory(state, category) },
  };
};

/** GET /issue_categories/{id}. */
export const getIssueCategory: Handler<'getIssueCategory'> = (ctx) => {
  const { category } = findCategory(ctx.state, ctx.principal, ctx.params.category_id);
  return { status: 200, body: { issue_category: renderIssueCategory(ctx.state, category) } };
};

/** PUT /issue_categories/{id}: 204. */
export const updateIssueCategory: Handler<'updateIssueCategory'> = (ctx) => {
  const { category, project } = findCategory(ctx.state, ctx.principal, ctx.params.category_id);
  const attrs = resourceAttributes(ctx.body, 'issue_category');
  ctx.state.issueCategories.update(category.id, validateIssueCategoryAttributes(ctx.state, project, attrs, category));
  return { status: 204 };
};

/** DELETE /issue_categories/{id}: 204 (no issues can use it yet). */
export const deleteIssueCategory: Handler<'deleteIssueCategory'> = (ctx) => {
  const { category } = findCategory(ctx.state, ctx.principal, ctx.params.category_id);
  ctx.state.issueCategories.remove(category.id);
  return { status: 204 };
};
