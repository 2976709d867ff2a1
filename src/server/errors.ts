/**
 * Typed errors thrown by hooks, handlers and the request pipeline. Nothing in the server writes an error response
 * directly: each API module's `renderError` turns an `ApiError` into that API's real error response, so the wire
 * shape of every error lives in one place per API.
 */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'ROUTE_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_ACCEPTABLE'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'VALIDATION'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'UNAVAILABLE';

/** The HTTP status each code gets unless a renderer decides otherwise. */
export const DEFAULT_STATUS: Readonly<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** Optional extras of an error. */
export interface ApiErrorOptions {
  /** Human-readable messages (for VALIDATION: the API's own validation messages, e.g. "Name cannot be blank"). */
  messages?: string[];
  /** Machine-readable detail (e.g. Ajv errors), shown by generic renderers only. */
  details?: unknown;
  /** Headers to add to the error response (e.g. `Retry-After`, `Allow`). */
  headers?: Record<string, string>;
  /** Overrides the default status of the code. */
  status?: number;
}

/** An expected failure with a code from the catalogue; see `ErrorCode`. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messages: string[];
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message?: string, options: ApiErrorOptions = {}) {
    super(message ?? options.messages?.join('; ') ?? code);
    this.name = 'ApiError';
    this.code = code;
    this.status = options.status ?? DEFAULT_STATUS[code];
    this.messages = options.messages ?? [];
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  /** A 422 with the given validation messages. */
  static validation(messages: string[]): ApiError {
    return new ApiError('VALIDATION', undefined, { messages });
  }

  /** Shorthand for `new ApiError(code)`. */
  static of(code: ErrorCode, message?: string): ApiError {
    return new ApiError(code, message);
  }
}

/** True for an `ApiError` (a type guard). */
export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}
