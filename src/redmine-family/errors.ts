import type { ApiError } from '../server/errors.js';
import type { ErrorContext, Format, RawResponse } from '../server/types.js';
import { NOT_ACCEPTABLE_TEXT, NOT_FOUND_PAGE } from './error-pages.js';

const BARE_TYPE: Record<Format, string> = { json: 'application/json', xml: 'application/xml' };
const HTML = 'text/html; charset=utf-8';

/**
 * Redmine's error responses, as recorded from a real Redmine 5.0:
 * - 401 / 403 / 404 / 409 / 412: empty body, `Content-Type: application/json` or `application/xml` without charset,
 *   `Cache-Control: no-cache`; 401 adds `WWW-Authenticate: Basic realm="Redmine API"`;
 * - 422: `{"errors":[...]}` or `<errors type="array"><error>…</error></errors>`, with charset;
 * - 406 (no format suffix): the plain-text hint;
 * - 400 (malformed JSON or XML) and 413: empty `text/html`;
 * - unknown route or method: the HTML 404 page.
 */
export function renderRedmineError(err: ApiError, ctx: ErrorContext): RawResponse {
  const format = ctx.format ?? 'json';
  const empty = (status: number, extra: Record<string, string> = {}): RawResponse => ({
    status,
    headers: { 'content-type': BARE_TYPE[format], 'cache-control': 'no-cache', ...extra, ...err.headers },
    body: '',
  });
  switch (err.code) {
    case 'VALIDATION':
      return validationResponse(err.messages, format);
    case 'UNAUTHORIZED':
      return empty(401, { 'www-authenticate': 'Basic realm="Redmine API"' });
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'PRECONDITION_FAILED':
    case 'RATE_LIMITED':
      return empty(err.status);
    case 'NOT_ACCEPTABLE':
      return { status: 406, headers: { 'content-type': acceptType(ctx) }, body: NOT_ACCEPTABLE_TEXT };
    case 'ROUTE_NOT_FOUND':
    case 'METHOD_NOT_ALLOWED':
      return { status: 404, headers: { 'content-type': HTML }, body: NOT_FOUND_PAGE };
    case 'BAD_REQUEST':
    case 'PAYLOAD_TOO_LARGE':
    case 'UNSUPPORTED_MEDIA_TYPE':
      return { status: err.status, headers: { 'content-type': HTML }, body: '' };
    default:
      return empty(500);
  }
}

/** The 422 body in JSON or XML. */
export function validationResponse(list: readonly string[], format: Format): RawResponse {
  const body =
    format === 'xml'
      ? `<?xml version="1.0" encoding="UTF-8"?><errors type="array">${list.map((m) => `<error>${escapeXml(m)}</error>`).join('')}</errors>`
      : JSON.stringify({ errors: list });
  return {
    status: 422,
    headers: { 'content-type': `${BARE_TYPE[format]}; charset=utf-8`, 'cache-control': 'no-cache' },
    body,
  };
}

/** Rails answers the 406 in the format the Accept header asked for. */
function acceptType(ctx: ErrorContext): string {
  const accept = String(ctx.headers.accept ?? '');
  if (accept.includes('application/json')) return 'application/json; charset=utf-8';
  if (accept.includes('application/xml') || accept.includes('text/xml')) return 'application/xml; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
