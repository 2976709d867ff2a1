import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { createAjv } from '../schema/ajv.js';

/** A JSON Schema (2020-12) object. */
export type JsonSchema = Record<string, unknown>;

/**
 * Checks one record of a collection on import: `undefined` when it may be stored, otherwise what is wrong with it,
 * naming the field (`field "mails" must be array`).
 */
export type RecordCheck = (collection: string, record: unknown) => string | undefined;

/** Schemas of the stored records, by collection name. */
export type RecordSchemas = Readonly<Record<string, JsonSchema>>;

/**
 * The schema of a stored record type `T`: every key of `T` (no more, no fewer: the compiler checks) mapped to the
 * schema of its value. Keys listed in `optional` may be absent; every other key is required, and unknown keys are
 * refused, so a record that loads is one the API's code can read.
 */
export function recordSchema<T>(
  properties: { readonly [K in keyof T]-?: JsonSchema },
  optional: readonly (keyof T & string)[] = [],
): JsonSchema {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k as keyof T & string)),
    additionalProperties: false,
  };
}

/** Building blocks of record schemas. */
export const field = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  /** A record id: a positive integer. */
  id: { type: 'integer', minimum: 1 },
  /** A Redmine API timestamp, `2024-01-08T09:00:00Z`. */
  timestamp: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$' },
  /** A calendar date, `2024-01-08`. */
  date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  /** `schema` or null. */
  nullable: (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] }),
  array: (items: JsonSchema): JsonSchema => ({ type: 'array', items }),
  /** One of these values (null included when listed). */
  oneOf: (...values: readonly unknown[]): JsonSchema => ({ enum: [...values] }),
  /** An object with any keys whose values all match `values`. */
  map: (values: JsonSchema): JsonSchema => ({ type: 'object', additionalProperties: values }),
} as const;

/** A readable field path of an Ajv error: `phones[0].kind`, or `(record)` for the record itself. */
function fieldPath(pointer: string, extra?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

/** One line describing the first failure of a record, naming the field. */
export function describeFailure(errors: readonly ErrorObject[] | null | undefined): string {
  // The most specific error: the deepest pointer (anyOf branches report at the same depth as their parent).
  const list = [...(errors ?? [])].sort((a, b) => b.instancePath.length - a.instancePath.length);
  const deepest = list.filter((x) => x.instancePath === list[0]?.instancePath);
  const branches = deepest.filter((x) => x.keyword !== 'anyOf' && x.keyword !== 'oneOf');
  // A value matching no branch of `anyOf` (a nullable field): name the types, or the one branch's other complaint.
  const typesOnly = branches.every((x) => x.keyword === 'type');
  const e = typesOnly
    ? (deepest.find((x) => x.keyword === 'anyOf') ?? deepest[0])
    : branches.find((x) => x.keyword !== 'type');
  if (!e) return 'is not valid';
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required') {
    const missing = deepest
      .filter((x) => x.keyword === 'required')
      .map((x) => `"${fieldPath(x.instancePath, String((x.params as { missingProperty: unknown }).missingProperty))}"`);
    if (missing.length === 1) return `field ${missing[0]} is missing`;
    return `fields ${missing.join(', ')} are missing`;
  }
  if (e.keyword === 'additionalProperties') {
    return `field "${fieldPath(e.instancePath, String(params.additionalProperty))}" is not a field of this record`;
  }
  const where = e.instancePath === '' ? 'the record' : `field "${fieldPath(e.instancePath)}"`;
  const orNull = branches.some((x) => x.keyword === 'type' && (x.params as { type: unknown }).type === 'null');
  const alternative = e.keyword !== 'anyOf' && orNull ? ' (or be null)' : '';
  if (e.keyword === 'enum') {
    const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
    return `${where} must be one of ${allowed.length > 8 ? `${allowed.slice(0, 8).join(', ')}, …` : allowed.join(', ')}${alternative}`;
  }
  if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
    const types = list
      .filter((x) => x.instancePath === e.instancePath && x.keyword === 'type')
      .map((x) => String((x.params as { type: unknown }).type));
    return `${where} must be ${types.length > 0 ? types.join(' or ') : 'valid'}`;
  }
  return `${where} ${e.message ?? 'is not valid'}${alternative}`;
}

let shared: Ajv2020 | undefined;

/** The Ajv instance record checks compile with (made on first use). */
export function recordAjv(): Ajv2020 {
  shared ??= createAjv({ validateSchema: false, code: { optimize: false } });
  return shared;
}

const compiled = new WeakMap<RecordSchemas, RecordCheck>();

/**
 * The check of records against `schemas` (compiled once per schemas object, each schema on first use). A
 * collection without a schema is refused: every collection an import may fill must be described.
 */
export function recordCheck(schemas: RecordSchemas): RecordCheck {
  let check = compiled.get(schemas);
  if (check) return check;
  const validators = new Map<string, ValidateFunction>();
  check = (collection, record) => {
    const schema = Object.hasOwn(schemas, collection) ? schemas[collection] : undefined;
    if (!schema) return 'has no record schema';
    let validate = validators.get(collection);
    if (!validate) {
      validate = recordAjv().compile(schema);
      validators.set(collection, validate);
    }
    return validate(record) ? undefined : describeFailure(validate.errors);
  };
  compiled.set(schemas, check);
  return check;
}

/**
 * Checks a database snapshot before anything is replaced: an object of known collections, each `{nextId, items[]}`,
 * items objects with distinct positive integer ids and (with `check`) of the right shape. Returns its entries.
 * @throws Error naming the collection, the record (index and id) and the field of the first problem.
 */
export function checkSnapshot(
  snapshot: unknown,
  isCollection: (name: string) => boolean,
  check?: RecordCheck,
): [string, { nextId: number; items: unknown[] }][] {
  if (!snapshot || typeof snapshot !== 'object' || Array.isArray(snapshot)) throw new Error('state must be an object');
  const entries = Object.entries(snapshot as Record<string, unknown>);
  for (const [name, value] of entries) {
    if (!isCollection(name)) throw new Error(`unknown collection "${name}"`);
    const v = value as { nextId?: unknown; items?: unknown } | null;
    if (!v || typeof v !== 'object' || !Array.isArray(v.items) || !Number.isSafeInteger(v.nextId)) {
      throw new Error(`collection "${name}" needs {nextId, items[]}`);
    }
    const ids = new Set<unknown>();
    v.items.forEach((item: unknown, index) => {
      const id = (item as { id?: unknown } | null)?.id;
      const where = `collection "${name}", record ${index}${typeof id === 'number' ? ` (id ${id})` : ''}`;
      if (!item || typeof item !== 'object' || Array.isArray(item)) throw new Error(`${where} is not an object`);
      if (id !== undefined) {
        if (!Number.isSafeInteger(id) || (id as number) < 1) {
          throw new Error(`${where}: field "id" must be a positive integer`);
        }
        if (ids.has(id)) throw new Error(`${where}: id ${id} appears twice`);
        ids.add(id);
      }
      const problem = check?.(name, item);
      if (problem !== undefined) throw new Error(`${where}: ${problem}`);
    });
  }
  return entries as [string, { nextId: number; items: unknown[] }][];
}
