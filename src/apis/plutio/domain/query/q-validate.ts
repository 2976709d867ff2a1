import { badRequest, type PlutioError } from '../errors.js';
import { isPlainObject, type JsonObject } from '../json.js';
import { regexProblem } from './regex-safety.js';

/** The MongoDB operators a `q` query may use; anything else (`$where`, `$expr`, `$function`, …) is refused. */
export const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
  '$and',
  '$or',
  '$nor',
  '$not',
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$exists',
  '$regex',
  '$options',
  '$elemMatch',
  '$size',
  '$all',
  '$type',
]);

/** Deepest nesting of objects and arrays a `q` may have. */
export const MAX_Q_DEPTH = 20;
/** Most JSON values (objects, arrays and scalars) a `q` may hold. */
export const MAX_Q_NODES = 200;

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/** A 400 for a refused query, with the text `Invalid query: <detail>.` */
export function invalidQuery(detail: string): PlutioError {
  return badRequest(`Invalid query: ${detail}.`, 'invalid_query');
}

/**
 * Parses the `q` parameter (a JSON-encoded MongoDB query) and checks it before anything evaluates it: valid JSON, a
 * JSON object, only {@link ALLOWED_OPERATORS}, at most {@link MAX_Q_DEPTH} levels and {@link MAX_Q_NODES} values,
 * well-formed operator arguments, safe `$regex` patterns and field paths without `__proto__`-like segments.
 * @see docs/sources.md#plutio-q — "Advanced queries (BETA)": `q` holds a raw MongoDB query.
 * @throws PlutioError 400 (`unsupported_operator` for a refused operator, `invalid_query` otherwise).
 */
export function parseQ(raw: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidQuery('q must be valid JSON');
  }
  if (!isPlainObject(parsed)) throw invalidQuery('q must be a JSON object');
  const counter = { nodes: 0 };
  walk(parsed, 1, counter);
  return parsed;
}

/**
 * Checks a field path (dot notation): non-empty segments, none of `__proto__`, `constructor`, `prototype`, none
 * starting with `$` (an operator is never a field name).
 */
export function pathProblem(path: string): string | undefined {
  const segments = path.split('.');
  if (segments.some((s) => s === '')) return `field path "${path}" has an empty segment`;
  if (segments.some((s) => FORBIDDEN_SEGMENTS.has(s))) return `field path "${path}" is not allowed`;
  if (segments.some((s) => s.startsWith('$'))) return `field path "${path}" may not name an operator ($)`;
  return undefined;
}

function walk(node: unknown, depth: number, counter: { nodes: number }): void {
  counter.nodes++;
  if (counter.nodes > MAX_Q_NODES) throw invalidQuery(`more than ${MAX_Q_NODES} values`);
  if (node === null || typeof node !== 'object') return;
  if (depth > MAX_Q_DEPTH) throw invalidQuery(`nesting deeper than ${MAX_Q_DEPTH} levels`);
  if (Array.isArray(node)) {
    for (const item of node) walk(item, depth + 1, counter);
    return;
  }
  const obj = node as JsonObject;
  for (const key of Object.keys(obj)) {
    if (key.startsWith('$')) checkOperator(key, obj);
    else {
      const problem = pathProblem(key);
      if (problem) throw invalidQuery(problem);
    }
    walk(obj[key], depth + 1, counter);
  }
}

function checkOperator(op: string, holder: JsonObject): void {
  if (!ALLOWED_OPERATORS.has(op)) {
    throw badRequest(`Unsupported query operator: ${op}.`, 'unsupported_operator');
  }
  const arg = holder[op];
  switch (op) {
    case '$and':
    case '$or':
    case '$nor':
      if (!Array.isArray(arg) || arg.length === 0 || !arg.every(isPlainObject)) {
        throw invalidQuery(`${op} expects a non-empty array of objects`);
      }
      break;
    case '$in':
    case '$nin':
    case '$all':
      if (!Array.isArray(arg)) throw invalidQuery(`${op} expects an array`);
      break;
    case '$not':
    case '$elemMatch':
      if (!isPlainObject(arg)) throw invalidQuery(`${op} expects an object`);
      break;
    case '$size':
      if (!Number.isInteger(arg) || (arg as number) < 0) throw invalidQuery('$size expects a non-negative integer');
      break;
    case '$type':
      if (![arg].flat().every((t) => typeof t === 'string' || typeof t === 'number')) {
        throw invalidQuery('$type expects a type name or number');
      }
      break;
    case '$options':
      if (typeof arg !== 'string' || !('$regex' in holder)) throw invalidQuery('$options needs a $regex beside it');
      break;
    case '$regex': {
      const options = holder.$options;
      if (typeof arg !== 'string') throw invalidQuery('$regex expects a string');
      const problem = regexProblem(arg, typeof options === 'string' ? options : '');
      if (problem) throw invalidQuery(problem);
      break;
    }
  }
}
