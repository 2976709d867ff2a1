import type { IncomingHttpHeaders } from 'node:http';
import type { RawResponse } from './types.js';

/**
 * Response headers a browser app reads beyond the CORS-safelisted ones (Cache-Control, Content-Language,
 * Content-Length, Content-Type, Expires, Last-Modified, Pragma): `Location` of a 201, `Retry-After` of a 429 or 503,
 * `WWW-Authenticate` of a 401 and `Allow` of a 405. `cors.test.ts` checks that every header the APIs send is listed
 * here (an `X-Crmkit-*` header the mock adds one day included) or is one a client has no use for.
 */
export const EXPOSED_HEADERS: readonly string[] = ['Location', 'Retry-After', 'WWW-Authenticate', 'Allow'];

/** How long a browser may keep a preflight answer (seconds); Chromium caps it at 7200, Firefox at 86400. */
export const CORS_MAX_AGE = 600;

const EXPOSE = EXPOSED_HEADERS.join(', ');
const MAX_AGE = String(CORS_MAX_AGE);

/** `scheme://host[:port]` or `null`: what a browser sends as `Origin`; anything else gets no CORS headers. */
const ORIGIN = /^(?:null|[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/?#,]+)$/;
/** A comma-separated list of header names (`Access-Control-Request-Headers`). */
const TOKEN_LIST = /^\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:\s*,\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+)*\s*$/;
/** One method name (`Access-Control-Request-Method`). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The origin to answer for, or undefined: the `Origin` header when it looks like one a browser sends (a joined pair
 * of `Origin` headers does not).
 */
export function corsOrigin(origin: string | undefined): string | undefined {
  return origin !== undefined && ORIGIN.test(origin) ? origin : undefined;
}

/** Whether a request is a CORS preflight: `OPTIONS` with `Access-Control-Request-Method` (and an `Origin`). */
export function isPreflight(method: string, headers: IncomingHttpHeaders): boolean {
  return method === 'OPTIONS' && headers['access-control-request-method'] !== undefined;
}

/**
 * The `Access-Control-Allow-Methods` value of an API: its operations' methods (plus HEAD beside GET), in a fixed
 * order, computed once per mounted API.
 */
export function allowMethods(methods: Iterable<string>): string {
  const set = new Set<string>();
  for (const m of methods) set.add(m.toUpperCase());
  if (set.has('GET')) set.add('HEAD');
  const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
  return [...order.filter((m) => set.has(m)), ...[...set].filter((m) => !order.includes(m)).sort()].join(', ');
}

/**
 * The answer to a preflight, given before any routing, authentication, rate limiting or injected fault: 204 with
 * the origin echoed, credentials allowed, the API's methods (plus the requested one when the API has no such
 * method, so that the request itself gets the API's own answer), the requested headers echoed and a max age.
 */
export function preflightResponse(origin: string, headers: IncomingHttpHeaders, methods: string): RawResponse {
  const out: Record<string, string> = {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': methods,
    'access-control-max-age': MAX_AGE,
    vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
  };
  const method = headers['access-control-request-method'];
  if (typeof method === 'string' && TOKEN.test(method) && !methods.split(', ').includes(method)) {
    out['access-control-allow-methods'] = `${methods}, ${method}`;
  }
  const requested = headers['access-control-request-headers'];
  if (typeof requested === 'string' && TOKEN_LIST.test(requested)) {
    out['access-control-allow-headers'] = requested.trim();
  }
  // Chromium's Private Network Access: a public page calling the mock on loopback asks for this first.
  if (headers['access-control-request-private-network'] === 'true') {
    out['access-control-allow-private-network'] = 'true';
  }
  return { status: 204, headers: out };
}

/** Adds the CORS headers of an actual (not preflight) response to a request from `origin`. */
export function addCorsHeaders(headers: Record<string, string>, origin: string): void {
  headers['access-control-allow-origin'] = origin;
  headers['access-control-allow-credentials'] = 'true';
  headers['access-control-expose-headers'] = EXPOSE;
  const vary = headers.vary;
  headers.vary = vary === undefined || vary === '' ? 'Origin' : `${vary}, Origin`;
}
