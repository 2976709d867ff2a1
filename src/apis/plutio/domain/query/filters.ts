import type { JsonObject } from '../json.js';
import { invalidQuery, pathProblem } from './q-validate.js';

/** Query parameters that are not basic filters. */
export const RESERVED_PARAMS: ReadonlySet<string> = new Set(['skip', 'limit', 'q', 'sort']);

/** Most basic `key=value` filter keys one list call may carry. */
export const MAX_FILTER_KEYS = 50;

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
 * @see docs/sources.md#plutio-query — `people?name.first=leo`, `projects?contributors=<id>`.
 * @throws PlutioError 400 for more than {@link MAX_FILTER_KEYS} keys, a key with a segment that starts with `$` or
 * names `__proto__`, `constructor` or `prototype`, and parameters whose prototype a `__proto__` key replaced.
 */
export function filtersToCriteria(params: Record<string, unknown>): JsonObject | undefined {
  if (!plainPrototype(params)) throw invalidQuery('filter key "__proto__" is not allowed');
  const criteria: JsonObject = {};
  let any = false;
  let count = 0;
  for (const key of Object.keys(params)) {
    if (RESERVED_PARAMS.has(key)) continue;
    const raw = params[key];
    if (raw === undefined) continue;
    if (++count > MAX_FILTER_KEYS) throw invalidQuery(`more than ${MAX_FILTER_KEYS} filter keys`);
    const problem = pathProblem(key);
    if (problem) throw invalidQuery(problem.replace('field path', 'filter key'));
    const values = (Array.isArray(raw) ? raw : [raw]).map(String);
    criteria[key] = { $in: values.flatMap(filterCandidates) };
    any = true;
  }
  return any ? criteria : undefined;
}

/**
 * True when `params` inherits what a plain object or a prototype-less one does: its prototype is `Object.prototype`,
 * `null`, or an empty object without a prototype (the HTTP layer's query objects). False when a `__proto__` key
 * replaced it.
 */
function plainPrototype(params: object): boolean {
  const proto: object | null = Object.getPrototypeOf(params);
  if (proto === null || proto === Object.prototype) return true;
  return Object.getPrototypeOf(proto) === null && Reflect.ownKeys(proto).length === 0;
}
