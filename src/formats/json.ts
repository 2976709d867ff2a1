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
}

const DEFAULTS: Required<JsonLimits> = { maxDepth: 64, maxLength: 8 * 1024 * 1024 };
const UNSAFE = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * Parses a JSON request body. Keys named `__proto__`, `constructor` or `prototype` are removed at every level
 * (JSON.parse makes them own properties, which a later merge or spread could turn into prototype pollution).
 * Throws {@link JsonFormatError} on a syntax error, a body over maxLength or nesting deeper than maxDepth.
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
  sanitize(value, 1, lim.maxDepth);
  return value;
}

function sanitize(value: unknown, depth: number, maxDepth: number): void {
  if (value === null || typeof value !== 'object') return;
  if (depth > maxDepth) throw new JsonFormatError(`JSON nested deeper than ${maxDepth} levels`);
  if (Array.isArray(value)) {
    for (const item of value) sanitize(item, depth + 1, maxDepth);
    return;
  }
  const obj = value as Record<string, unknown>;
  for (const key of UNSAFE) if (Object.hasOwn(obj, key)) delete obj[key];
  for (const key in obj) sanitize(obj[key], depth + 1, maxDepth);
}
