import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is the module object or the plugin itself.
const addFormats = ((formatsPlugin as unknown as { default?: unknown }).default ?? formatsPlugin) as (
  ajv: Ajv2020,
) => Ajv2020;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
/** ±2^63: the int64 limits as JSON numbers arrive (9223372036854775807 parses to 2^63). */
const INT64_LIMIT = 2 ** 63;

/**
 * The OpenAPI 3.1 format registry's formats, which JSON Schema does not define. `int32` and `int64` are range-checked
 * signed integers; `float`, `double`, `byte`, `binary` and `password` are annotations.
 */
const OPENAPI_FORMATS: Record<string, true | ((value: number) => boolean)> = {
  int32: (value) => Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX,
  int64: (value) => Number.isInteger(value) && value >= -INT64_LIMIT && value <= INT64_LIMIT,
  float: true,
  double: true,
  byte: true,
  binary: true,
  password: true,
};

/**
 * OpenAPI's keywords on Schema Objects, registered as annotations. `discriminator` is not interpreted: `oneOf`/`anyOf`
 * alone decide which values pass.
 */
const OPENAPI_KEYWORDS = ['discriminator', 'xml', 'externalDocs', 'example'];

/**
 * What one instance may set on top of the shared configuration: how schemas are compiled and errors reported, and
 * `coerceTypes` for values that are strings by nature (parameters, XML and form bodies). Formats, keywords and
 * strictness are not among them, so every instance gives the same answer on them.
 */
export type AjvTuning = Pick<Options, 'coerceTypes' | 'validateSchema' | 'inlineRefs' | 'code' | 'verbose' | 'logger'>;

/**
 * A new Ajv (JSON Schema 2020-12) instance as crmkit validates with: all errors; not strict, so keywords JSON Schema
 * does not define are ignored; formats checked (ajv-formats' full mode for `date-time`, `date`, `email`, `uri`, …,
 * plus the OpenAPI formats above); unknown formats ignored.
 */
export function createAjv(tuning: AjvTuning = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...tuning, strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  for (const [name, check] of Object.entries(OPENAPI_FORMATS)) {
    if (check === true) ajv.addFormat(name, true);
    else ajv.addFormat(name, { type: 'number', validate: check });
  }
  ajv.addVocabulary(OPENAPI_KEYWORDS);
  return ajv;
}
