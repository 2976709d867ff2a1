import type { Schema } from './operations.js';

/** Keywords whose value is one subschema. */
const SINGLE = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
]);
/** Keywords whose value maps names to subschemas. */
const BY_NAME = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is a list of subschemas. */
const LISTED = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

const isSchema = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Calls `fn` for each direct subschema of a JSON Schema: the values of `properties`, `items`, `allOf`, … only, never
 * of `enum`, `const`, `default`, `example` or `xml`. `key` is the property name or list index under `keyword` (`''`
 * for a keyword holding one subschema).
 */
export function forEachSubschema(schema: Schema, fn: (sub: Schema, keyword: string, key: string | number) => void) {
  for (const keyword in schema) {
    const value = schema[keyword];
    if (SINGLE.has(keyword) && isSchema(value)) fn(value, keyword, '');
    else if (BY_NAME.has(keyword) && isSchema(value)) {
      for (const name in value) if (isSchema(value[name])) fn(value[name], keyword, name);
    } else if ((LISTED.has(keyword) || SINGLE.has(keyword)) && Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (isSchema(value[i])) fn(value[i], keyword, i);
    }
  }
}

/**
 * The subschemas worth compiling once and referencing: objects the dereferenced document reaches from more than one
 * place (a component used by several operations, or twice in one schema) with at least `minNodes` schema nodes
 * under them. Roots count as places too.
 */
export function findSharedSchemas(roots: Iterable<Schema>, minNodes = 4): Set<Schema> {
  const uses = new Map<Schema, number>();
  const visit = (schema: Schema) => {
    const seen = uses.get(schema);
    uses.set(schema, (seen ?? 0) + 1);
    if (seen === undefined) forEachSubschema(schema, visit);
  };
  for (const root of roots) visit(root);
  const sizes = new Map<Schema, number>();
  const size = (schema: Schema): number => {
    let n = sizes.get(schema);
    if (n !== undefined) return n;
    sizes.set(schema, 1);
    n = 1;
    forEachSubschema(schema, (sub) => {
      n = (n as number) + size(sub);
    });
    sizes.set(schema, n);
    return n;
  };
  const shared = new Set<Schema>();
  for (const [schema, count] of uses) if (count > 1 && size(schema) >= minNodes) shared.add(schema);
  return shared;
}
