import type { ApiError } from '../../server/errors.js';
import type { ErrorContext, RawResponse } from '../../server/types.js';
import { oauthBody, PlutioApiError, type PlutioWireError, plutioBody } from './errors.js';

/** The operation whose 400s are `oauth2-server` errors. */
export const TOKEN_OPERATION = 'generateAccessToken';

const JSON_UTF8 = 'application/json; charset=utf-8';

/**
 * Renders every error as Plutio's JSON error body (`{statusCode, code, message}`, the document's `Error` schema)
 * with `Content-Type: application/json; charset=utf-8`. Domain errors keep their body; errors the engine raises get
 * Plutio's status and wording: unknown routes and verbs 403 `Method not allowed` (not 404/405, and without an
 * `Allow` header), malformed bodies 400, unexpected failures 500. A 400 of the token call is an `oauth2-server`
 * `invalid_request`. Only `Retry-After` is kept from the error's headers.
 */
export function renderPlutioError(err: ApiError, ctx: ErrorContext): RawResponse {
  const body = err instanceof PlutioApiError ? err.body : engineBody(err, ctx);
  const headers: Record<string, string> = { 'content-type': JSON_UTF8 };
  const retryAfter = err.headers['retry-after'];
  if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
  return { status: body.statusCode, headers, body: JSON.stringify(body) };
}

function engineBody(err: ApiError, ctx: ErrorContext): PlutioWireError {
  switch (err.code) {
    case 'ROUTE_NOT_FOUND':
    case 'METHOD_NOT_ALLOWED':
    case 'FORBIDDEN':
      return plutioBody(403, 'Method not allowed');
    case 'BAD_REQUEST':
    case 'UNSUPPORTED_MEDIA_TYPE':
    case 'VALIDATION': {
      const message = badRequestMessage(err.message);
      if (ctx.operation?.operationId === TOKEN_OPERATION) return oauthBody(`Invalid request: ${lowerFirst(message)}`);
      return plutioBody(400, message);
    }
    case 'PAYLOAD_TOO_LARGE':
      return plutioBody(413, 'Request entity too large');
    case 'UNAUTHORIZED':
      return plutioBody(401, 'Unauthorized request: no authentication given');
    case 'NOT_FOUND':
      return plutioBody(404, 'Not found');
    case 'INTERNAL':
      return plutioBody(500, 'Internal server error');
    default:
      return plutioBody(err.status, err.message);
  }
}

/** Plutio-style wording of the engine's body errors (`malformed JSON: …` → `Request body is not valid JSON`). */
function badRequestMessage(message: string): string {
  if (message.startsWith('malformed JSON') || message.startsWith('JSON ')) return 'Request body is not valid JSON';
  if (message.startsWith('malformed form') || message.startsWith('multipart')) return 'Request body is not valid';
  return message.length > 0 ? message[0]!.toUpperCase() + message.slice(1) : 'Bad request';
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0]!.toLowerCase() + text.slice(1) : text;
}
