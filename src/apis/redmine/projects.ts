import type { operations } from '../../generated/redmine.js';
import {
  allowedTo,
  canSeeProject,
  denied,
  type FamilyOperationHandler,
  findVisibleProject,
  isAdmin,
  pagedListBody,
  paginate,
  resourceAttributes,
} from '../../redmine-family/index.js';
import { validateProjectAttributes } from '../../redmine-family/project-attributes.js';
import { deleteProjectTree, insertProject, updateProjectRecord } from '../../redmine-family/project-store.js';
import { parseInclude, renderProject, treeOrder } from '../../redmine-family/project-view.js';
import { ApiError } from '../../server/errors.js';

type Handler<Id extends keyof operations> = FamilyOperationHandler<operations[Id]>;

/** GET /projects: the active projects the caller can see, in tree order, one page. */
export const listProjects: Handler<'listProjects'> = (ctx) => {
  const { state, principal } = ctx;
  const canSee = (p: Parameters<typeof canSeeProject>[2]) => canSeeProject(state, principal, p);
  const visible = treeOrder(state.projects.all((p) => p.status === 1 && canSee(p)));
  const page = paginate(visible, ctx.rawQuery);
  const include = parseInclude(ctx.rawQuery.include);
  const items = page.items.map((p) => renderProject(state, principal, p, { single: false, include }, canSee));
  return { status: 200, body: pagedListBody('projects', { ...page, items }, ctx) };
};

/** GET /projects/{id}: one project by id or identifier. */
export const getProject: Handler<'getProject'> = (ctx) => {
  const { state, principal } = ctx;
  const project = findVisibleProject(state, principal, ctx.params.project_id);
  const include = parseInclude(ctx.rawQuery.include);
  const canSee = (p: typeof project) => canSeeProject(state, principal, p);
  return {
    status: 200,
    body: { project: renderProject(state, principal, project, { single: true, include }, canSee) },
  };
};

/** POST /projects: administrators only (nobody else has the global "Create project" permission in the seed). */
export const createProject: Handler<'createProject'> = (ctx) => {
  const { state, principal } = ctx;
  if (!isAdmin(principal)) throw denied(principal);
  const changes = validateProjectAttributes(state, principal, resourceAttributes(ctx.body, 'project'), undefined);
  const project = insertProject(state, changes);
  const canSee = (p: typeof project) => canSeeProject(state, principal, p);
  return {
    status: 201,
    headers: { location: `${ctx.baseUrl}/projects/${project.id}` },
    body: { project: renderProject(state, principal, project, { single: true, include: new Set() }, canSee) },
  };
};

/** PUT /projects/{id}: needs "Edit project" on the project; 204. */
export const updateProject: Handler<'updateProject'> = (ctx) => {
  const { state, principal } = ctx;
  const project = findVisibleProject(state, principal, ctx.params.project_id);
  if (!allowedTo(state, principal, project, 'edit_project')) throw denied(principal);
  const changes = validateProjectAttributes(state, principal, resourceAttributes(ctx.body, 'project'), project);
  updateProjectRecord(state, project, changes);
  return { status: 204 };
};

/** DELETE /projects/{id}: administrators only; deletes the subprojects too; 204. */
export const deleteProject: Handler<'deleteProject'> = (ctx) => {
  const { state, principal } = ctx;
  const project = findVisibleProject(state, principal, ctx.params.project_id);
  if (!isAdmin(principal)) throw new ApiError('FORBIDDEN');
  deleteProjectTree(state, project);
  return { status: 204 };
};
