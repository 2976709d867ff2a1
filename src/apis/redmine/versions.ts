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
  insertVersion,
  READ_PERMISSIONS,
  renderVersion,
  sharedVersions,
  updateVersionRecord,
  type Version,
  validateVersionAttributes,
} from '../../redmine-family/versions.js';
import { ApiError } from '../../server/errors.js';

type Handler<Id extends keyof operations> = FamilyOperationHandler<operations[Id]>;

/** A version by its path id (digits only, else 404) and its project; 404 when there is none. */
function findVersion(state: RedmineFamilyState, id: string): Version {
  const version = /^\d+$/.test(id) ? state.versions.get(Number(id)) : undefined;
  if (!version) throw new ApiError('NOT_FOUND');
  return version;
}

/** The version's project, once the caller may do `permission` on it (401 / 403 otherwise). */
function authorize(state: RedmineFamilyState, principal: RedminePrincipal, version: Version, permission: string) {
  const project = state.projects.get(version.project_id);
  if (!project || !allowedTo(state, principal, project, permission, READ_PERMISSIONS)) throw denied(principal);
  return project;
}

/**
 * GET /projects/{id}/versions: the project's versions and those shared with it, unpaged, with `total_count`;
 * needs "View issues" on the project.
 */
export const listVersions: Handler<'listVersions'> = (ctx) => {
  const { state, principal } = ctx;
  const project = findVisibleProject(state, principal, ctx.params.project_id);
  if (!allowedTo(state, principal, project, 'view_issues', READ_PERMISSIONS)) throw denied(principal);
  const items = sharedVersions(state, project).map((v) => renderVersion(state, principal, v, false));
  const body = wantsNometa(ctx) ? listBody('versions', items) : { versions: items, total_count: items.length };
  return { status: 200, body };
};

/** POST /projects/{id}/versions: needs "Manage versions"; 201 with an absolute `Location`. */
export const createVersion: Handler<'createVersion'> = (ctx) => {
  const { state, principal } = ctx;
  const project = findVisibleProject(state, principal, ctx.params.project_id);
  if (!allowedTo(state, principal, project, 'manage_versions')) throw denied(principal);
  const attrs = resourceAttributes(ctx.body, 'version');
  const version = insertVersion(state, project, validateVersionAttributes(state, principal, project, attrs, undefined));
  return {
    status: 201,
    headers: { location: `${ctx.baseUrl}/versions/${version.id}` },
    body: { version: renderVersion(state, principal, version, true) },
  };
};

/** GET /versions/{id}: needs "View issues" on the version's project, also for a shared version. */
export const getVersion: Handler<'getVersion'> = (ctx) => {
  const version = findVersion(ctx.state, ctx.params.version_id);
  authorize(ctx.state, ctx.principal, version, 'view_issues');
  return { status: 200, body: { version: renderVersion(ctx.state, ctx.principal, version, true) } };
};

/** PUT /versions/{id}: needs "Manage versions" on the version's project; 204. */
export const updateVersion: Handler<'updateVersion'> = (ctx) => {
  const version = findVersion(ctx.state, ctx.params.version_id);
  const project = authorize(ctx.state, ctx.principal, version, 'manage_versions');
  const attrs = resourceAttributes(ctx.body, 'version');
  updateVersionRecord(ctx.state, version, validateVersionAttributes(ctx.state, ctx.principal, project, attrs, version));
  return { status: 204 };
};

/** DELETE /versions/{id}: needs "Manage versions" on the version's project; 204 (no issues can use it yet). */
export const deleteVersion: Handler<'deleteVersion'> = (ctx) => {
  const version = findVersion(ctx.state, ctx.params.version_id);
  authorize(ctx.state, ctx.principal, version, 'manage_versions');
  ctx.state.versions.remove(version.id);
  return { status: 204 };
};
