/**
 * Schema plans: what the XML binder and serializer need to know about a (dereferenced) OpenAPI 3.1 schema,
 * computed once per schema object and cached in a WeakMap.
 */

type Schema = Record<string, unknown>;

/** Scalar types a schema allows. */
export interface ScalarPlan {
  kind: 'scalar';
  xmlName: string | undefined;
  nullable: boolean;
  integer: boolean;
  number: boolean;
  boolean: boolean;
  string: boolean;
  /** `format: float|double`: integral values print like Ruby floats (`0.0`). */
  float: boolean;
}

/** One property of an object schema, with the XML names it uses. */
export interface PropPlan {
  key: string;
  plan: XmlPlan;
  attribute: boolean;
  /** The element (or attribute) name written for this property. */
  name: string;
  /** Other names accepted when reading (an object schema's own `xml.name`). */
  altName: string | undefined;
  /** Arrays only: `wrapped` writes one wrapper element, `unwrapped` a run of item elements named `itemName`. */
  array: 'wrapped' | 'unwrapped' | undefined;
  itemName: string;
  required: boolean;
}

/** An object schema: its properties split into attributes and elements, and what to do with unknown ones. */
export interface ObjectPlan {
  kind: 'object';
  xmlName: string | undefined;
  nullable: boolean;
  props: PropPlan[];
  attrProps: PropPlan[];
  elementProps: PropPlan[];
  keys: Set<string>;
  /** Element and attribute names some property claims. */
  elementNames: Set<string>;
  attrNames: Set<string>;
  /** `keep`: unknown elements are bound generically; `drop`: ignored; a plan: bound with it. */
  extra: 'keep' | 'drop' | XmlPlan;
  /** A list root: exactly one element property, an unwrapped array; always written with `type="array"`. */
  listRoot: boolean;
}

/** An array schema: the items' plan and element name, and whether a wrapper element holds them. */
export interface ArrayPlan {
  kind: 'array';
  xmlName: string | undefined;
  nullable: boolean;
  items: XmlPlan;
  /** The items' own `xml.name`, if any. */
  itemName: string | undefined;
  wrapped: boolean;
}

/** `oneOf`/`anyOf`, or a `type` list mixing objects, arrays and scalars: one plan per alternative. */
export interface UnionPlan {
  kind: 'union';
  xmlName: string | undefined;
  nullable: boolean;
  branches: XmlPlan[];
}

/** No usable schema (empty, or a reference cycle): values are read and written generically, like Rails. */
export interface AnyPlan {
  kind: 'any';
  xmlName: string | undefined;
  nullable: boolean;
}

/** What the binder and serializer know about one schema. */
export type XmlPlan = ScalarPlan | ObjectPlan | ArrayPlan | UnionPlan | AnyPlan;

const cache = new WeakMap<object, XmlPlan>();
const SCALARS = ['integer', 'number', 'boolean', 'string', 'null'];

/** Returns the (cached) plan of a schema. Unresolved `$ref`s and empty schemas give an `any` plan. */
export function planFor(schema: unknown): XmlPlan {
  if (schema === null || typeof schema !== 'object') return { kind: 'any', xmlName: undefined, nullable: true };
  const cached = cache.get(schema);
  if (cached) return cached;
  return build(schema as Schema);
}

function xmlOf(schema: Schema): Record<string, unknown> {
  const xml = schema.xml;
  return xml !== null && typeof xml === 'object' ? (xml as Record<string, unknown>) : {};
}

function xmlNameOf(schema: Schema): string | undefined {
  const name = xmlOf(schema).name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function typesOf(schema: Schema): string[] {
  const { type } = schema;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  if (schema.properties || schema.additionalProperties !== undefined) return ['object'];
  if (schema.items || schema.prefixItems) return ['array'];
  const values = 'const' in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : [];
  const found = new Set<string>();
  for (const v of values) {
    if (v === null) found.add('null');
    else if (Array.isArray(v)) found.add('array');
    else if (typeof v === 'object') found.add('object');
    else if (typeof v === 'number') found.add(Number.isInteger(v) ? 'integer' : 'number');
    else found.add(typeof v);
  }
  return [...found];
}

/** Shallow merge of `allOf` branches into one schema (properties, required, type, xml). */
function mergeAllOf(schema: Schema): Schema {
  const merged: Schema = {};
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const part of [...(schema.allOf as unknown[]), { ...schema, allOf: undefined }]) {
    if (part === null || typeof part !== 'object') continue;
    const p = (part as Schema).allOf ? mergeAllOf(part as Schema) : (part as Schema);
    for (const [k, v] of Object.entries(p)) {
      if (v === undefined) continue;
      if (k === 'properties') Object.assign(properties, v);
      else if (k === 'required' && Array.isArray(v)) required.push(...(v as string[]));
      else if (k === 'xml') merged.xml = { ...xmlOf(merged), ...(v as object) };
      else merged[k] = v;
    }
  }
  merged.allOf = undefined;
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.length > 0) merged.required = required;
  return merged;
}

