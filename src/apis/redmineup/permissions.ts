import {
  allowedTo,
  denied,
  type Project,
  type RedmineFamilyState,
  type RedminePrincipal,
} from '../../redmine-family/index.js';

/**
 * CRM permissions of the seeded roles. Only project members get CRM rights: the built-in "Non member" and
 * "Anonymous" roles get none, so a user sees contacts and deals only in projects they belong to (plus public
 * contacts once they may view contacts somewhere).
 *
 * | role      | contacts                                   | notes                        | deals                   |
 * |-----------|--------------------------------------------|------------------------------|-------------------------|
 * | Manager   | view, view private, add, edit, delete      | add, edit, delete            | view, add, edit, delete |
 * | Developer | view, add, edit                            | add, edit own, delete own    | view, add, edit         |
 * | Reporter  | view                                       | add                          | view                    |
 */
export const CRM_ROLE_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  Manager: [
    'view_contacts',
    'view_private_contacts',
    'add_contacts',
    'edit_contacts',
    'delete_contacts',
    'add_notes',
    'edit_notes',
    'delete_notes',
    'view_deals',
    'add_deals',
    'edit_deals',
    'delete_deals',
  ],
  Developer: [
    'view_contacts',
    'add_contacts',
    'edit_contacts',
    'add_notes',
    'edit_own_notes',
    'delete_own_notes',
    'view_deals',
    'add_deals',
    'edit_deals',
  ],
  Reporter: ['view_contacts', 'add_notes', 'view_deals'],
};

/** Permissions that only read: they stay granted on closed projects (Redmine's `read: true`). */
const READ_PERMISSIONS = new Set(['view_contacts', 'view_private_contacts', 'view_deals', 'view_issues']);

/** Adds the CRM permissions to the seeded roles (by role name). */
export function grantCrmPermissions(state: RedmineFamilyState): void {
  for (const role of state.roles.all()) {
    const extra = CRM_ROLE_PERMISSIONS[role.name];
    if (extra) state.roles.update(role.id, { permissions: [...role.permissions, ...extra] });
  }
}

/**
 * True when the caller may do `permission` on the project: Redmine's `allowed_to?` with the plugin's read-only
 * permissions kept on closed projects. Administrators may do everything on projects that are not archived.
 */
export function crmAllowedTo(
  state: RedmineFamilyState,
  principal: RedminePrincipal,
  project: Project,
  permission: string,
): boolean {
  return allowedTo(state, principal, project, permission, READ_PERMISSIONS);
}

/** True when the caller has `permission` in at least one of the projects (ids). */
export function allowedInAny(
  state: RedmineFamilyState,
  principal: RedminePrincipal,
  projectIds: readonly number[],
  permission: string,
): boolean {
  return projectIds.some((id) => {
    const project = state.projects.get(id);
    return !!project && crmAllowedTo(state, principal, project, permission);
  });
}

/** True when the caller has `permission` in some project (Redmine's `allowed_to?(…, nil, global: true)`). */
export function allowedSomewhere(state: RedmineFamilyState, principal: RedminePrincipal, permission: string): boolean {
  return state.projects.find((p) => crmAllowedTo(state, principal, p, permission)) !== undefined;
}

/** Throws 401/403 unless the caller has `permission` somewhere (`authorize_global`). */
export function authorizeGlobal(state: RedmineFamilyState, principal: RedminePrincipal, permission: string): void {
  if (!allowedSomewhere(state, principal, permission)) throw denied(principal);
}
