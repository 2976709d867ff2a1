import { isPlainObject, type JsonObject } from '../json.js';
import { withElementScan } from './element-scan.js';
import { regexSubject } from './regex-safety.js';
import { makeResolver } from './resolve-path.js';

/** A test on any value (records at the top level, array elements inside `$elemMatch`). */
export type ValuePredicate = (value: unknown) => boolean;

/** Compiles one criteria object with mingo; used for every part the fast path does not cover. */
export type Fallback = (criteria: JsonObject) => ValuePredicate;

type Scalar = string | number | boolean | null;
type Builder = (path: string, arg: unknown) => ValuePredicate | undefined;

const isScalar = (v: unknown): v is Scalar => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const isOperator = (k: string) => /^\$[a-zA-Z0-9_]+$/.test(k);
const dots = (path: string) => path.split('.').length - 1;

/**
 * Compiles a validated MongoDB criteria object into closures that give the same answers as mingo for the common
 * operators (`$and $or $nor $eq $ne $gt $gte $lt $lte $in $nin $exists $regex $elemMatch` with scalar arguments)
 * at a fraction of the cost; any other form (`$not`, `$all`, `$size`, `$type`, object or array equality, nested
 * `$exists`) is handed to `fallback` (mingo) field by field. Semantics mirror mingo 7.2's `_predicates.js`.
 * Saves mingo's per-record interpretation: 8.5–11.5× faster on the benchmark `q` over 10,000 people in four runs of
 * `node --import tsx bench/plutio-query.ts --structures`.
 */
export function compileFast(criteria: JsonObject, fallback: Fallback): ValuePredicate {
  const preds: ValuePredicate[] = [];
  for (const key of Object.keys(criteria)) {
    const value = criteria[key];
    if (key === '$and' || key === '$or' || key === '$nor') {
      const subs = (value as JsonObject[]).map((c) => compileFast(c, fallback));
      if (key === '$and') preds.push(all(subs));
      else if (key === '$or') preds.push(any(subs));
      else {
        const or = any(subs);
        preds.push((v) => !or(v));
      }
    } else {
      preds.push(compileField(key, value, fallback) ?? fallback({ [key]: value }));
    }
  }
  return all(preds);
}

/** All of the predicates (a plain loop: no closure is allocated per record). */
function all(preds: ValuePredicate[]): ValuePredicate {
  if (preds.length === 1) return preds[0] as ValuePredicate;
  const [p, q] = preds as [ValuePredicate, ValuePredicate];
  if (preds.length === 2) return (v) => p(v) && q(v);
  return (v) => {
    for (let i = 0; i < preds.length; i++) if (!(preds[i] as ValuePredicate)(v)) return false;
    return true;
  };
}

/** Any of the predicates. */
function any(preds: ValuePredicate[]): ValuePredicate {
  if (preds.length === 1) return preds[0] as ValuePredicate;
  const [p, q] = preds as [ValuePredicate, ValuePredicate];
  if (preds.length === 2) return (v) => p(v) || q(v);
  return (v) => {
    for (let i = 0; i < preds.length; i++) if ((preds[i] as ValuePredicate)(v)) return true;
    return false;
  };
}

function compileField(path: string, expr: unknown, fallback: Fallback): ValuePredicate | undefined {
  if (isScalar(expr)) return eqPredicate(path, expr);
  if (!isPlainObject(expr) || !Object.keys(expr).some(isOperator)) return undefined;
  const preds: ValuePredicate[] = [];
  for (const op of Object.keys(expr)) {
    if (op === '$options') continue;
    const arg =
      op === '$regex' ? new RegExp(expr.$regex as string, (expr.$options as string | undefined) ?? '') : expr[op];
    const pred = op === '$elemMatch' ? elemMatch(path, arg, fallback) : BUILDERS[op]?.(path, arg);
    if (!pred) return undefined;
    preds.push(pred);
  }
  return all(preds);
}

