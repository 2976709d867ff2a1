import createClient, { type Client, type ClientOptions, mergeHeaders } from 'openapi-fetch';
import type { paths } from '../generated/plutio.js';
import { createPlutioTokenSource, getPlutioToken, type PlutioTokenSource } from './plutio-token.js';
import type { WithDefaultParam } from './typing.js';

/**
 * The resource `paths` of Plutio as {@link PlutioClient} types them: without `/oauth/token` (use
 * {@link getPlutioToken}) and with the `Business` header optional, since the client sends it.
 */
export type PlutioPaths = WithDefaultParam<Omit<paths, '/oauth/token'>, 'header', 'Business', string>;

/** A typed openapi-fetch client of the Plutio v1.8 resources. */
export type PlutioClient = Client<PlutioPaths>;

/** How a Plutio client authenticates: a ready access token, or the application's credentials (and maybe a token). */
export type PlutioCredentials =
  | { token: string; clientId?: undefined; clientSecret?: undefined }
  | { clientId: string; clientSecret: string; token?: string };

/** Options of {@link createPlutioClient}; any other openapi-fetch client option (`fetch`, `headers`…) passes through. */
export type PlutioClientOptions = Omit<ClientOptions, 'baseUrl'> &
  PlutioCredentials & {
    /** The API root, e.g. `https://api.plutio.com/v1.8` or `http://127.0.0.1:4010/plutio/v1.8`. */
    baseUrl: string;
    /** The workspace slug sent as `Business` on every call (a call's own `Business` header wins). */
    business: string;
    /** Renew a token this long before its `accessTokenExpiresAt` (default 30 s, at most half its lifetime). */
    expiryMarginMs?: number;
  };

/**
 * Creates a typed client of the Plutio v1.8 resources that sends `Authorization: Bearer <token>` and `Business` on
 * every call. With `clientId` and `clientSecret` it fetches the token itself from `POST /oauth/token` on the first
 * call, fetches a new one when it nears `accessTokenExpiresAt`, and after a 401 fetches a new one and repeats the
 * call once. With `token` alone a 401 is simply returned. A refused token request rejects the call with a
 * `PlutioTokenError`. Object query parameters (`filters`) are sent as plain `key=value` pairs.
 * @example
 * const plutio = createPlutioClient({ baseUrl, clientId: 'crmkit-client', clientSecret: 'crmkit-secret', business: 'acme' });
 * const { data } = await plutio.GET('/people', { params: { query: { filters: { 'name.first': 'Leo' } } } });
 */
export function createPlutioClient(options: PlutioClientOptions): PlutioClient {
  const { token, clientId, clientSecret, business, expiryMarginMs = 30_000, headers, ...clientOptions } = options;
  const baseFetch = clientOptions.fetch ?? ((request: Request) => globalThis.fetch(request));
  const tokens =
    clientId === undefined
      ? undefined
      : createPlutioTokenSource(
          () => getPlutioToken({ baseUrl: options.baseUrl, clientId, clientSecret, fetch: baseFetch }),
          expiryMarginMs,
          token,
        );
  return createClient<PlutioPaths>({
    querySerializer: { object: { style: 'form', explode: true } },
    ...clientOptions,
    headers: mergeHeaders({ Business: business }, headers),
    fetch: authenticatedFetch(baseFetch, tokens ?? staticToken(token ?? '')),
  });
}

/** A token source for a fixed token: never renewed. */
function staticToken(token: string): PlutioTokenSource {
  return { current: () => Promise.resolve(token), renew: () => Promise.resolve(token) };
}

/**
 * Wraps `fetch` to add the bearer token to each request that has no `Authorization` yet. When the server answers 401
 * and `tokens` can give a different token, the request is sent once more with it.
 */
function authenticatedFetch(
  fetch: (request: Request) => Promise<Response>,
  tokens: PlutioTokenSource,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.headers.has('Authorization')) return fetch(request);
    const spare = request.clone();
    const used = await tokens.current();
    request.headers.set('Authorization', `Bearer ${used}`);
    const response = await fetch(request);
    if (response.status !== 401) return response;
    const renewed = await tokens.renew(used);
    if (renewed === used) return response;
    await response.body?.cancel();
    spare.headers.set('Authorization', `Bearer ${renewed}`);
    return fetch(spare);
  };
}
