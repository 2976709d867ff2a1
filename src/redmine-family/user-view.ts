import type { components } from '../generated/redmine.js';
import type { RedminePrincipal, User } from './principal.js';

/** The current user as `/users/current` renders it. */
export type UserView = components['schemas']['User'];

/**
 * The current user as `/users/current` renders it, in Redmine's field order. `mail` and `status` are shown to the
 * user themselves but not while an administrator impersonates them (`X-Redmine-Switch-User`), matching the recorded
 * server; `api_key` is always included for the current user.
 * @see redmine app/views/users/show.api.rsb
 */
export function renderCurrentUser(principal: RedminePrincipal, user: User): UserView {
  const own = principal.switchedBy === null;
  const mail: Pick<UserView, 'mail'> = own ? { mail: user.mail } : {};
  const status: Pick<UserView, 'status'> = own ? { status: user.status } : {};
  return {
    id: user.id,
    login: user.login,
    admin: user.admin,
    firstname: user.firstname,
    lastname: user.lastname,
    ...mail,
    created_on: user.created_on,
    updated_on: user.updated_on,
    last_login_on: user.last_login_on,
    passwd_changed_on: user.passwd_changed_on,
    twofa_scheme: null,
    api_key: user.api_key,
    ...status,
  };
}

/** A user's display name as Redmine's default format shows it (`firstname lastname`). */
export function userName(user: User): string {
  return `${user.firstname} ${user.lastname}`;
}
