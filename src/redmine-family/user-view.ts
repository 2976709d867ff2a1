import type { RedminePrincipal, User } from './principal.js';

/**
 * The current user as `/users/current` renders it, in Redmine's field order. `mail` and `status` are shown to the
 * user themselves but not while an administrator impersonates them (`X-Redmine-Switch-User`), matching the recorded
 * server; `api_key` is always included for the current user.
 * @see redmine app/views/users/show.api.rsb
 */
export function renderCurrentUser(principal: RedminePrincipal, user: User): Record<string, unknown> {
  const own = principal.switchedBy === null;
  const out: Record<string, unknown> = {
    id: user.id,
    login: user.login,
    admin: user.admin,
    firstname: user.firstname,
    lastname: user.lastname,
  };
  if (own) out.mail = user.mail;
  out.created_on = user.created_on;
  out.updated_on = user.updated_on;
  out.last_login_on = user.last_login_on;
  out.passwd_changed_on = user.passwd_changed_on;
  out.twofa_scheme = null;
  out.api_key = user.api_key;
  if (own) out.status = user.status;
  return out;
}

/** A user's display name as Redmine's default format shows it (`firstname lastname`). */
export function userName(user: User): string {
  return `${user.firstname} ${user.lastname}`;
}
