import fc from 'fast-check';
import type { Schema } from '../../../src/server/operations.js';

const cache = new WeakMap<object, fc.Arbitrary<unknown>>();
const MAX_DEPTH = 5;

/**
 * Values shaped by a (dereferenced) JSON Schema: objects with the declared properties (required ones always,
 * optional ones sometimes), arrays of the item schema, strings honouring format, enum and length, numbers within
 * their bounds, and a branch of every oneOf/anyOf. The values are mostly valid, so requests get past validation and
 * reach the handlers; the fuzz run mutates them afterwards. Leftover `$ref`s (reference cycles) give any JSON.
 */
export function fromSchema(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || typeof schema !== 'object' || depth > MAX_DEPTH || schema.$ref) return fc.jsonValue({ maxDepth: 1 });
  const hit = cache.get(schema);
  if (hit) return hit;
  const arb = build(schema, depth);
  cache.set(schema, arb);
  return arb;
}

function build(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    return fc.oneof(...alternatives.map((s) => fromSchema(s, depth + 1)));
  }
  if (Array.isArray(schema.allOf)) return objectOf(mergeAllOf(schema), depth);
  const types = typesOf(schema);
  return fc.oneof(...types.map((t) => ofType(t, schema, depth)));
}

function typesOf(schema: Schema): string[] {
  if (Array.isArray(schema.type) && schema.type.length > 0) return schema.type as string[];
  if (typeof schema.type === 'string') return [schema.type];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return ['string', 'integer', 'boolean', 'null'];
}

function ofType(type: string, schema: Schema, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'object':
      return objectOf(schema, depth);
    case 'array':
      return fc.array(fromSchema(schema.items as Schema | undefined, depth + 1), {
        minLength: Math.min(schema.minItems ?? 0, 3),
        maxLength: 3,
      });
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({ min: bound(schema.minimum, -1000), max: bound(schema.maximum, 100_000) });
    case 'number':
      return fc.double({
        min: bound(schema.minimum, -1e6),
        max: bound(schema.maximum, 1e6),
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function bound(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function objectOf(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const names = Object.keys(props).filter((n) => !props[n]?.readOnly);
  if (names.length === 0) {
    return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
  }
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of names) model[name] = fromSchema(props[name], depth + 1);
  const required = ((schema.required ?? []) as string[]).filter((n) => names.includes(n));
  return fc.record(model, { requiredKeys: required });
}

function mergeAllOf(schema: Schema): Schema {
  const properties: Record<string, Schema> = { ...(schema.properties ?? {}) };
  const required: string[] = [...(schema.required ?? [])];
  for (const part of schema.allOf as Schema[]) {
    const merged = part.allOf ? mergeAllOf(part) : part;
    Object.assign(properties, merged.properties ?? {});
    required.push(...((merged.required as string[] | undefined) ?? []));
  }
  return { type: 'object', properties, required };
}

const FORMAT_STRINGS: Record<string, fc.Arbitrary<string>> = {
  date: fc
    .date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  'date-time': fc
    .date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  email: fc.emailAddress(),
  uri: fc.webUrl(),
};

function stringOf(schema: Schema): fc.Arbitrary<string> {
  const byFormat = typeof schema.format === 'string' ? FORMAT_STRINGS[schema.format] : undefined;
  if (byFormat) return byFormat;
  if (typeof schema.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= 200);
    } catch {
      // An ECMAScript-incompatible pattern: fall back to plain strings below.
    }
  }
  const minLength = Math.min(schema.minLength ?? 0, 50);
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 24, 60));
  return fc.string({ minLength, maxLength, unit: fc.constantFrom('a', 'b', 'Z', '0', '7', ' ', '-', 'é', '_') });
}
