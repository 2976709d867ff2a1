import { randomFillSync } from 'node:crypto';
import type { PlutioApp, PlutioAppConfig } from './app.js';
import { PlutioError } from './errors.js';
import { stableId } from './ids.js';
import { OAuthError } from './oauth-error.js';
import type { Known, Schemas } from './records.js';
import { DEFAULT_MAX_TOKENS_PER_CLIENT, TokenStore, tokenEntry } from './token-store.js';

/** The documented default apps: `crmkit-client` for `acme` and `globex-client` for `globex`. */
export const DEFAULT_APPS: readonly PlutioAppConfig[] = [
  { clientId: 'crmkit-client', clientSecret: 'crmkit-secret', businesses: ['acme'] },
  { clientId: 'globex-client', clientSecret: 'globex-secret', businesses: ['globex'] },
];

/** Default access-token lifetime in seconds (one hour). */
export const DEFAULT_TOKEN_TTL_SECONDS = 3600;

/** Options of {@link PlutioAuth}. */
export interface AuthOptions {
  apps?: readonly PlutioAppConfig[];
  tokenTtlSeconds?: number;
  /** Makes the 40-hex-character access tokens; random bytes by default. */
  tokenFactory?: () => string;
  /** Most live tokens per client; issuing one more forgets the client's oldest unused one. Default 10,000. */
  maxTokensPerClient?: number;
}

/** Body of a successful `POST /oauth/token`, the `oauth2-server` token object (the document's `TokenResponse`). */
export type TokenResponse = Known<Schemas['TokenResponse']>;

/** Result of {@link PlutioAuth.verifyToken}. */
export type TokenCheck =
  | { ok: true; app: PlutioApp; expiresAtMs: number }
  | { ok: false; reason: 'missing' | 'unknown' | 'expired'; error: PlutioError };

/** Builds the app list with every `userId` filled in. */
export function resolveApps(apps: readonly PlutioAppConfig[]): PlutioApp[] {
  return apps.map((app) => ({
    ...app,
    businesses: app.businesses.map((b) => b.toLowerCase()),
    userId: app.userId ?? stableId(`user:${app.clientId}`),
  }));
}

/** Random bytes drawn ahead, 20 per token (one system call per 204 tokens, no buffer per token). */
const RANDOM = Buffer.alloc(4080);
let randomAt = RANDOM.length;

/** A new access token: 20 random bytes as 40 hex digits, the format of the real API's tokens. */
function randomToken(): string {
  if (randomAt + 20 > RANDOM.length) {
    randomFillSync(RANDOM);
    randomAt = 0;
  }
  randomAt += 20;
  return RANDOM.toString('hex', randomAt - 20, randomAt);
}

/**
 * OAuth2 client-credentials authentication as Plutio does it: a form-encoded token request returns a bearer token
 * valid for an hour; every resource call names a business the app is enabled for.
 * @see docs/sources.md#plutio-token — token request and response; docs/sources.md#plutio-business.
 */
export class PlutioAuth {
  readonly apps: readonly PlutioApp[];
  readonly tokenTtlSeconds: number;
  readonly #tokens: TokenStore;
  readonly #tokenFactory: () => string;

  constructor(options: AuthOptions = {}) {
    this.apps = resolveApps(options.apps ?? DEFAULT_APPS);
    this.tokenTtlSeconds = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
    this.#tokenFactory = options.tokenFactory ?? randomToken;
    this.#tokens = new TokenStore(options.maxTokensPerClient ?? DEFAULT_MAX_TOKENS_PER_CLIENT);
  }

