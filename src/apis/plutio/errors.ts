import { ApiError, type ErrorCode } from '../../server/errors.js';
import { OAuthError, PlutioError } from './domain/index.js';

/** The JSON error body of every Plutio answer: `{statusCode, code, message}`, plus `status` and `name` on OAuth. */
export interface PlutioWireError {
  statusCode: number;
  code: number;
  message: string;
  status?: number;
  name?: string;
}

const CODES: Readonly<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'RATE_LIMITED',
};

/**
 * An {@link ApiError} carrying the exact body a Plutio error answers with, so that the renderer sends it unchanged.
 * Domain errors ({@link PlutioError}, {@link OAuthError}) become this at the module's edge.
 */
export class PlutioApiError extends ApiError {
  constructor(
    readonly body: PlutioWireError,
    headers: Record<string, string> = {},
  ) {
    super(CODES[body.statusCode] ?? 'BAD_REQUEST', body.message, { status: body.statusCode, headers });
    this.name = 'PlutioApiError';
  }
}

/** A plain Plutio error body. */
export function plutioBody(status: number, message: string): PlutioWireError {
  return { statusCode: status, code: status, message };
}

/** An `oauth2-server` error body (the token endpoint's 400s). */
export function oauthBody(message: string, name = 'invalid_request'): PlutioWireError {
  return { statusCode: 400, status: 400, code: 400, message, name };
}

/**
 * Turns what a domain call threw into an {@link ApiError} the pipeline renders: domain errors keep their status and
 * body; an `ApiError` passes through; anything else is rethrown (the pipeline logs it and answers 500).
 */
export function toApiError(err: unknown, headers?: Record<string, string>): ApiError {
  if (err instanceof PlutioError || err instanceof OAuthError) return new PlutioApiError(err.toBody(), headers);
  if (err instanceof ApiError) return err;
  throw err;
}

/** 403 `Method not allowed`: the real API's answer to unknown paths, unsupported verbs and `/<collection>/<id>`. */
export function methodNotAllowed(): PlutioApiError {
  return new PlutioApiError(plutioBody(403, 'Method not allowed'));
}
