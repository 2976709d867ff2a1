import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from '../../src/schema/ajv.js';
import type { OpenApiDocument } from '../../src/spec/load.js';

/** Validates values against schemas of one OpenAPI 3.1 document (JSON Schema 2020-12 plus OpenAPI keywords). */
export interface SchemaValidator {
  /** Returns Ajv's errors for `value` against `schema` (empty when valid). */
  validate(schema: unknown, value: unknown): ErrorObject[];
}

/**
 * Makes a validator for schemas taken from a (dereferenced) document. Reference cycles that dereferencing left as
 * `#/components/...` refs resolve against the raw document's components, carried beside each compiled schema.
 * Compiled validators are cached per schema object.
 */
export function createSchemaValidator(raw: OpenApiDocument): SchemaValidator {
  const ajv = createAjv({ verbose: true, logger: false });
  const cache = new WeakMap<object, ValidateFunction>();
  const components = raw.components ?? {};

  const compile = (schema: unknown): ValidateFunction => {
    if (schema === null || typeof schema !== 'object') return ajv.compile({});
    const hit = cache.get(schema);
    if (hit) return hit;
    const fn = ajv.compile({ allOf: [schema], components });
    cache.set(schema, fn);
    return fn;
  };

  return {
    validate(schema, value) {
      if (schema === undefined || schema === true) return [];
      const fn = compile(schema);
      return fn(value) ? [] : [...(fn.errors ?? [])];
    },
  };
}
