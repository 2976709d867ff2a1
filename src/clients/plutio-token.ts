import createClient from 'openapi-fetch';
import type { components, paths } from '../generated/plutio.js';

/** The body of a successful `POST /oauth/token`. */
export type PlutioToken = components['schemas']['TokenResponse'];

/** Options of {@link getPlutioToken}. */
export interface PlutioTokenOptions {
  /** The API root, e.g. `https://api.plutio.com/v1.8` or `http://127.0.0.1:4010/plutio/v1.8`. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Custom fetch (defaults to `globalThis.fetch`). */
  fetch?: (input: Request) => Promise<Response>;
}

/**
 * A refused token request: `status` is the HTTP status, `body` the parsed answer (Plutio's `oauth2-server` object
 * `{statusCode, code, message, name}`, where `name` is the OAuth error such as `invalid_client`).
 */
export class PlutioTokenError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    const detail = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const reason = [detail.name ?? detail.error, detail.message ?? detail.error_description].filter(
      (v) => v !== undefined,
    );
    super(`Plutio token request failed with ${status}${reason.length ? `: ${reason.join(': ')}` : ''}`);
    this.name = 'PlutioTokenError';
  }
}

/**
 * Asks `POST /oauth/token` for an access token with the client-credentials grant, form-encoded as Plutio requires.
 * @throws PlutioTokenError when the server refuses (400 `invalid_client` for wrong credentials, 429 when rate-limited).
 */
export async function getPlutioToken(options: PlutioTokenOptions): Promise<PlutioToken> {
  const client = createClient<Pick<paths, '/oauth/token'>>({ baseUrl: options.baseUrl, fetch: options.fetch });
  const { data, error, response } = await client.POST('/oauth/token', {
    body: { client_id: options.clientId, client_secret: options.clientSecret, grant_type: 'client_credentials' },
    bodySerializer: (body) => new URLSearchParams(body).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  if (data) return data;
  throw new PlutioTokenError(response.status, error);
}

/** Hands out a valid access token, fetching one lazily and again when it nears expiry or is refused. */
export interface PlutioTokenSource {
  /** The current token, fetched first when there is none or it expires within the margin. */
  current(): Promise<string>;
  /** A token to replace `rejected` after a 401: a fresh one, unless another call has already replaced it. */
  renew(rejected: string): Promise<string>;
}

/**
 * Creates a {@link PlutioTokenSource} over `fetchToken`. A token is renewed `marginMs` before its
 * `accessTokenExpiresAt`, but never earlier than half-way through its lifetime. Concurrent calls share one request.
 * `initial` is a token of unknown expiry, used until the server refuses it; so is a token whose expiry does not parse.
 */
export function createPlutioTokenSource(
  fetchToken: () => Promise<PlutioToken>,
  marginMs: number,
  initial?: string,
): PlutioTokenSource {
  let token = initial;
  let renewAt = Number.POSITIVE_INFINITY;
  let pending: Promise<string> | undefined;
  const fetchNew = (): Promise<string> => {
    pending ??= (async () => {
      const issuedAt = Date.now();
      const fresh = await fetchToken();
      const expiresAt = Date.parse(fresh.accessTokenExpiresAt);
      token = fresh.accessToken;
      renewAt = Number.isNaN(expiresAt)
        ? Number.POSITIVE_INFINITY
        : expiresAt - Math.min(marginMs, (expiresAt - issuedAt) / 2);
      return token;
    })().finally(() => {
      pending = undefined;
    });
    return pending;
  };
  const current = (): Promise<string> =>
    token !== undefined && Date.now() < renewAt ? Promise.resolve(token) : fetchNew();
  return { current, renew: (rejected) => (token !== undefined && token !== rejected ? current() : fetchNew()) };
}
