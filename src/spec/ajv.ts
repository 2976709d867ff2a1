import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { createAjv } from '../schema/ajv.js';

/** Something Ajv can compile: a schema object or a boolean schema. */
export type SchemaLike = object | boolean;

/**
 * Where `$ref`s left in a dereferenced schema point (reference cycles stay `$ref`s): the bundled document, whose
 * `components` are resolved from the compiled schema's root.
 */
export interface RefRoot {
  components?: unknown;
}

let shared: Ajv2020 | undefined;
const compiled = new WeakMap<object, ValidateFunction>();
const booleans = new Map<boolean, ValidateFunction>();

function hasRef(node: unknown, seen = new Set<unknown>()): boolean {
  if (node === null || typeof node !== 'object' || seen.has(node)) return false;
  seen.add(node);
  if (!Array.isArray(node) && typeof (node as { $ref?: unknown }).$ref === 'string') return true;
  return Object.values(node).some((child) => hasRef(child, seen));
}

/**
 * Compiles a (dereferenced) OpenAPI 3.1 schema with the shared Ajv instance; the result is cached per schema
 * object. Pass `refRoot` (the bundled document) when the schema may still contain `#/components/...` references.
 */
export function compileSchema(schema: SchemaLike, refRoot?: RefRoot): ValidateFunction {
  shared ??= createAjv();
  if (typeof schema === 'boolean') {
    let fn = booleans.get(schema);
    if (!fn) {
      fn = shared.compile(schema);
      booleans.set(schema, fn);
    }
    return fn;
  }
  let fn = compiled.get(schema);
  if (!fn) {
    const target = refRoot?.components && hasRef(schema) ? { ...schema, components: refRoot.components } : schema;
    fn = shared.compile(target);
    compiled.set(schema, fn);
  }
  return fn;
}

/** Ajv errors as readable lines: `/company/name must be string`, `(root) must have required property 'name'`. */
export function formatAjvErrors(errors: ErrorObject[] | null | undefined): string[] {
  if (!errors) return [];
  return errors.map((e) => {
    const where = e.instancePath === '' ? '(root)' : e.instancePath;
    const params = e.params as Record<string, unknown>;
    let detail = '';
    if (typeof params.additionalProperty === 'string') detail = ` ('${params.additionalProperty}')`;
    else if (Array.isArray(params.allowedValues)) detail = ` (${params.allowedValues.map(String).join(', ')})`;
    else if ('allowedValue' in params) detail = ` (${JSON.stringify(params.allowedValue)})`;
    return `${where} ${e.message ?? 'is invalid'}${detail}`;
  });
}

/** Validates a value against a schema; returns readable error lines, an empty array when the value is valid. */
export function validateAgainst(schema: SchemaLike, value: unknown, refRoot?: RefRoot): string[] {
  const validate = compileSchema(schema, refRoot);
  return validate(value) ? [] : formatAjvErrors(validate.errors);
}
