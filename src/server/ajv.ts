import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Schema } from './operations.js';

// ajv-formats is CommonJS: under NodeNext its default import is the plugin function itself.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** One validation failure, independent of Ajv's error shape. */
export interface ValidationIssue {
  /** Where the value came from. */
  location: 'path' | 'query' | 'header' | 'body' | 'response';
  /** JSON Pointer into the validated value (`/project/is_public`). */
  pointer: string;
  /** The JSON Schema keyword that failed (`type`, `required`, `enum`, …). */
  keyword: string;
  message: string;
  /** Keyword parameters (e.g. `missingProperty` for `required`). */
  params: Record<string, unknown>;
}

/**
 * Two Ajv 2020 instances per API: `strict` for JSON (types must match) and `coercing` for values that are strings
 * by nature (path, query and header parameters, XML and form bodies). Unknown OpenAPI keywords (`xml`, `example`)
 * are ignored (`strict: false`). Schemas are compiled on first use and cached by schema object.
 */
export class SchemaCompiler {
  private readonly strict = makeAjv(false);
  private readonly coercing = makeAjv('array');
  private readonly cache = new WeakMap<Schema, ValidateFunction>();
  private readonly coercingCache = new WeakMap<Schema, ValidateFunction>();
  /** Validators by schema text, so equal schemas of different operations (shared parameters) compile once. */
  private readonly byText = new Map<string, ValidateFunction>();
  /** Number of compilations so far (exposed for tests of the lazy cache). */
  compiled = 0;

  /**
   * @param components the document's `components`, registered so that `$ref`s the dereferencer left in place
   * (reference cycles) resolve.
   */
  constructor(
    components: Schema | undefined,
    private readonly refPrefix = 'crmkit:doc',
  ) {
    if (components) {
      for (const ajv of [this.strict, this.coercing]) ajv.addSchema({ $id: refPrefix, components }, refPrefix);
    }
  }

  /**
   * The validator of a schema, cached by schema object and by schema text (equal parameter lists of different
   * operations share one); `coerce` picks the coercing instance.
   */
  validator(schema: Schema, coerce: boolean): ValidateFunction {
    const cache = coerce ? this.coercingCache : this.cache;
    let fn = cache.get(schema);
    if (fn) return fn;
    const text = `${coerce ? 'c' : 's'}${JSON.stringify(schema)}`;
    fn = this.byText.get(text);
    if (!fn) {
      this.compiled++;
      fn = (coerce ? this.coercing : this.strict).compile(rewriteRefs(schema, this.refPrefix) as object);
      this.byText.set(text, fn);
    }
    cache.set(schema, fn);
    return fn;
  }
}

/** OpenAPI formats JSON Schema does not define; accepted as annotations. */
const OPENAPI_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];

function makeAjv(coerceTypes: false | 'array'): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes, validateFormats: true });
  addFormats(ajv);
  for (const name of OPENAPI_FORMATS) ajv.addFormat(name, true);
  return ajv;
}

/** Points leftover internal `$ref`s at the registered components document. Copies only when there is one. */
function rewriteRefs(node: unknown, prefix: string, seen = new Map<object, unknown>()): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (seen.has(node)) return seen.get(node);
  if (Array.isArray(node)) {
    const out = node.map((n) => rewriteRefs(n, prefix, seen));
    return out.every((v, i) => v === node[i]) ? node : out;
  }
  const obj = node as Record<string, unknown>;
  seen.set(node, node);
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const nv =
      k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${prefix}${v}` : rewriteRefs(v, prefix, seen);
    if (nv !== v) changed = true;
    out[k] = nv;
  }
  const result = changed ? out : node;
  seen.set(node, result);
  return result;
}

/** Converts Ajv errors into location-tagged issues. */
export function toIssues(
  errors: ErrorObject[] | null | undefined,
  location: ValidationIssue['location'],
): ValidationIssue[] {
  return (errors ?? []).map((e) => ({
    location,
    pointer: e.instancePath,
    keyword: e.keyword,
    message: e.message ?? e.keyword,
    params: e.params as Record<string, unknown>,
  }));
}
