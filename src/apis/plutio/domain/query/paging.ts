import { badRequest } from '../errors.js';

/** Records a list returns when `limit` is not given. The real default is not documented. */
export const DEFAULT_LIMIT = 100;
/** Largest page: a larger `limit` is capped to it (clients send `limit=1000`, which the real API accepts). */
export const MAX_LIMIT = 1000;

/** Parsed paging of a list call. */
export interface Paging {
  skip: number;
  limit: number;
}

/**
 * Parses `skip` and `limit` (strings from the query, or numbers when the HTTP layer already coerced them).
 * Both must be non-negative integers. `skip` defaults to 0; `limit` defaults to {@link DEFAULT_LIMIT}, is capped at
 * {@link MAX_LIMIT}, and `limit=0` means "no limit" as in MongoDB, i.e. {@link MAX_LIMIT}.
 * @see docs/sources.md#plutio-paging — `tasks?skip=20&limit=50` returns items 21..70.
 * @throws PlutioError 400 for anything that is not a non-negative integer.
 */
export function parsePaging(skip: unknown, limit: unknown): Paging {
  const s = parseCount('skip', skip) ?? 0;
  const l = parseCount('limit', limit) ?? DEFAULT_LIMIT;
  return { skip: s, limit: l === 0 ? MAX_LIMIT : Math.min(l, MAX_LIMIT) };
}

function parseCount(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  throw badRequest(`Invalid ${name}: must be a non-negative integer.`);
}
