/** HTTP statuses the Plutio API answers with for request errors. */
export type PlutioErrorStatus = 400 | 401 | 403 | 404 | 429;

/** Machine-readable reason of a {@link PlutioError}, for handlers and tests (not sent on the wire). */
export type PlutioErrorReason =
  | 'bad_request'
  | 'invalid_query'
  | 'unsupported_operator'
  | 'missing_id'
  | 'invalid_reference'
  | 'business_not_enabled'
  | 'unauthorized'
  | 'method_not_allowed'
  | 'not_found'
  | 'rate_limited'
  | 'limit_reached';

/** JSON body of a Plutio error response: `{statusCode, code, message}`. */
export interface PlutioErrorBody {
  statusCode: number;
  code: number;
  message: string;
}

/**
 * A request error of the Plutio domain. Carries the HTTP status and the message text the real API uses where it is
 * known (e.g. `Business acme is not enabled for this client.`, `Method not allowed`).
 * @see docs/sources.md#plutio-errors — status codes and recorded message texts.
 */
export class PlutioError extends Error {
  override readonly name: string = 'PlutioError';

  constructor(
    readonly status: PlutioErrorStatus,
    message: string,
    readonly reason: PlutioErrorReason = reasonFor(status),
  ) {
    super(message);
  }

  /** The response body, `{statusCode, code, message}`. */
  toBody(): PlutioErrorBody {
    return { statusCode: this.status, code: this.status, message: this.message };
  }
}

function reasonFor(status: PlutioErrorStatus): PlutioErrorReason {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'method_not_allowed';
    case 404:
      return 'not_found';
    case 429:
      return 'rate_limited';
    default:
      return 'bad_request';
  }
}

/** 400 Bad request. */
export function badRequest(message: string, reason: PlutioErrorReason = 'bad_request'): PlutioError {
  return new PlutioError(400, message, reason);
}

/** 404 for a record id that does not exist in a collection. */
export function notFound(collection: string, id: string): PlutioError {
  return new PlutioError(404, `Record ${id} not found in ${collection}.`, 'not_found');
}

/** 403 `Method not allowed`, the answer of the real API to unknown routes and unsupported verbs. */
export function methodNotAllowed(): PlutioError {
  return new PlutioError(403, 'Method not allowed', 'method_not_allowed');
}

/** 400 when a write body lacks `_id` (update, delete, move, copy). */
export function missingId(): PlutioError {
  return new PlutioError(400, '_id is required.', 'missing_id');
}

/** 400 for a field that points at a record that does not exist. */
export function invalidReference(field: string, id: unknown, collection: string): PlutioError {
  return new PlutioError(
    400,
    `${field} ${String(id)} does not match any record in ${collection}.`,
    'invalid_reference',
  );
}
