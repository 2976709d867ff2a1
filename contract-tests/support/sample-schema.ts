// biome-ignore-all lint/suspicious/noExplicitAny: JSON Schema objects are walked generically.

const STRING_FORMATS: Record<string, string> = {
  'date-time': '2026-01-01T00:00:00Z',
  date: '2026-01-01',
  time: '12:00:00',
  email: 'contract@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  'uri-reference': '/example',
  uuid: '00000000-0000-4000-8000-000000000000',
  hostname: 'example.com',
  ipv4: '127.0.0.1',
};

const firstType = (schema: any): string | undefined => {
  const t = schema.type;
  if (Array.isArray(t)) return t.find((x: string) => x !== 'null') ?? t[0];
  if (t) return t;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
};

/**
 * A minimal value valid against a schema: the schema's own example when it has one, else the first `enum` or
 * `const` value, else the smallest value of its (first non-null) type with only the required properties filled in.
 * Patterns are not solved: a pattern-constrained string without an example gets a plain string.
 */
export function sampleFromSchema(schema: any, depth = 0): unknown {
  if (schema === undefined || schema === null || schema === true) return {};
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (depth > 8) return null;
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives) && alternatives.length > 0) return sampleFromSchema(alternatives[0], depth + 1);
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((s: any) => sampleFromSchema(s, depth + 1));
    if (parts.every((p: unknown) => p && typeof p === 'object' && !Array.isArray(p)))
      return Object.assign({}, ...parts);
    return parts[0];
  }
  switch (firstType(schema)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of (schema.required as string[] | undefined) ?? []) {
        out[name] = sampleFromSchema(schema.properties?.[name], depth + 1);
      }
      return out;
    }
    case 'array': {
      const n = schema.minItems ?? 0;
      return Array.from({ length: n }, () => sampleFromSchema(schema.items, depth + 1));
    }
    case 'string': {
      const fixed = STRING_FORMATS[schema.format as string];
      if (fixed) return fixed;
      const base = 'sample';
      const min = schema.minLength ?? 0;
      return base.length >= min ? base.slice(0, schema.maxLength ?? base.length) : base.padEnd(min, 'x');
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return {};
  }
}
