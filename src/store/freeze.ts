/** A value whose nested objects and arrays are all read-only, as stored records are. */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * Deep-copies a JSON-like value (plain objects, arrays, scalars) and freezes every level of the copy. The store
 * keeps only frozen copies, so a reader can never change stored state through a returned object and a writer's
 * later changes to its own object never leak into the store.
 */
export function frozenCopy<T>(value: T): DeepReadonly<T> {
  return copy(value) as DeepReadonly<T>;
}

function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return Object.freeze(value.map(copy));
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = copy(v);
  }
  return Object.freeze(out);
}

/** A mutable deep copy of a stored (frozen) value, for callers that want to edit before writing back. */
export function thawedCopy<T>(value: DeepReadonly<T> | T): T {
  return structuredClone(value) as T;
}
