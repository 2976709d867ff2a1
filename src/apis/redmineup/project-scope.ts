import {
  denied,
  findVisibleProject,
  type Project,
  type RedmineFamilyState,
  type RedminePrincipal,
  type User,
} from '../../redmine-family/index.js';
import { ApiError } from '../../server/errors.js';
import { blank, text } from './input-values.js';
import { crmAllowedTo } from './permissions.js';

/**
 * The project a CRM action runs in, found as the plugin's `find_project` does (`Project.find` by id or identifier)
 * and then authorized: a missing or unknown project gives 404, a project the caller cannot see 403 (401 when
 * anonymous), and a project where the caller lacks `permission` 403 (401 when anonymous).
 */
export function projectFor(
  state: RedmineFamilyState,
  principal: RedminePrincipal,
  idOrIdentifier: unknown,
  permission: string,
): Project {
  if (blank(idOrIdentifier) || typeof idOrIdentifier === 'object') throw new ApiError('NOT_FOUND');
  const project = findVisibleProject(state, principal, (text(idOrIdentifier) as string).trim());
  if (!crmAllowedTo(state, principal, project, permission)) throw denied(principal);
  return project;
}

/**
 * The projects of a `project_ids` attribute (ids or identifiers), each authorized for `permission`; unknown ones
 * give 404, forbidden ones 403. Duplicates are dropped; the order is kept.
 */
export function projectsFor(
  state: RedmineFamilyState,
  principal: RedminePrincipal,
  raw: unknown,
  permission: string,
): Project[] {
  const list = Array.isArray(raw) ? raw : blank(raw) ? [] : [raw];
  const out: Project[] = [];
  for (const value of list) {
    const project = projectFor(state, principal, value, permission);
    if (!out.some((p) => p.id === project.id)) out.push(project);
  }
  return out;
}

/** Where a POST of a CRM record goes, as {@link creationTarget} finds it. */
export interface CreationTarget {
  user: User;
  project: Project;
}

/**
 * The first step of the plugin's `create` actions: an anonymous caller gets 401; the project is the first
 * non-blank of `candidates` (`<resource>.project_id`, the top-level `project_id`, the URL's `/projects/{id}/...`),
 * found and authorized for `permission` (404 / 403) before any attribute is validated.
 */
export function creationTarget(
  ctx: { state: RedmineFamilyState; principal: RedminePrincipal },
  candidates: readonly unknown[],
  permission: string,
): CreationTarget {
  const { state, principal } = ctx;
  const user = principal.user;
  if (!user) throw new ApiError('UNAUTHORIZED');
  const rawProject = candidates.find((v) => !blank(v));
  return { user, project: projectFor(state, principal, rawProject, permission) };
}