function build(original: Schema): XmlPlan {
  const schema = Array.isArray(original.allOf) ? mergeAllOf(original) : original;
  const xmlName = xmlNameOf(schema);
  if (typeof schema.$ref === 'string') return remember(original, { kind: 'any', xmlName, nullable: true });
  const types = typesOf(schema);
  const nullable = types.includes('null');
  const alternatives = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    const union: UnionPlan = { kind: 'union', xmlName, nullable, branches: [] };
    remember(original, union);
    const branches = alternatives.map(planFor);
    if (branches.some((b) => b.kind !== 'any') || types.length === 0) {
      union.branches = branches;
      union.nullable = nullable || branches.some((b) => b.nullable);
      return union;
    }
  }
  const structural = types.filter((t) => t === 'object' || t === 'array');
  const scalars = types.filter((t) => SCALARS.includes(t) && t !== 'null');
  const kinds = structural.length + (scalars.length > 0 ? 1 : 0);
  if (kinds > 1) {
    const union: UnionPlan = { kind: 'union', xmlName, nullable, branches: [] };
    remember(original, union);
    if (scalars.length > 0) union.branches.push(scalarPlan(schema, scalars, nullable, xmlName));
    if (structural.includes('object')) union.branches.push(objectPlan({ ...schema, type: 'object' }, xmlName, false));
    if (structural.includes('array')) union.branches.push(arrayPlan({ ...schema, type: 'array' }, xmlName, false));
    return union;
  }
  if (structural[0] === 'object') return remember(original, objectPlan(schema, xmlName, nullable, original));
  if (structural[0] === 'array') return remember(original, arrayPlan(schema, xmlName, nullable, original));
  if (scalars.length > 0 || nullable) return remember(original, scalarPlan(schema, scalars, nullable, xmlName));
  return remember(original, { kind: 'any', xmlName, nullable: true });
}

function remember<T extends XmlPlan>(schema: Schema, plan: T): T {
  cache.set(schema, plan);
  return plan;
}

function scalarPlan(schema: Schema, types: string[], nullable: boolean, xmlName: string | undefined): ScalarPlan {
  const format = schema.format;
  return {
    kind: 'scalar',
    xmlName,
    nullable,
    integer: types.includes('integer'),
    number: types.includes('number'),
    boolean: types.includes('boolean'),
    string: types.includes('string'),
    float: types.includes('number') && (format === 'float' || format === 'double'),
  };
}

function arrayPlan(schema: Schema, xmlName: string | undefined, nullable: boolean, original?: Schema): ArrayPlan {
  const plan: ArrayPlan = { kind: 'array', xmlName, nullable, items: ANY, itemName: undefined, wrapped: false };
  if (original) remember(original, plan);
  const items = schema.items;
  plan.items = planFor(items);
  plan.itemName = items !== null && typeof items === 'object' ? xmlNameOf(items as Schema) : undefined;
  plan.wrapped = xmlOf(schema).wrapped === true;
  return plan;
}

const ANY: AnyPlan = { kind: 'any', xmlName: undefined, nullable: true };

function objectPlan(schema: Schema, xmlName: string | undefined, nullable: boolean, original?: Schema): ObjectPlan {
  const plan: ObjectPlan = {
    kind: 'object',
    xmlName,
    nullable,
    props: [],
    attrProps: [],
    elementProps: [],
    keys: new Set(),
    elementNames: new Set(),
    attrNames: new Set(),
    extra: 'keep',
    listRoot: false,
  };
  if (original) remember(original, plan);
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  for (const [key, sub] of Object.entries(properties)) {
    const prop = propPlan(key, sub, required.has(key));
    plan.props.push(prop);
    plan.keys.add(key);
    (prop.attribute ? plan.attrProps : plan.elementProps).push(prop);
    const names = prop.attribute ? plan.attrNames : plan.elementNames;
    names.add(prop.name);
    if (prop.altName) names.add(prop.altName);
  }
  const additional = schema.additionalProperties ?? schema.unevaluatedProperties;
  if (additional === false) plan.extra = 'drop';
  else if (additional !== null && typeof additional === 'object') plan.extra = planFor(additional);
  const only = plan.elementProps.length === 1 ? plan.elementProps[0] : undefined;
  plan.listRoot = only?.array === 'unwrapped';
  return plan;
}

function propPlan(key: string, sub: unknown, required: boolean): PropPlan {
  const schema = (sub !== null && typeof sub === 'object' ? sub : {}) as Schema;
  const xml = xmlOf(schema);
  const plan = planFor(schema);
  const ownName = xmlNameOf(schema);
  const prop: PropPlan = {
    key,
    plan,
    attribute: xml.attribute === true,
    name: ownName ?? key,
    altName: undefined,
    array: undefined,
    itemName: key,
    required,
  };
  if (plan.kind === 'array' && !prop.attribute) {
    prop.array = plan.wrapped ? 'wrapped' : 'unwrapped';
    prop.itemName = plan.itemName ?? ownName ?? key;
    if (!plan.wrapped) prop.name = prop.itemName;
  } else if (plan.kind === 'object' && ownName && ownName !== key) {
    // An object schema's xml.name names it as a root or list item; as a property Redmine uses the key.
    prop.name = key;
    prop.altName = ownName;
  }
  return prop;
}
