import { DEFAULT_APPS } from '../apis/plutio/domain/index.js';
import { resolvePlutioSettings } from '../apis/plutio/settings.js';
import { ADMIN_LOGIN, DEFAULT_ADMIN_API_KEY } from '../redmine-family/credentials.js';
import type { ServerOptions } from '../server/options.js';
import { API_IDS, type ApiId } from '../spec/load.js';

/** Where the docs' console reads what the mock serving the page is: `/docs/mock.json`. */
export const MOCK_INFO_FILE = 'mock.json';

/** Redmine family: the seeded administrator's API key, sent as `X-Redmine-API-Key`. */
export interface RedmineFamilyAuth {
  type: 'apiKey';
  /** The security scheme of the document that carries the key. */
  scheme: 'ApiKeyHeader';
  header: 'X-Redmine-API-Key';
  /** Left out for pages not opened on the mock's machine when it is not the documented default (`forClient`). */
  apiKey?: string;
  login: string;
}

/** Plutio: the default application's client credentials, exchanged at `tokenPath`, and its business. */
export interface PlutioAuth {
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
  auth: RedmineFamilyAuth | PlutioAuth;
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
  module: { id: string };
  basePath: string;
}

const isApiId = (id: string): id is ApiId => (API_IDS as readonly string[]).includes(id);

/**
 * Describes the mounted APIs for the docs' console: base paths, and the credentials resolved as the modules resolve
 * them (flags, then `CRMKIT_*` variables, then the documented defaults). Modules that are not one of the four APIs
 * (embedded test modules) are left out. These are the mock's seeded credentials, which the start-up banner prints
 * too; they open nothing but the mock.
 */
export function describeMock(mounts: readonly MountedApi[], options: ServerOptions): MockInfo {
  const apis: Partial<Record<ApiId, MockApi>> = {};
  for (const { module, basePath } of mounts) {
    const id = module.id;
    if (!isApiId(id)) continue;
    if (id === 'plutio') {
      const { defaultApp } = resolvePlutioSettings({ ...options, seed: options.seed ?? 1, basePath });
      apis[id] = {
        basePath,
        auth: {
          type: 'oauth2',
          scheme: 'PlutioOAuth',
          tokenPath: '/oauth/token',
          clientId: defaultApp.clientId,
          clientSecret: defaultApp.clientSecret,
          business: defaultApp.businesses[0] ?? '',
        },
      };
    } else {
      apis[id] = {
        basePath,
        auth: {
          type: 'apiKey',
          scheme: 'ApiKeyHeader',
          header: 'X-Redmine-API-Key',
          apiKey: options.adminApiKey ?? DEFAULT_ADMIN_API_KEY,
          login: ADMIN_LOGIN,
        },
      };
    }
  }
  return { served: true, apis };
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
 * with Authorize rather than have the docs hand the credentials out.
 */
export function forClient(info: MockInfo, remoteAddress: string | undefined): MockInfo {
  if (!info.served || isLoopbackAddress(remoteAddress)) return info;
  const defaultApp = DEFAULT_APPS[0];
  const apis: Partial<Record<ApiId, MockApi>> = {};
  for (const [id, api] of Object.entries(info.apis) as [ApiId, MockApi][]) {
    const auth = { ...api.auth };
    if (auth.type === 'apiKey' && auth.apiKey !== DEFAULT_ADMIN_API_KEY) delete auth.apiKey;
    if (
      auth.type === 'oauth2' &&
      (auth.clientId !== defaultApp?.clientId || auth.clientSecret !== defaultApp?.clientSecret)
    ) {
      delete auth.clientSecret;
    }
    apis[id] = { ...api, auth };
  }
  return { served: true, apis };
}
