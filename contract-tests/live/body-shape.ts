import { parseXmlDocument, type XmlElement } from '../../src/formats/xml.js';
import { essence, isJson, isXml } from '../support/media-type.js';

/** A body's shape: each path (`$.project.id`, `/project/id`, `/projects/@limit`) with the type found there. */
export type Shape = Map<string, string>;

const jsonType = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;

/** The shape of a JSON value; arrays contribute their first item (`[]`), values are left aside. */
export function jsonShape(value: unknown, path = '$', out: Shape = new Map()): Shape {
  out.set(path, jsonType(value));
  if (Array.isArray(value)) {
    if (value.length > 0) jsonShape(value[0], `${path}[]`, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) jsonShape(v, `${path}.${k}`, out);
  }
  return out;
}

/** The type of an XML text: Redmine's nil (`<a/>`), an empty string, an integer, a boolean, a decimal or text. */
const textType = (e: XmlElement): string => {
  if (e.text === null) return e.selfClosing ? 'nil' : 'element';
  if (e.text === '') return 'empty';
  if (/^-?\d+$/.test(e.text)) return 'integer';
  if (/^-?\d+\.\d+$/.test(e.text)) return 'decimal';
  if (e.text === 'true' || e.text === 'false') return 'boolean';
  return 'text';
};

/** The shape of an XML element: attributes, child elements (the first of each name) and text types. */
export function xmlShape(e: XmlElement, path = '', out: Shape = new Map()): Shape {
  const here = `${path}/${e.name}`;
  out.set(here, e.children.length > 0 ? 'element' : textType(e));
  for (const name of Object.keys(e.attrs)) out.set(`${here}/@${name}`, 'attribute');
  const seen = new Set<string>();
  for (const child of e.children) {
    if (seen.has(child.name)) continue;
    seen.add(child.name);
    xmlShape(child, here, out);
  }
  return out;
}

/** The shape of a response body by its media type: JSON, XML, else only whether there is text. */
export function bodyShape(contentType: string | undefined, text: string): Shape {
  if (text.length === 0) return new Map([['body', 'absent']]);
  const type = essence(contentType);
  try {
    if (isJson(type)) return jsonShape(JSON.parse(text));
    if (isXml(type)) return xmlShape(parseXmlDocument(text));
  } catch {
    // Not what the media type says: compared as text below.
  }
  return new Map([['body', 'text']]);
}

/** `null`/nil and empty values stand for any type: which fields are set is data, not shape. */
const WILDCARD = new Set(['null', 'nil', 'empty']);

/**
 * The differences between two shapes, one sentence each: paths only one side has and paths whose types differ. A
 * path under an array or element that one side has empty is not compared (what a list holds is data).
 */
export function compareShapes(a: Shape, b: Shape, names: [string, string]): string[] {
  const emptyLists = [...a.keys(), ...b.keys()].filter((p) => {
    const ta = a.get(p);
    const tb = b.get(p);
    return (ta === 'array' || tb === 'array') && !(a.has(`${p}[]`) && b.has(`${p}[]`));
  });
  const underEmpty = (p: string) => emptyLists.some((l) => p.startsWith(`${l}[]`));
  const out: string[] = [];
  for (const path of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    if (underEmpty(path)) continue;
    const ta = a.get(path);
    const tb = b.get(path);
    if (ta === undefined || tb === undefined) {
      out.push(`${path} only on ${ta === undefined ? names[1] : names[0]}`);
    } else if (ta !== tb && !WILDCARD.has(ta) && !WILDCARD.has(tb)) {
      out.push(`${path} is ${ta} on ${names[0]}, ${tb} on ${names[1]}`);
    }
  }
  return out;
}
