import { badRequest } from '../errors.js';
import type { JsonObject } from '../json.js';
import { roundMoney } from './invoices.js';

function parseDate(record: JsonObject, field: string): number | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  const t = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) throw badRequest(`${field} must be an ISO 8601 date-time.`);
  return t;
}

/**
 * Computes the derived fields of a time track: `time` in seconds from `startedAt`/`stoppedAt` (when both are set;
 * otherwise a given `time` is kept), `billingAmount` = hours × `billingRate` and `costAmount` = hours × `costRate`,
 * rounded to cents.
 * @see docs/sources.md#plutio-time-tracks — `time` is in seconds (5400 = 1.5 h).
 * @throws PlutioError 400 for unparsable dates, `stoppedAt` before `startedAt`, or non-numeric rates.
 */
export function deriveTimeTrack(record: JsonObject): JsonObject {
  const started = parseDate(record, 'startedAt');
  const stopped = parseDate(record, 'stoppedAt');
  const out = { ...record };
  if (started !== undefined && stopped !== undefined) {
    if (stopped < started) throw badRequest('stoppedAt must not be before startedAt.');
    out.time = Math.round((stopped - started) / 1000);
  }
  if (out.time !== undefined && out.time !== null && (typeof out.time !== 'number' || out.time < 0)) {
    throw badRequest('time must be a non-negative number of seconds.');
  }
  const hours = typeof out.time === 'number' ? out.time / 3600 : 0;
  for (const [rate, amount] of [
    ['billingRate', 'billingAmount'],
    ['costRate', 'costAmount'],
  ] as const) {
    const value = out[rate];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw badRequest(`${rate} must be a number.`);
    out[amount] = roundMoney(hours * value);
  }
  return out;
}
