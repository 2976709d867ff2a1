import type { ApiError } from './errors.js';
import type { RawResponse } from './types.js';

/**
 * A plain JSON error response (`{"error": {"code", "message", "messages"?, "details"?}}`), for APIs without an error
 * format of their own and for the control endpoints.
 */
export function renderJsonError(err: ApiError): RawResponse {
  const error: Record<string, unknown> = { code: err.code, message: err.message };
  if (err.messages.length > 0) error.messages = err.messages;
  if (err.details !== undefined) error.details = err.details;
  return {
    status: err.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...err.headers },
    body: JSON.stringify({ error }),
  };
}
