import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { createAjv } from '../schema/ajv.js';
import type { Schema } from './operations.js';
import { forEachSubschema } from './subschemas.js';

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

/** Registry key of the document's `components` (for `$ref`s the dereferencer left in place). */
const DOC_ID = 'crmkit:doc';
/** Registry keys of shared subschemas: `crmkit:shared/<n>`. */
const SHARED_ID = 'crmkit:shared/';

/** One Ajv instance and the schemas registered with it so far. */
interface Instance {
  ajv: Ajv2020;
  registered: Set<Schema>;
  components: boolean;
}

/**
 * Two Ajv 2020 instances per API, made on first use: `strict` for JSON (types must match) and `coercing` for values
 * that are strings by nature (path, query and header parameters, XML and form bodies); formats and OpenAPI keywords as
 * every crmkit validator has them (`createAjv`). Schemas are compiled on first use and cached by schema object and by
 * schema text. Subschemas the document shares between places (components used by several operations) are
 * registered once per instance and referenced, so each is compiled once instead of once per operation. The schemas
 * are not checked against the meta-schema: `redocly lint` validates the documents.
 */
export class SchemaCompiler {
  private strict: Instance | undefined;
  private coercing: Instance | undefined;
  private readonly cache = new WeakMap<Schema, ValidateFunction>();
  private readonly coercingCache = new WeakMap<Schema, ValidateFunction>();
  /** Validators by schema text, so equal schemas of different operations (shared parameters) compile once. */
  private readonly byText = new Map<string, ValidateFunction>();
  private readonly ids = new Map<Schema, string>();
  private sharedSet: ReadonlySet<Schema> | undefined;
  /** Number of compilations so far (exposed for tests of the lazy cache). */
  compiled = 0;

  /**
   * @param components the document's `components`, registered on first need so that `$ref`s the dereferencer left in
   * place (reference cycles) resolve.
   * @param shared the subschemas to compile once and reference (`findSharedSchemas`), or a function giving them,
   * called on the first compilation.
   */
  constructor(
    private readonly components: Schema | undefined,
    private readonly shared: ReadonlySet<Schema> | (() => ReadonlySet<Schema>) = new Set(),
  ) {}

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
      const inst = this.instance(coerce);
      fn = this.sharedSchemas().has(schema)
        ? (inst.ajv.getSchema(this.register(inst, schema)) as ValidateFunction)
        : inst.ajv.compile(this.prepare(inst, schema, new Map()));
      this.byText.set(text, fn);
    }
    cache.set(schema, fn);
    return fn;
  }

  private instance(coerce: boolean): Instance {
    if (coerce) {
      this.coercing ??= makeInstance('array');
      return this.coercing;
    }
    this.strict ??= makeInstance(false);
    return this.strict;
  }

  private sharedSchemas(): ReadonlySet<Schema> {
    this.sharedSet ??= typeof this.shared === 'function' ? this.shared() : this.shared;
    return this.sharedSet;
  }

  /** Registers a shared subschema with an instance (once) and returns its key. */
  private register(inst: Instance, schema: Schema): string {
    let id = this.ids.get(schema);
    if (id === undefined) {
      id = `${SHARED_ID}${this.ids.size}`;
      this.ids.set(schema, id);
    }
    if (!inst.registered.has(schema)) {
      inst.registered.add(schema);
      inst.ajv.addSchema(this.prepare(inst, schema, new Map()), id);
    }
    return id;
  }

  /**
   * The schema Ajv gets: shared subschemas replaced by references to their registered copies, leftover internal
   * `$ref`s pointed at the registered components. Copies only what changes.
   */
  private prepare(inst: Instance, schema: Schema, memo: Map<Schema, Schema>): Schema {
    const known = memo.get(schema);
    if (known) return known;
    memo.set(schema, schema);
    let out: Schema | undefined;
    const ref = schema.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/') && this.components) {
      if (!inst.components) {
        inst.components = true;
        inst.ajv.addSchema({ $id: DOC_ID, components: this.components }, DOC_ID);
      }
      out = { ...schema, $ref: `${DOC_ID}${ref}` };
    }
    const shared = this.sharedSchemas();
    forEachSubschema(schema, (sub, keyword, key) => {
      const next = shared.has(sub) ? { $ref: this.register(inst, sub) } : this.prepare(inst, sub, memo);
      if (next === sub) return;
      out ??= { ...schema };
      if (key === '') {
        out[keyword] = next;
        return;
      }
      const holder = schema[keyword];
      if (out[keyword] === holder) out[keyword] = Array.isArray(holder) ? [...holder] : { ...holder };
      out[keyword][key] = next;
    });
    const result = out ?? schema;
    memo.set(schema, result);
    return result;
  }
}

function makeInstance(coerceTypes: false | 'array'): Instance {
  const ajv = createAjv({
    coerceTypes,
    validateSchema: false,
    inlineRefs: false,
    // Ajv's optimisation passes cost more compile time than they save at run time for these schemas.
    code: { optimize: false },
  });
  return { ajv, registered: new Set(), components: false };
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