function eqPredicate(path: string, b: Scalar): ValuePredicate {
  const get = makeResolver(path, true);
  const depth = dots(path);
  const isB = (x: unknown) => x === b;
  const whole: ValuePredicate = (v) => {
    const a = get(v);
    if (a === b) return true;
    if (a == null) return b === null;
    return Array.isArray(a) && someFlat(a, depth, isB);
  };
  return withElementScan(path, whole, isB);
}

function someFlat(arr: unknown[], depth: number, test: (x: unknown) => boolean): boolean {
  for (let i = 0; i < arr.length; i++) {
    const x = arr[i];
    if (Array.isArray(x) && depth > 0 ? someFlat(x, depth - 1, test) : test(x)) return true;
  }
  return false;
}

function comparison(test: (x: string | number | boolean, b: string | number | boolean) => boolean): Builder {
  return (path, b) => {
    if (typeof b !== 'string' && typeof b !== 'number' && typeof b !== 'boolean') return undefined;
    const get = makeResolver(path, true);
    const type = typeof b;
    const each = (x: unknown) => typeof x === type && test(x as typeof b, b);
    const whole: ValuePredicate = (v) => {
      const a = get(v);
      if (!Array.isArray(a)) return each(a);
      for (let i = 0; i < a.length; i++) if (each(a[i])) return true;
      return false;
    };
    return withElementScan(path, whole, each);
  };
}

function membership(negate: boolean): Builder {
  return (path, b) => {
    if (!Array.isArray(b) || !b.every(isScalar)) return undefined;
    const get = makeResolver(path, true);
    const set = new Set<unknown>(b);
    const hasNull = set.has(null);
    const whole: ValuePredicate = (v) => {
      const a = get(v);
      if (a == null) return hasNull;
      if (!Array.isArray(a)) return set.has(a);
      for (const x of a) if (set.has(x)) return true;
      return false;
    };
    const test = withElementScan(path, whole, (x) => set.has(x));
    return negate ? (v) => !test(v) : test;
  };
}

const BUILDERS: Record<string, Builder> = {
  $eq: (path, b) => (isScalar(b) ? eqPredicate(path, b) : undefined),
  $ne: (path, b) => {
    if (!isScalar(b)) return undefined;
    const pred = eqPredicate(path, b);
    return (v) => !pred(v);
  },
  $gt: comparison((x, b) => x > b),
  $gte: comparison((x, b) => !(x < b)),
  $lt: comparison((x, b) => x < b),
  $lte: comparison((x, b) => !(x > b)),
  $in: membership(false),
  $nin: membership(true),
  $exists: (path, b) => {
    if (path.includes('.')) return undefined;
    const get = makeResolver(path, false);
    const want = Boolean(b);
    return (v) => (get(v) !== undefined) === want;
  },
  $regex: (path, re) => {
    const get = makeResolver(path, true);
    const regex = re as RegExp;
    const match = (x: unknown) => typeof x === 'string' && regex.test(regexSubject(x));
    const whole: ValuePredicate = (v) => {
      const a = get(v);
      return Array.isArray(a) ? someFlat(a, 1, match) : match(a);
    };
    return withElementScan(path, whole, match);
  },
};

function elemMatch(path: string, criteria: unknown, fallback: Fallback): ValuePredicate | undefined {
  if (!isPlainObject(criteria)) return undefined;
  const keys = Object.keys(criteria);
  const get = makeResolver(path, true);
  let test: ValuePredicate;
  if (keys.length === 0) test = isPlainObject;
  else if (keys.every((k) => isOperator(k) && k !== '$and' && k !== '$or' && k !== '$nor')) {
    const inner = compileFast({ field: criteria }, fallback);
    test = (x) => inner({ field: x });
  } else test = compileFast(criteria, fallback);
  return (v) => {
    const a = get(v);
    return Array.isArray(a) && a.some(test);
  };
}
