// biome-ignore-all lint/suspicious/noExplicitAny: JSON Schema objects are walked generically.
import type { OperationEntry } from '../../src/spec/load.js';
import { requestExample, requestMediaType, requestSchema } from '../support/examples.js';
import { isXml } from '../support/media-type.js';
import type { Format } from '../support/types.js';
import type { XmlCodec } from '../support/xml-codec.js';

const KEEP_FORMATS = new Set(['date', 'date-time', 'time', 'uri', 'url', 'uri-reference', 'uuid', 'hostname', 'ipv4']);

const branch = (schema: any, value: unknown): any => {
  const alternatives = schema?.oneOf ?? schema?.anyOf;
  if (!Array.isArray(alternatives)) return schema;
  const kind = Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : typeof value;
  return (
    alternatives.find((s: any) => [s.type].flat().includes(kind === 'number' ? 'integer' : kind)) ??
    alternatives.find((s: any) => [s.type].flat().includes(kind)) ??
    alternatives[0]
  );
};

/** Fields whose text identifies or describes an object; others (countries, phone numbers, codes) are kept. */
const FREE_TEXT = /(^|_)(name|identifier|title|subject|login|description|notes?|content|text|comment|body)s?$/i;
const EMAIL = /^[^@\s]+@[^@\s]+$/;

function uniqueString(value: string, schema: any, tag: string, key: string | undefined): string {
  if (schema?.enum || 'const' in (schema ?? {}) || schema?.pattern || KEEP_FORMATS.has(schema?.format)) return value;
  if (schema?.format === 'email' || EMAIL.test(value)) {
    const at = value.indexOf('@');
    return at > 0 ? `${value.slice(0, at)}+${tag}${value.slice(at)}` : value;
  }
  if (!key || !FREE_TEXT.test(key)) return value;
  const max = schema?.maxLength as number | undefined;
  const suffix = `-${tag}`;
  const base = max !== undefined && value.length + suffix.length > max ? value.slice(0, max - suffix.length) : value;
  return `${base}${suffix}`;
}

/**
 * Makes an example body unique to a run: free text that names or describes the object (`name`, `identifier`,
 * `title`, `description`, …) gets `-<tag>` appended and e-mail addresses get `+<tag>` before the `@`, so names and
 * identifiers do not collide with existing objects or an earlier run, and an update visibly changes them. Other
 * strings, and strings constrained by `enum`, `const`, `pattern` or a structural `format`, are kept: the server may
 * validate them against lists of its own (countries, phone kinds).
 */
export function uniquify(value: unknown, schema: any, tag: string, key?: string): unknown {
  const s = branch(schema, value);
  if (typeof value === 'string') return uniqueString(value, s, tag, key);
  if (Array.isArray(value)) return value.map((v) => uniquify(v, s?.items, tag, key));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = uniquify(v, s?.properties?.[k], tag, k);
    return out;
  }
  return value;
}

/**
 * The operation's request example for a format as a value (an XML example is read through its schema), made
 * unique with {@link uniquify}. The request builder serialises it back for the media type.
 */
export function uniqueExampleBody(op: OperationEntry, format: Format | undefined, xml: XmlCodec, tag: string): unknown {
  const mediaType = requestMediaType(op, format);
  if (!mediaType) return undefined;
  const schema = requestSchema(op, mediaType);
  const example = requestExample(op, mediaType);
  const value = typeof example === 'string' && isXml(mediaType) ? xml.read(example, schema).value : example;
  return uniquify(value, schema, tag);
}
