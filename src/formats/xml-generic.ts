import { escapeText, scalarText } from './xml-escape.js';
import type { XmlElement } from './xml-tree.js';

/** Keys never created on a bound object (prototype pollution). */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Values Rails writes in a `type` attribute; such an attribute is a type marker, not data. */
const RAILS_TYPES = new Set([
  'array',
  'integer',
  'float',
  'double',
  'decimal',
  'boolean',
  'string',
  'symbol',
  'date',
  'datetime',
  'dateTime',
  'yaml',
  'base64Binary',
  'binary',
  'file',
]);

/** Whether an attribute is a Rails marker (`type="array"`, `type="integer"`, `nil="true"`) rather than data. */
export function isMarkerAttr(name: string, value: string): boolean {
  return (name === 'type' && RAILS_TYPES.has(value)) || name === 'nil';
}

/** Whether an element has attributes other than Rails markers. */
export function hasDataAttrs(el: XmlElement): boolean {
  for (const name in el.attrs) if (!isMarkerAttr(name, el.attrs[name] as string)) return true;
  return false;
}

/**
 * Converts an element without a schema, the way Rails' `Hash.from_xml` does: `type="array"` → array of the
 * children; attributes and children → object (repeated child names → array; text beside them → `__content__`);
 * `nil="true"` or `<a/>` → null; `<a></a>` → ''; `type="integer|float|boolean"` text is converted; other text is kept
 * as a string. Returns the root's value (Rails params are `{[root.name]: value}`).
 */
export function bindXmlGeneric(el: XmlElement): unknown {
  const type = el.attrs.type;
  if (el.attrs.nil === 'true') return null;
  if (type === 'array') return el.children.map(bindXmlGeneric);
  if (el.children.length === 0 && !hasDataAttrs(el)) return typedText(el.text, type);
  const out: Record<string, unknown> = {};
  for (const name in el.attrs) {
    const value = el.attrs[name] as string;
    if (!UNSAFE_KEYS.has(name) && !isMarkerAttr(name, value)) out[name] = value;
  }
  addGenericChildren(out, el.children, () => true);
  if (el.text !== null && el.text.trim() !== '') out.__content__ = el.text;
  return out;
}

/**
 * Adds the generic value of each child accepted by `accept` to `out`, a repeated name becoming an array (Rails'
 * merge of repeated keys).
 */
export function addGenericChildren(
  out: Record<string, unknown>,
  children: XmlElement[],
  accept: (child: XmlElement) => boolean,
  bind: (child: XmlElement) => unknown = bindXmlGeneric,
): void {
  let repeated: Set<string> | undefined;
  for (const child of children) {
    const key = child.name;
    if (UNSAFE_KEYS.has(key) || !accept(child)) continue;
    const value = bind(child);
    if (!Object.hasOwn(out, key)) {
      out[key] = value;
    } else if (repeated?.has(key)) {
      (out[key] as unknown[]).push(value);
    } else {
      out[key] = [out[key], value];
      repeated ??= new Set();
      repeated.add(key);
    }
  }
}

function typedText(text: string | null, type: string | undefined): unknown {
  if (text === null) return type === 'string' ? '' : null;
  const t = text.trim();
  switch (type) {
    case 'integer':
      return /^[-+]?\d+$/.test(t) ? Number(t) : text;
    case 'float':
    case 'double':
      return t !== '' && Number.isFinite(Number(t)) ? Number(t) : text;
    case 'boolean':
      return t === 'true' || t === '1' ? true : t === 'false' || t === '0' ? false : text;
    default:
      return text;
  }
}

const SIBILANT_PLURAL = /(?:ss|x|ch|sh)es$/;

/** Naive English singular used to name the items of arrays no schema describes (`mails` → `mail`). */
export function singular(name: string): string {
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  if (SIBILANT_PLURAL.test(name)) return name.slice(0, -2);
  if (name.endsWith('s') && !name.endsWith('ss') && !name.endsWith('us')) return name.slice(0, -1);
  return name;
}

/** Writes a value without a schema (Rails `to_xml` style): arrays with `type="array"`, objects as child elements. */
export function serializeGeneric(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = singular(name);
    let body = '';
    for (const v of value) body += serializeGeneric(item, v);
    return `<${name} type="array">${body}</${name}>`;
  }
  if (typeof value === 'object') {
    let body = '';
    for (const [k, v] of Object.entries(value)) if (v !== undefined) body += serializeGeneric(k, v);
    return body === '' ? `<${name}/>` : `<${name}>${body}</${name}>`;
  }
  return `<${name}>${escapeText(scalarText(value))}</${name}>`;
}