  /**
   * Handles the fields of `POST /oauth/token` (already decoded from `application/x-www-form-urlencoded`). Checks
   * happen in the order of `oauth2-server`: client credentials first, then the grant type. A client keeps at most
   * `maxTokensPerClient` live tokens (beyond, its oldest token not used since it was issued is forgotten, see
   * `TokenStore`); expired tokens are forgotten as new ones are issued.
   * @throws OAuthError `invalid_request` (missing field), `invalid_client` (wrong id or secret),
   *   `unsupported_grant_type` (anything but `client_credentials`).
   */
  issueToken(fields: Record<string, unknown>, now: Date): TokenResponse {
    const clientId = field(fields, 'client_id');
    const clientSecret = field(fields, 'client_secret');
    if (!clientId) throw new OAuthError(400, 'invalid_request', 'Missing parameter: `client_id`');
    if (!clientSecret) throw new OAuthError(400, 'invalid_request', 'Missing parameter: `client_secret`');
    const app = this.apps.find((a) => a.clientId === clientId && a.clientSecret === clientSecret);
    if (!app) throw new OAuthError(400, 'invalid_client', 'Invalid client: client is invalid');
    const grantType = field(fields, 'grant_type');
    if (!grantType) throw new OAuthError(400, 'invalid_request', 'Missing parameter: `grant_type`');
    if (grantType !== 'client_credentials') {
      throw new OAuthError(400, 'unsupported_grant_type', 'Unsupported grant type: `grant_type` is invalid');
    }
    const accessToken = this.#tokenFactory();
    const expiresAt = new Date(now.getTime() + this.tokenTtlSeconds * 1000);
    this.#tokens.add(tokenEntry(accessToken, app, expiresAt.getTime()), now);
    return {
      accessToken,
      accessTokenExpiresAt: expiresAt.toISOString(),
      client: { id: app.clientId, userId: app.userId, businesses: [...app.businesses], grants: ['client_credentials'] },
      user: { id: app.userId },
    };
  }

  /** Looks a bearer token up; an expired token is forgotten. Messages are those of `oauth2-server`. */
  verifyToken(token: string | undefined, now: Date): TokenCheck {
    if (!token) return fail('missing', 'Unauthorized request: no authentication given');
    const entry = this.#tokens.use(token);
    if (!entry) return fail('unknown', 'Invalid token: access token is invalid');
    if (entry.expiresAtMs <= now.getTime()) {
      this.#tokens.delete(token);
      return fail('expired', 'Invalid token: access token has expired');
    }
    return { ok: true, app: entry.app, expiresAtMs: entry.expiresAtMs };
  }

  /**
   * Checks the `Business` header against the app. Returns the canonical (lower-case) slug.
   * @throws PlutioError 400 `Business <slug> is not enabled for this client.` (`undefined` when the header is missing).
   */
  checkBusiness(app: PlutioApp, slug: string | undefined): string {
    const canonical = slug?.trim().toLowerCase();
    if (canonical && app.businesses.includes(canonical)) return canonical;
    throw new PlutioError(400, `Business ${slug} is not enabled for this client.`, 'business_not_enabled');
  }

  /**
   * The whole check of a resource call: `Authorization: Bearer <token>` then `Business`.
   * @throws PlutioError 401 for a missing, unknown or expired token; 400 for a business the app may not use.
   */
  authorize(
    authorization: string | undefined,
    business: string | undefined,
    now: Date,
  ): { app: PlutioApp; business: string } {
    const check = this.verifyToken(bearerToken(authorization), now);
    if (!check.ok) throw check.error;
    return { app: check.app, business: this.checkBusiness(check.app, business) };
  }

  /** Number of tokens held (including expired ones not forgotten yet). */
  get tokenCount(): number {
    return this.#tokens.size;
  }

  /** Forgets every issued token. */
  revokeAll(): void {
    this.#tokens.clear();
  }
}

/** Extracts the token of an `Authorization: Bearer <token>` header (scheme case-insensitive). */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function field(fields: Record<string, unknown>, name: string): string | undefined {
  const value = fields[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function fail(reason: 'missing' | 'unknown' | 'expired', message: string): TokenCheck {
  return { ok: false, reason, error: new PlutioError(401, message, 'unauthorized') };
}
