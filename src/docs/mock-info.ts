import type { ConsoleAuth } from '../server/types.js';
import { API_IDS, type ApiId } from '../spec/load.js';

/** Where the docs' console reads what the mock serving the page is: `/docs/mock.json`. */
export const MOCK_INFO_FILE = 'mock.json';

/**
 * How the console signs in to an API, as the API's module describes it (`consoleAuth`): `type` and the document's
 * security `scheme`, then what the console sends (the shapes of the four APIs are below).
 */
export interface MockAuth {
  type: string;
  scheme: string;
  [field: string]: string | undefined;
}

/** Redmine family: the seeded administrator's API key, sent as `X-Redmine-API-Key`. */
export interface RedmineFamilyAuth extends MockAuth {
  type: 'apiKey';
  /** The security scheme of the document that carries the key. */
  scheme: 'ApiKeyHeader';
  header: 'X-Redmine-API-Key';
  /** Left out for pages not opened on the mock's machine when it is not the documented default (`forClient`). */
  apiKey?: string;
  login: string;
}

/** Plutio: the default application's client credentials, exchanged at `tokenPath`, and its business. */
export interface PlutioAuth extends MockAuth {
  type: 'oauth2';
  scheme: 'PlutioOAuth';
  /** Below the API's base path. */
  tokenPath: '/oauth/token';
  clientId: string;
  /** Left out for pages not opened on the mock's machine when it is not the documented default (`forClient`). */
  clientSecret?: string;
  business: string;
}

/** One API the mock serves. */
export interface MockApi {
  /** Where it is mounted on the mock's origin: `/planio`, `/plutio/v1.8`, or `''` when served at the root. */
  basePath: string;
  auth: MockAuth;
}

/**
 * The answer of `/docs/mock.json`. `served: true` comes from a running mock, which lists the APIs it serves with the
 * credentials it was started with; the built site holds a file with `served: false`, so a page opened from a plain
 * static server learns that no mock is behind it.
 */
export interface MockInfo {
  served: boolean;
  apis: Partial<Record<ApiId, MockApi>>;
}

/** The `mock.json` written into the built site, for static hosting. */
export const STATIC_MOCK_INFO: MockInfo = { served: false, apis: {} };

/** An API mounted on the server (the subset of `Mount` this needs). */
export interface MountedApi {
  module: { id: string; consoleAuth?(): ConsoleAuth };
  basePath: string;
}

/** What a client elsewhere may be told of each API's credentials: the field to withhold and the documented values. */
export type PublicCredentials = Partial<Record<ApiId, Pick<ConsoleAuth, 'secret' | 'defaults'>>>;

/** Describes the mounted APIs for the docs' console, and what clients on other machines may be told of them. */
export interface MockDescription {
  info: MockInfo;
  credentials: PublicCredentials;
}

const isApiId = (id: string): id is ApiId => (API_IDS as readonly string[]).includes(id);

/**
 * Describes the mounted APIs for the docs' console: base paths, and the credentials each module says its console
 * signs in with (`consoleAuth`: as started, from flags, then `CRMKIT_*` variables, then the documented defaults).
 * Modules that are not one of the four APIs (embedded test modules) or say nothing are left out. These are the
 * mock's seeded credentials, which the start-up banner prints too; they open nothing but the mock.
 */
export function describeMock(mounts: readonly MountedApi[]): MockDescription {
  const apis: Partial<Record<ApiId, MockApi>> = {};
  const credentials: PublicCredentials = {};
  for (const { module, basePath } of mounts) {
    const id = module.id;
    const told = module.consoleAuth?.();
    if (!isApiId(id) || told === undefined) continue;
    apis[id] = { basePath, auth: { ...told.auth } };
    credentials[id] = { secret: told.secret, defaults: told.defaults };
  }
  return { info: { served: true, apis }, credentials };
}

/** True for an address of this machine as a socket reports it (`127.0.0.0/8`, `::1`, IPv4-mapped `::ffff:127.…`). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * What one client is told. A page opened on the mock's own machine gets every credential. Any other client gets the
 * documented defaults, which are no secret, but not credentials the mock was started with instead (`--admin-api-key`,
 * `--plutio-client-secret`): whoever shares a mock on a network with their own credentials has the readers sign in
 * with Authorize rather than have the docs hand the credentials out. `credentials` says, per API, which field is the
 * secret and which values are the documented ones (`describeMock`).
 */
export function forClient(info: MockInfo, remoteAddress: string | undefined, credentials: PublicCredentials): MockInfo {
  if (!info.served || isLoopbackAddress(remoteAddress)) return info;
  const apis: Partial<Record<ApiId, MockApi>> = {};
  for (const [id, api] of Object.entries(info.apis) as [ApiId, MockApi][]) {
    const auth: MockAuth = { ...api.auth };
    const rule = credentials[id];
    if (rule && Object.entries(rule.defaults).some(([field, value]) => auth[field] !== value)) delete auth[rule.secret];
    apis[id] = { ...api, auth };
  }
  return { served: true, apis };
}
