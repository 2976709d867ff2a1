import { ApiError } from '../server/errors.js';
import type { DeepReadonly } from '../store/freeze.js';
import { isAdmin, type RedminePrincipal } from './principal.js';
import type { ProjectRecord } from './records.js';
import type { RedmineFamilyState } from './state.js';

/** A stored project as handlers see it. */
export type Project = DeepReadonly<ProjectRecord>;

/** Ids of the roles the caller has on a project: member roles, else the built-in Non member / Anonymous role. */
export function rolesOn(state: RedmineFamilyState, principal: RedminePrincipal, project: Project): number[] {
  const { user } = principal;
  if (!user) return project.is_public ? [2] : [];
  const membership = state.memberships.find((m) => m.project_id === project.id && m.user_id === user.id);
  if (membership) return [...membership.role_ids];
  return project.is_public ? [1] : [];
}

/** True when the caller is a member of the project. */
export function isMember(state: RedmineFamilyState, principal: RedminePrincipal, project: Project): boolean {
  const { user } = principal;
  return !!user && !!state.memberships.find((m) => m.project_id === project.id && m.user_id === user.id);
}

/**
 * Project visibility as Redmine's `Project.visible`: archived projects are hidden from everyone; administrators see
 * the rest; others see public projects and the private projects they are members of.
 */
export function canSeeProject(state: RedmineFamilyState, principal: RedminePrincipal, project: Project): boolean {
  if (project.status === 9) return false;
  if (isAdmin(principal) || project.is_public) return true;
  return isMember(state, principal, project);
}

/** What Redmine core still allows on a closed project: viewing it. */
const CLOSED_PROJECT_PERMISSIONS: ReadonlySet<string> = new Set(['view_project']);

/**
 * True when the caller may do `permission` on the project: administrators everything, others through their roles;
 * on a closed project only the permissions of `allowedWhenClosed` (core: viewing it), for everyone.
 */
export function allowedTo(
  state: RedmineFamilyState,
  principal: RedminePrincipal,
  project: Project,
  permission: string,
  allowedWhenClosed: ReadonlySet<string> = CLOSED_PROJECT_PERMISSIONS,
): boolean {
  if (!canSeeProject(state, principal, project)) return false;
  if (project.status !== 1 && !allowedWhenClosed.has(permission)) return false;
  if (isAdmin(principal)) return true;
  return rolesOn(state, principal, project).some((id) => state.roles.get(id)?.permissions.includes(permission));
}

/** The error Redmine gives when access is refused: 401 for anonymous callers, 403 for everyone else. */
export function denied(principal: RedminePrincipal): ApiError {
  return new ApiError(principal.user ? 'FORBIDDEN' : 'UNAUTHORIZED');
}

/** Throws unless the caller is an administrator (401 anonymous, 403 others). */
export function requireAdmin(principal: RedminePrincipal): void {
  if (!isAdmin(principal)) throw denied(principal);
}

/**
 * Finds a project by numeric id or identifier (digits only → id), as Redmine's `Project.find` does; 404 when there
 * is none, 401/403 when the caller cannot see it.
 */
export function findVisibleProject(
  state: RedmineFamilyState,
  principal: RedminePrincipal,
  idOrIdentifier: string,
): Project {
  const project = findProject(state, idOrIdentifier);
  if (!project) throw new ApiError('NOT_FOUND');
  if (!canSeeProject(state, principal, project)) throw denied(principal);
  return project;
}

/** A project by id or identifier, ignoring visibility. */
export function findProject(state: RedmineFamilyState, idOrIdentifier: string): Project | undefined {
  return /^\d+$/.test(idOrIdentifier)
    ? state.projects.get(Number(idOrIdentifier))
    : state.projects.find((p) => p.identifier === idOrIdentifier);
}
