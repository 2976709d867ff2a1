import {
  canSeeProject,
  denied,
  isAdmin,
  isMember,
  type Project,
  type RedminePrincipal,
} from '../../redmine-family/index.js';
import { ApiError } from '../../server/errors.js';
import type { DeepReadonly } from '../../store/freeze.js';
import type { CompanyRecord, ContactRecord } from './records.js';
import type { PlanioState } from './state.js';

/** A stored company as handlers see it. */
export type Company = DeepReadonly<CompanyRecord>;

/** A stored contact as handlers see it. */
export type Contact = DeepReadonly<ContactRecord>;

/**
 * Who may see a company: administrators see every company; everyone else sees the companies associated with at
 * least one project they can see (public projects, and private ones they are a member of). A company associated
 * with no project belongs to no one's project permissions, so only administrators see it.
 */
export function canSeeCompany(state: PlanioState, principal: RedminePrincipal, company: Company): boolean {
  if (isAdmin(principal)) return true;
  return company.project_ids.some((id) => {
    const project = state.projects.get(id);
    return !!project && canSeeProject(state, principal, project);
  });
}

/**
 * True when the caller may link companies to the project and manage the companies linked to it: administrators for
 * any project that is not archived; other users for the active projects they are a member of (any role).
 */
export function canManageIn(state: PlanioState, principal: RedminePrincipal, project: Project): boolean {
  if (isAdmin(principal)) return project.status !== 9;
  return project.status === 1 && isMember(state, principal, project);
}

/**
 * Who may change or delete a company and create, change or delete its contacts: administrators, and the members of
 * at least one active project the company is associated with.
 */
export function canManageCompany(state: PlanioState, principal: RedminePrincipal, company: Company): boolean {
  if (isAdmin(principal)) return true;
  return company.project_ids.some((id) => {
    const project = state.projects.get(id);
    return !!project && canManageIn(state, principal, project);
  });
}

/** True when the caller may create companies at all: administrators, and members of some active project. */
export function canCreateCompanies(state: PlanioState, principal: RedminePrincipal): boolean {
  if (isAdmin(principal)) return true;
  return state.projects.all().some((p) => canManageIn(state, principal, p));
}

/**
 * A numeric path id, or undefined (Rails' `find` of a non-numeric id is a 404). Read from the raw path segment:
 * the coerced `ctx.params` would also take `1e0` or ` 1` for 1.
 */
export function pathId(raw: string | undefined): number | undefined {
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/** The company of a path id: 404 when there is none, 401/403 when the caller cannot see it. */
export function findVisibleCompany(state: PlanioState, principal: RedminePrincipal, raw: string | undefined): Company {
  const id = pathId(raw);
  const company = id === undefined ? undefined : state.companies.get(id);
  if (!company) throw new ApiError('NOT_FOUND');
  if (!canSeeCompany(state, principal, company)) throw denied(principal);
  return company;
}

/** Throws 403 (401 anonymous) unless the caller may manage the company. */
export function requireManage(state: PlanioState, principal: RedminePrincipal, company: Company): void {
  if (!canManageCompany(state, principal, company)) throw denied(principal);
}

/** The contact of a path id within the company: 404 when there is none or it belongs to another company. */
export function findContact(state: PlanioState, company: Company, raw: string | undefined): Contact {
  const id = pathId(raw);
  const contact = id === undefined ? undefined : state.contacts.get(id);
  if (!contact || contact.company_id !== company.id) throw new ApiError('NOT_FOUND');
  return contact;
}
