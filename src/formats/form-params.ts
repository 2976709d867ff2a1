/**
 * Rack's nesting of form field names into params, shared by the urlencoded and multipart decoders.
 *
 * @see rack lib/rack/query_parser.rb normalize_params (Rack 2.2, used by Redmine 5 / Rails 6.1)
 */

/** A form body that cannot be decoded (bad percent-encoding, conflicting keys, too deep, too many fields). */
export class FormFormatError extends Error {
  override name = 'FormFormatError';
}

/** Limits of form decoding; every field is optional. */
export interface FormLimits {
  /** Most fields in one body (default 1,000). */
  maxFields?: number;
  /** Deepest bracket nesting of one key (default 32). */
  maxDepth?: number;
  /** Longest accepted body, in characters or bytes (default 8 MiB). */
  maxLength?: number;
}

/** The defaults behind {@link FormLimits}. */
export const FORM_DEFAULTS: Required<FormLimits> = { maxFields: 1000, maxDepth: 32, maxLength: 8 * 1024 * 1024 };

const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);
const KEY_HEAD = /^[[\]]*([^[\]]+)\]*/;
const ARRAY_OF_HASH = /^\[\]\[([^[\]]+)\]$/;
const ARRAY_REST = /^\[\](.+)$/;
const SEGMENTS = /[[\]]+/;

type Params = Record<string, unknown>;

/** Builds nested params from decoded `[name, value]` pairs with Rack's bracket rules (shared by both form types). */
export function nestParams(pairs: Iterable<[string, unknown]>, limits?: FormLimits): Record<string, unknown> {
  const lim = limits ? { ...FORM_DEFAULTS, ...limits } : FORM_DEFAULTS;
  const params: Params = {};
  let count = 0;
  for (const [name, value] of pairs) {
    if (++count > lim.maxFields) throw new FormFormatError(`form has more than ${lim.maxFields} fields`);
    if (name.split(SEGMENTS).some((segment) => UNSAFE.has(segment))) continue;
    normalize(params, name, value, lim.maxDepth);
  }
  return params;
}

function isHash(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hashHasKey(hash: Params, key: string): boolean {
  if (key.includes('[]')) return false;
  let node: unknown = hash;
  for (const part of key.split(SEGMENTS)) {
    if (part === '') continue;
    if (!isHash(node) || !Object.hasOwn(node, part)) return false;
    node = node[part];
  }
  return true;
}

function arrayAt(params: Params, key: string): unknown[] {
  if (!Object.hasOwn(params, key)) params[key] = [];
  const list = params[key];
  if (!Array.isArray(list)) throw new FormFormatError(`expected an array for form field "${key}"`);
  return list;
}

function normalize(params: Params, name: string, value: unknown, depth: number): unknown {
  if (depth <= 0) throw new FormFormatError(`form field "${name.slice(0, 80)}" is nested too deeply`);
  const head = KEY_HEAD.exec(name);
  const key = head?.[1] ?? '';
  const after = head ? name.slice(head[0].length) : '';
  if (key === '') return value !== null && name === '[]' ? [value] : undefined;
  if (after === '') {
    params[key] = value;
  } else if (after === '[') {
    params[name] = value;
  } else if (after === '[]') {
    arrayAt(params, key).push(value);
  } else {
    const child = ARRAY_OF_HASH.exec(after) ?? ARRAY_REST.exec(after);
    if (child) {
      const childKey = child[1] as string;
      const list = arrayAt(params, key);
      const last = list[list.length - 1];
      if (isHash(last) && !hashHasKey(last, childKey)) normalize(last, childKey, value, depth - 1);
      else list.push(normalize({}, childKey, value, depth - 1));
    } else {
      if (!Object.hasOwn(params, key)) params[key] = {};
      const hash = params[key];
      if (!isHash(hash)) throw new FormFormatError(`expected a hash for form field "${key}"`);
      params[key] = normalize(hash, after, value, depth - 1);
    }
  }
  return params;
}
