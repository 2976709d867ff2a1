import { ApiError } from '../server/errors.js';
import { queryString } from '../server/query.js';
import type { RoutedRequest } from '../server/types.js';
import type { RedminePrincipal, User } from './principal.js';
import type { RedmineFamilyState } from './state.js';
import { nowTimestamp } from './time.js';

/**
 * Authenticates a request the way Redmine's `find_current_user` does for API requests:
 * 1. the `key` parameter (query string, or the body's top-level `key`), then the `X-Redmine-API-Key` header;
 *    a blank value counts as absent; an unknown key is refused (401);
 * 2. otherwise HTTP Basic: login + password, or an API key as the user name with any password (401 on failure);
 *    a password login updates `last_login_on`;
 * 3. `X-Redmine-Switch-User` is honoured for administrators only (unknown or locked login → 412) and ignored for
 *    everyone else;
 * 4. anonymous callers pass only where the operation's security allows `{}`; otherwise 401.
 * Locked users cannot authenticate by any means.
 * @see redmine app/controllers/application_controller.rb find_current_user, api_key_from_request
 */
export function authenticateRedmine(state: RedmineFamilyState, req: RoutedRequest): RedminePrincipal {
  let user: User | null = null;
  let via: RedminePrincipal['via'] = 'anonymous';
  const key =
    presence(queryString(req.rawQuery, 'key')) ??
    presence(bodyKey(req.body)) ??
    presence(header(req, 'x-redmine-api-key'));
  const authorization = header(req, 'authorization');
  if (key !== undefined) {
    user = byApiKey(state, key);
    if (!user) throw new ApiError('UNAUTHORIZED', 'invalid API key');
    via = 'key';
  } else if (authorization !== undefined && /^basic /i.test(authorization)) {
    const [login, password] = decodeBasic(authorization.slice(6).trim());
    user = tryLogin(state, login, password) ?? byApiKey(state, login);
    if (!user) throw new ApiError('UNAUTHORIZED', 'invalid credentials');
    via = 'basic';
  }
  let switchedBy: User | null = null;
  const switchTo = presence(header(req, 'x-redmine-switch-user'));
  if (user?.admin && switchTo !== undefined) {
    const target = state.users.find((u) => u.login === switchTo && u.status === 1);
    if (!target) throw new ApiError('PRECONDITION_FAILED', 'Invalid X-Redmine-Switch-User header');
    switchedBy = user;
    user = target;
  }
  if (!user && !req.operation.allowsAnonymous) throw new ApiError('UNAUTHORIZED', 'authentication required');
  return { user, switchedBy, via };
}

function tryLogin(state: RedmineFamilyState, login: string, password: string): User | null {
  const user = state.users.find((u) => u.login === login && u.status === 1);
  if (!user || user.password !== password) return null;
  return state.users.update(user.id, { last_login_on: nowTimestamp() });
}

function byApiKey(state: RedmineFamilyState, key: string): User | null {
  return state.users.find((u) => u.api_key === key && u.status === 1) ?? null;
}

function decodeBasic(encoded: string): [string, string] {
  const text = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? [text, ''] : [text.slice(0, colon), text.slice(colon + 1)];
}

function header(req: RoutedRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function bodyKey(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const key = (body as Record<string, unknown>).key;
  return typeof key === 'string' ? key : undefined;
}

function presence(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
