import { ApiError } from '../server/errors.js';
import type { RoutedRequest } from '../server/types.js';
import { StoreLimitError } from '../store/limits.js';
import type { RedminePrincipal, User } from './principal.js';
import type { RedmineFamilyState } from './state.js';
import { nowTimestamp } from './time.js';

/**
 * Authenticates a request the way Redmine 5.0's `find_current_user` does for API requests:
 * 1. an API key: the `key` parameter (query string, or the body's top-level `key`) when present, else the
 *    `X-Redmine-API-Key` header; a blank value counts as absent. Rails' `params[:key].present?` is also true for a
 *    list (`key[]=…`) or a hash (`key[a]=…`), whose `to_s` (`["…"]`, `{"a"=>"…"}`) is no user's key: such a key
 *    authenticates nobody, and the header is not looked at;
 * 2. otherwise HTTP Basic: login + password, or an API key as the user name with any password; a password login
 *    updates `last_login_on`;
 * 3. credentials that match no active user leave the caller anonymous (Redmine's `find_current_user` returns nil):
 *    the operation then answers as it does to anonymous callers (public projects), or 401 where it needs a login;
 * 4. `X-Redmine-Switch-User` is honoured for administrators only (unknown or locked login → 412) and ignored for
 *    everyone else;
 * 5. anonymous callers pass only where the operation's security allows `{}`; otherwise 401.
 * Locked users cannot authenticate by any means.
 * @see redmine app/controllers/application_controller.rb find_current_user, api_key_from_request
 */
export function authenticateRedmine(state: RedmineFamilyState, req: RoutedRequest): RedminePrincipal {
  let user: User | null = null;
  let via: RedminePrincipal['via'] = 'anonymous';
  const key = keyParam(req) ?? presence(header(req, 'x-redmine-api-key'));
  const authorization = header(req, 'authorization');
  if (key !== undefined) {
    user = key === NO_USER_KEY ? null : byApiKey(state, key);
    if (user) via = 'key';
  } else if (authorization !== undefined && /^basic /i.test(authorization)) {
    const [login, password] = decodeBasic(authorization.slice(6).trim());
    user = tryLogin(state, login, password) ?? byApiKey(state, login);
    if (user) via = 'basic';
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

/** Stands for a `key` parameter that is present but not a string: it is nobody's key. */
const NO_USER_KEY = Symbol('no user key');

/**
 * The `key` request parameter as Redmine's `api_key_from_request` sees it: the query string's (a plain `key`
 * wins over `key[…]` entries, as the later plain assignment does in Rack), else the body's top-level `key`.
 * A blank string or an empty list is absent; a list, a hash or any other non-string value is {@link NO_USER_KEY}.
 */
function keyParam(req: RoutedRequest): string | typeof NO_USER_KEY | undefined {
  const raw = req.rawQuery.key;
  if (typeof raw === 'string') {
    if (raw.trim() !== '') return raw;
  } else if (raw !== undefined) {
    if (raw.length > 0) return NO_USER_KEY;
  } else if (Object.keys(req.rawQuery).some((name) => name.startsWith('key['))) {
    return NO_USER_KEY;
  }
  const body = req.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const value = (body as Record<string, unknown>).key;
  if (typeof value === 'string') return presence(value);
  if (value === undefined || value === null || value === false) return undefined;
  if (Array.isArray(value)) return value.length > 0 ? NO_USER_KEY : undefined;
  if (typeof value === 'object') return Object.keys(value).length > 0 ? NO_USER_KEY : undefined;
  // A number or `true`: Rails' `to_s` makes a key of it ("123", "true") that is no user's key.
  return presence(String(value));
}

function tryLogin(state: RedmineFamilyState, login: string, password: string): User | null {
  const user = state.users.find((u) => u.login === login && u.status === 1);
  if (!user || user.password !== password) return null;
  try {
    return state.users.update(user.id, { last_login_on: nowTimestamp() });
  } catch (err) {
    // A state at its size limit (`--max-state-size`) keeps the previous login time: no login is refused for it.
    if (err instanceof StoreLimitError) return user;
    throw err;
  }
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

function presence(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
