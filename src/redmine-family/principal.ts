import type { DeepReadonly } from '../store/freeze.js';
import type { UserRecord } from './records.js';

/** A stored user as handlers see it. */
export type User = DeepReadonly<UserRecord>;

/** Who is calling a Redmine-family API, as `authenticate` found out. */
export interface RedminePrincipal {
  /** The effective user (the impersonated one with `X-Redmine-Switch-User`), or null for anonymous. */
  user: User | null;
  /** The administrator who switched user, when `X-Redmine-Switch-User` was honoured. */
  switchedBy: User | null;
  /** How the caller authenticated. */
  via: 'key' | 'basic' | 'anonymous';
}

/** True for an authenticated administrator. */
export function isAdmin(principal: RedminePrincipal): boolean {
  return principal.user?.admin === true;
}
