import type { Schema } from './operations.js';

/**
 * Applies Rails' form conventions a generic coercer does not know, guided by the schema: `"1"`/`"0"` for booleans
 * (check boxes) and `""` for a nullable non-string (an emptied select) becoming null. Mutates and returns `value`;
 * everything else is left to the coercing validator.
 */
export function coerceFormValues(schema: Schema | undefined, value: unknown): unknown {
  if (!schema || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = schema.items as Schema | undefined;
    for (let i = 0; i < value.length; i++) value[i] = coerceScalar(items, coerceFormValues(items, value[i]));
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const [key, propSchema] of Object.entries<Schema>(schema.properties ?? {})) {
    if (!(key in record)) continue;
    record[key] = coerceScalar(propSchema, coerceFormValues(propSchema, record[key]));
  }
  return value;
}

function coerceScalar(schema: Schema | undefined, v: unknown): unknown {
  if (!schema || typeof v !== 'string') return v;
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes('string')) return v;
  if (types.includes('boolean') && (v === '1' || v === '0')) return v === '1';
  if (types.includes('null') && v === '') return null;
  return v;
}
