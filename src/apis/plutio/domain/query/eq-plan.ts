import { isPlainObject, type JsonObject } from '../json.js';

/** A value an equality index holds: a non-null JSON scalar. */
export type IndexKey = string | number | boolean;

/** "The value at `path` equals one of `values`" in MongoDB's sense (an array matches when an element does). */
export interface Lookup {
  path: string;
  values: IndexKey[];
}

const isIndexKey = (v: unknown): v is IndexKey =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * Finds equalities in a validated criteria object that every matching record must satisfy, as a list of lookups of
 * which at least one holds for each match: a top-level `field: scalar`, `field: {$eq: scalar}` or
 * `field: {$in: [scalars]}` (non-null), any such conjunct of `$and`, or one for every branch of `$or`. Among several
 * conjuncts the one naming the fewest values wins. `undefined` when there is none (`$nor`, `$regex`, ranges, `null`,
 * …): the list then scans. The result only narrows where to look: the full predicate still tests every candidate.
 */
export function planLookups(criteria: JsonObject): Lookup[] | undefined {
  let best: Lookup[] | undefined;
  for (const key of Object.keys(criteria)) {
    const value = criteria[key];
    let plan: Lookup[] | undefined;
    if (key === '$and' && Array.isArray(value)) plan = bestOf(value.map(branchPlan));
    else if (key === '$or' && Array.isArray(value)) plan = unionOf(value.map(branchPlan));
    else if (!key.startsWith('$')) plan = fieldPlan(key, value);
    best = narrower(best, plan);
  }
  return best;
}

/** The narrower of two plans (fewer looked-up values), either when the other is missing. */
export function narrower(a: Lookup[] | undefined, b: Lookup[] | undefined): Lookup[] | undefined {
  if (!a || !b) return a ?? b;
  return width(b) < width(a) ? b : a;
}

function width(plan: Lookup[]): number {
  let n = 0;
  for (const lookup of plan) n += lookup.values.length;
  return n;
}

function branchPlan(branch: unknown): Lookup[] | undefined {
  return isPlainObject(branch) ? planLookups(branch) : undefined;
}

function bestOf(plans: Array<Lookup[] | undefined>): Lookup[] | undefined {
  return plans.reduce(narrower, undefined);
}

function unionOf(plans: Array<Lookup[] | undefined>): Lookup[] | undefined {
  if (plans.length === 0) return undefined;
  const out: Lookup[] = [];
  for (const plan of plans) {
    if (!plan) return undefined;
    out.push(...plan);
  }
  return out;
}

function fieldPlan(path: string, expr: unknown): Lookup[] | undefined {
  if (isIndexKey(expr)) return [{ path, values: [expr] }];
  if (!isPlainObject(expr)) return undefined;
  if (isIndexKey(expr.$eq)) return [{ path, values: [expr.$eq] }];
  const list = expr.$in;
  if (Array.isArray(list) && list.length > 0 && list.every(isIndexKey)) return [{ path, values: list }];
  return undefined;
}
