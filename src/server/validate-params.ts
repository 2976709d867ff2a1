import { ApiError } from './errors.js';
import type { RoutedRequest } from './types.js';
import type { OperationValidator, ParamResult } from './validation.js';

/** Coerced path and query parameters of a request. */
export interface ValidatedParams {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
}

/**
 * Validates path, query and header parameters. An invalid path parameter means the object cannot exist (NOT_FOUND);
 * invalid query or header parameters are refused (BAD_REQUEST) or, with `ignore`, dropped so that the handler falls
 * back to the default, as Rails' `to_i` parsing does.
 */
export function validateParams(
  validator: OperationValidator,
  req: RoutedRequest,
  mode: 'reject' | 'ignore',
): ValidatedParams {
  const path = validator.params('path', req.pathParams);
  if (path.issues.length > 0) throw new ApiError('NOT_FOUND', 'invalid path parameter', { details: path.issues });
  const query = settle(validator, 'query', req.rawQuery, mode);
  settle(validator, 'header', req.headers as Record<string, unknown>, mode);
  return { params: path.values, query: query.values };
}

function settle(
  validator: OperationValidator,
  location: 'query' | 'header',
  raw: Record<string, unknown>,
  mode: 'reject' | 'ignore',
): ParamResult {
  let result = validator.params(location, raw);
  if (result.issues.length === 0) return result;
  if (mode === 'reject') {
    throw new ApiError('BAD_REQUEST', `invalid ${location} parameter`, { details: result.issues });
  }
  const names = result.issues.map((i) => i.pointer.split('/')[1] ?? '').filter((n) => n !== '');
  const drop = new Set(location === 'header' ? names.map((n) => n.toLowerCase()) : names);
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!drop.has(k)) kept[k] = v;
  result = validator.params(location, kept);
  return result.issues.length === 0 ? result : { values: {}, issues: [] };
}
