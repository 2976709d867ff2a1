import type { JsonObject } from '../json.js';
import { invalidQuery, pathProblem } from './q-validate.js';

/** Query parameters that are not basic filters. */
export const RESERVED_PARAMS: ReadonlySet<string> = new Set(['skip', 'limit', 'q', 'sort']);

const NUMBER = /^-?(?:\d+|\d*\.\d+)(?:[eE][+-]?\d+)?$/;

/** The values a basic filter value matches: the raw string, plus the boolean or number it spells. */
export function filterCandidates(raw: string): Array<string | number | boolean> {
  if (raw === 'true') return [raw, true];
  if (raw === 'false') return [raw, false];
  if (NUMBER.test(raw) && Number.isFinite(Number(raw))) return [raw, Number(raw)];
  return [raw];
}

/**
 * Turns the basic `key=value` filters of a list call into a MongoDB criteria object. Every parameter but `skip`,
 * `limit`, `q` and `sort` is an equality on the field at that dot path; a value matches an array field when any
 * element equals it; `"true"`/`"false"` and numeric strings also match the boolean or number (the raw string still
 * matches); a repeated parameter matches any of its values. Returns `undefined` when there is no filter.
 * @see shared/research/plutio-api.md §2.2 — `people?name.first=leo`, `projects?contributors=<id>`.
 * @throws PlutioError 400 for a key that starts with `$` or reaches `__proto__`-like properties.
 */
export function filtersToCriteria(params: Record<string, unknown>): JsonObject | undefined {
  const criteria: JsonObject = {};
  let any = false;
  for (const key of Object.keys(params)) {
    if (RESERVED_PARAMS.has(key)) continue;
    const raw = params[key];
    if (raw === undefined) continue;
    const problem = pathProblem(key);
    if (problem) throw invalidQuery(problem);
    const values = (Array.isArray(raw) ? raw : [raw]).map(String);
    criteria[key] = { $in: values.flatMap(filterCandidates) };
    any = true;
  }
  return any ? criteria : undefined;
}
