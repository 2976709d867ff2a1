/** A JSON body that does not parse, nests too deeply or is too long. */
export class JsonFormatError extends Error {
  override name = 'JsonFormatError';
}

/** Limits of JSON body parsing; every field is optional. */
export interface JsonLimits {
  /** Deepest nesting of arrays and objects, the top level being 1 (default 64). */
  maxDepth?: number;
  /** Longest accepted body, in characters (default 8 MiB). */
  maxLength?: number;
  /**
   * Most array items and object members in the whole body (default 100,000). A body of hundreds of thousands of
   * small items is cheap to send but costly to validate (one error object per bad item), so it is refused up front.
   */
  maxItems?: number;
}

const DEFAULTS: Required<JsonLimits> = { maxDepth: 64, maxLength: 8 * 1024 * 1024, maxItems: 100_000 };
const UNSAFE = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * Parses a JSON request body. Keys named `__proto__`, `constructor` or `prototype` are removed at every level
 * (JSON.parse makes them own properties, which a later merge or spread could turn into prototype pollution).
 * Throws {@link JsonFormatError} on a syntax error, a body over maxLength, nesting deeper than maxDepth or more than
 * maxItems array items and object members.
 */
export function parseJsonBody(text: string, limits?: JsonLimits): unknown {
  const lim = limits ? { ...DEFAULTS, ...limits } : DEFAULTS;
  if (text.length > lim.maxLength) throw new JsonFormatError(`JSON body longer than ${lim.maxLength} characters`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new JsonFormatError(`malformed JSON: ${(err as Error).message}`);
  }
  const budget = { items: lim.maxItems };
  sanitize(value, 1, lim.maxDepth, budget);
  return value;
}

function spend(budget: { items: number }, count: number): void {
  budget.items -= count;
  if (budget.items < 0) throw new JsonFormatError('JSON body has too many array items and object members');
}

function sanitize(value: unknown, depth: number, maxDepth: number, budget: { items: number }): void {
  if (value === null || typeof value !== 'object') return;
  if (depth > maxDepth) throw new JsonFormatError(`JSON nested deeper than ${maxDepth} levels`);
  if (Array.isArray(value)) {
    spend(budget, value.length);
    for (const item of value) sanitize(item, depth + 1, maxDepth, budget);
    return;
  }
  const obj = value as Record<string, unknown>;
  for (const key of UNSAFE) if (Object.hasOwn(obj, key)) delete obj[key];
  for (const key in obj) {
    spend(budget, 1);
    sanitize(obj[key], depth + 1, maxDepth, budget);
  }
}
