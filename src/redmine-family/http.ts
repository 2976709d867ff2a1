import { ApiError } from '../server/errors.js';
import type { ErrorContext, RawResponse, RequestInfo } from '../server/types.js';

/**
 * Redmine's answer to a path no API route matches: a path that would match with a `.json` suffix (it has no format
 * suffix, or another one such as `.html`) gets 406 with the plain-text hint; anything else the HTML 404 page.
 */
export function redmineNoRoute(info: RequestInfo, hasPath: (path: string) => boolean): ApiError {
  const slash = info.path.lastIndexOf('/');
  const dot = info.path.lastIndexOf('.');
  const bare = dot > slash ? info.path.slice(0, dot) : info.path;
  return hasPath(`${bare}.json`) ? new ApiError('NOT_ACCEPTABLE') : new ApiError('ROUTE_NOT_FOUND');
}

/** Headers every Redmine (Rails 6.1 default) response carries. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-frame-options': 'SAMEORIGIN',
  'x-xss-protection': '1; mode=block',
  'x-content-type-options': 'nosniff',
  'x-download-options': 'noopen',
  'x-permitted-cross-domain-policies': 'none',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/**
 * Adds the headers a real Redmine sends: Rails' security headers on everything, `Cache-Control: max-age=0,
 * private, must-revalidate` on 200/201 and `no-cache` on 204 (error renderers set their own).
 */
export function redmineFinalize(res: RawResponse, _ctx: ErrorContext): void {
  const h = res.headers;
  for (const name in SECURITY_HEADERS) h[name] = SECURITY_HEADERS[name] as string;
  if (h['cache-control'] === undefined) {
    if (res.status === 200 || res.status === 201) h['cache-control'] = 'max-age=0, private, must-revalidate';
    else if (res.status === 204) h['cache-control'] = 'no-cache';
  }
}
