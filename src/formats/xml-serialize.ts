import { escapeAttr, escapeText, scalarText } from './xml-escape.js';
import { serializeGeneric } from './xml-generic.js';
import { type ArrayPlan, type ObjectPlan, planFor, type UnionPlan, type XmlPlan } from './xml-plan.js';

/** The declaration Redmine (Builder `instruct!`) starts every XML body with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Options of {@link serializeXml}. */
export interface SerializeXmlOptions {
  /** Root element name; defaults to the schema's `xml.name`. */
  rootName?: string;
}

/**
 * Writes a value as Redmine renders XML: the declaration, then the document without newlines or indentation.
 * `xml.attribute` properties are attributes (null ones left out); wrapped arrays and list roots carry
 * `type="array"` (last, as Redmine writes it); null is `<x/>`, '' is `<x></x>`; numbers print as JSON does
 * (`format: float|double` integral values as `1.0`, like Ruby); known properties come in schema order, then any
 * other keys. Text escapes `&`, `<`, `>` (and CR); attributes also `"`, tab and newlines.
 */
export function serializeXml(value: unknown, schema: object, opts?: SerializeXmlOptions): string {
  const plan = planFor(schema);
  const name = opts?.rootName ?? plan.xmlName ?? unionName(plan);
  if (!name) throw new Error('serializeXml: the schema has no xml.name and no rootName was given');
  return XML_DECLARATION + writeElement(name, value, plan);
}

function unionName(plan: XmlPlan): string | undefined {
  return plan.kind === 'union' ? plan.branches.find((b) => b.xmlName)?.xmlName : undefined;
}

function writeElement(name: string, value: unknown, plan: XmlPlan, itemName?: string): string {
  if (value === null || value === undefined) return `<${name}/>`;
  switch (plan.kind) {
    case 'object':
      if (isRecord(value)) return writeObject(name, value, plan);
      break;
    case 'array':
      if (Array.isArray(value)) return writeArray(name, value, plan, itemName);
      break;
    case 'scalar':
      if (typeof value !== 'object') return `<${name}>${escapeText(scalarText(value, plan.float))}</${name}>`;
      break;
    case 'union':
      return writeElement(name, value, pickBranch(value, plan), itemName);
  }
  if (typeof value !== 'object') return `<${name}>${escapeText(scalarText(value))}</${name}>`;
  return serializeGeneric(name, value);
}

function writeArray(name: string, value: unknown[], plan: ArrayPlan, itemName?: string): string {
  const item = plan.itemName ?? itemName ?? name;
  let body = '';
  for (const v of value) body += writeElement(item, v, plan.items);
  return `<${name} type="array">${body}</${name}>`;
}

function writeObject(name: string, value: Record<string, unknown>, plan: ObjectPlan): string {
  let attrs = '';
  let typeAttr: unknown;
  for (const prop of plan.attrProps) {
    const v = value[prop.key];
    if (v === null || v === undefined) continue;
    if (prop.name === 'type') typeAttr = v;
    else attrs += ` ${prop.name}="${escapeAttr(attrText(v))}"`;
  }
  if (typeAttr !== undefined || plan.listRoot) attrs += ` type="${escapeAttr(attrText(typeAttr ?? 'array'))}"`;
  let body = '';
  for (const prop of plan.elementProps) {
    const v = value[prop.key];
    if (v === undefined) continue;
    if (prop.array === 'unwrapped') {
      const items = (prop.plan as ArrayPlan).items;
      if (Array.isArray(v)) for (const item of v) body += writeElement(prop.itemName, item, items);
      else if (v !== null) body += writeElement(prop.itemName, v, items);
    } else {
      body += writeElement(prop.name, v, prop.plan, prop.itemName);
    }
  }
  for (const key in value) {
    if (plan.keys.has(key)) continue;
    const v = value[key];
    if (v === undefined) continue;
    body +=
      plan.extra === 'keep' || plan.extra === 'drop' ? serializeGeneric(key, v) : writeElement(key, v, plan.extra);
  }
  return body === '' && !plan.listRoot ? `<${name}${attrs}/>` : `<${name}${attrs}>${body}</${name}>`;
}

function pickBranch(value: unknown, plan: UnionPlan): XmlPlan {
  const wanted = Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : 'scalar';
  return (
    plan.branches.find((b) => b.kind === wanted) ??
    plan.branches.find((b) => b.kind === 'any') ?? { kind: 'any', xmlName: undefined, nullable: true }
  );
}

function attrText(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : scalarText(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
