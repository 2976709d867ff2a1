/**
 * Field-path resolution with MongoDB's array traversal, ported from mingo's `resolve()` (mingo 7.2,
 * `util/_internal.js`) with the path split once instead of on every call. `a.b` on `{a: [{b: 1}, {b: 2}]}` gives
 * `[1, 2]`; a numeric segment indexes an array; missing values are dropped from traversed arrays. Kept identical
 * in behaviour so the fast predicates agree with mingo (checked by the differential tests).
 */
export type PathResolver = (value: unknown) => unknown;

/**
 * Makes a resolver for a dot path; `unwrapArray` as mingo's option of that name (used by value predicates). Paths of
 * up to three plain segments get unrolled code for records made of plain objects; the first array met on the way
 * (or a numeric or `Object.prototype`-named segment) switches to the general algorithm. Saves mingo's per-call
 * path splitting and recursion: 8.5–9.3× faster than mingo's `resolve` on `address.city` over 10,000 people,
 * measured with `node --import tsx bench/plutio-query.ts --structures`.
 */
export function makeResolver(path: string, unwrapArray: boolean): PathResolver {
  const parts = path.split('.');
  const general: PathResolver = (obj) =>
    obj === null || typeof obj !== 'object' ? obj : resolveParts(obj, parts, unwrapArray);
  const [a = '', b = '', c = ''] = parts;
  if (!isPlainPath(parts)) {
    if (parts.length > 1) return general;
    return (obj) => (obj !== null && typeof obj === 'object' && !Array.isArray(obj) ? getValue(obj, a) : general(obj));
  }
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
  switch (parts.length) {
    case 1:
      return (obj) => (isObj(obj) && !Array.isArray(obj) ? obj[a] : general(obj));
    case 2:
      return (obj) => {
        if (!isObj(obj) || Array.isArray(obj)) return general(obj);
        const v = obj[a];
        if (!isObj(v)) return undefined;
        return Array.isArray(v) ? fieldOfElements(v, b, unwrapArray) : v[b];
      };
    case 3:
      return (obj) => {
        if (!isObj(obj) || Array.isArray(obj)) return general(obj);
        const v = obj[a];
        if (!isObj(v)) return undefined;
        if (Array.isArray(v)) return general(obj);
        const w = v[b];
        if (!isObj(w)) return undefined;
        return Array.isArray(w) ? general(obj) : w[c];
      };
    default:
      return general;
  }
}

/**
 * Whether every segment of a split path is a plain field name: not numeric (an array index), not empty and not a
 * property every object inherits (`constructor`, `toString`, …), so a direct property read gives mingo's answer.
 */
export function isPlainPath(parts: readonly string[]): boolean {
  return !parts.some((p) => isDigits(p) || p in Object.prototype);
}

/** `arr.field` where `arr` is an array: the general algorithm's result for one traversal level, without recursion. */
function fieldOfElements(items: unknown[], field: string, unwrapArray: boolean): unknown[] {
  const acc: unknown[] = [];
  for (const item of items) {
    if (Array.isArray(item)) acc.push(item);
    else if (item !== null && typeof item === 'object') {
      const x = (item as Record<string, unknown>)[field];
      if (x !== undefined) acc.push(x);
    }
  }
  return unwrapArray && acc.length === 1 && Array.isArray(acc[0]) ? acc[0] : acc;
}

/** mingo's `getValue`: own properties only; arrays are indexed by the numeric value of the key. */
export function getValue(obj: unknown, key: string): unknown {
  if (obj === null || typeof obj !== 'object') return undefined;
  if (Array.isArray(obj)) return obj[Number(key)];
  return Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

function resolveParts(obj: object, parts: string[], unwrapArray: boolean): unknown {
  const state = { depth: 0 };
  const res = resolveFrom(obj, parts, 0, state);
  return unwrapArray && Array.isArray(res) ? unwrap(res, state.depth) : res;
}

function resolveFrom(o: unknown, parts: string[], start: number, state: { depth: number }): unknown {
  let value = o;
  for (let i = start; i < parts.length; i++) {
    const field = parts[i] as string;
    if (!isDigits(field) && Array.isArray(value)) {
      if (i === start && state.depth > 0) break;
      state.depth++;
      const acc: unknown[] = [];
      for (const item of value) {
        const v = resolveFrom(item, parts, i, state);
        if (v !== undefined) acc.push(v);
      }
      value = acc;
      break;
    }
    value = getValue(value, field);
    if (value === undefined) break;
  }
  return value;
}

function unwrap(arr: unknown[], depth: number): unknown[] {
  let out = arr;
  let d = depth;
  if (d < 1) return out;
  while (d-- && out.length === 1 && Array.isArray(out[0])) out = out[0] as unknown[];
  return out;
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
