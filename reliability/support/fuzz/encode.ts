import { serializeGeneric } from '../../../src/formats/xml-generic.js';
import { serializeXml } from '../../../src/formats/xml-serialize.js';
import type { Schema } from '../../../src/server/operations.js';
import { toXmlValue, xmlEnvelope } from '../../../src/server/xml-envelope.js';
import type { OperationEntry } from '../../../src/spec/load.js';

/** How a fuzz body is put on the wire. */
export type Encoding = 'json' | 'xml' | 'form' | 'multipart' | 'text' | 'bytes';

/** Content-Type of each encoding (multipart with the fixed boundary of {@link encodeBody}). */
export const CONTENT_TYPES: Readonly<Record<Encoding, string>> = {
  json: 'application/json',
  xml: 'application/xml',
  form: 'application/x-www-form-urlencoded',
  multipart: 'multipart/form-data; boundary=crmkitFuzzBoundary',
  text: 'text/plain',
  bytes: 'application/octet-stream',
};

const BOUNDARY = 'crmkitFuzzBoundary';

/**
 * Encodes a JSON-shaped body: JSON text; XML through the operation's XML request schema (the JSON envelope
 * unwrapped, as the server binds it) or generically when there is none; Rack-style form fields
 * (`project[name]=x`, `a[]=1`); multipart form fields. Strings and bytes are sent as they are.
 */
export function encodeBody(op: OperationEntry, encoding: Encoding, value: unknown): Buffer {
  if (typeof value === 'string') return Buffer.from(value);
  if (value instanceof Uint8Array) return Buffer.from(value);
  switch (encoding) {
    case 'xml':
      return Buffer.from(toXml(op, value));
    case 'form':
      return Buffer.from(
        formPairs(value)
          .map(([k, v]) => `${enc(k)}=${enc(v)}`)
          .join('&'),
      );
    case 'multipart':
      return Buffer.from(multipart(formPairs(value)));
    default:
      return Buffer.from(JSON.stringify(value) ?? 'null');
  }
}

function toXml(op: OperationEntry, value: unknown): string {
  const content = (op.operation.requestBody?.content ?? {}) as Record<string, { schema?: Schema }>;
  const xmlSchema = content['application/xml']?.schema;
  const jsonSchema = content['application/json']?.schema;
  try {
    if (xmlSchema) return serializeXml(toXmlValue(xmlEnvelope(jsonSchema, xmlSchema), value), xmlSchema);
  } catch {
    // Values the schema-directed writer cannot place are written generically below.
  }
  const isRecord = value !== null && typeof value === 'object' && !Array.isArray(value);
  const entries = isRecord ? Object.entries(value as Record<string, unknown>) : [];
  const [only] = entries;
  if (entries.length === 1 && only)
    return `<?xml version="1.0" encoding="UTF-8"?>${serializeGeneric(only[0], only[1])}`;
  return `<?xml version="1.0" encoding="UTF-8"?>${serializeGeneric('root', value)}`;
}

/** Flattens a value into Rack form pairs. */
export function formPairs(value: unknown, prefix = ''): [string, string][] {
  if (value === null || value === undefined) return prefix ? [[prefix, '']] : [];
  if (Array.isArray(value)) {
    return value.flatMap((item) =>
      item !== null && typeof item === 'object' ? formPairs(item, `${prefix}[]`) : formPairs(item, `${prefix}[]`),
    );
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      formPairs(v, prefix ? `${prefix}[${k}]` : k),
    );
  }
  return [[prefix || 'value', String(value)]];
}

function enc(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '?'));
  }
}

function multipart(pairs: [string, string][]): string {
  const parts = pairs.map(
    ([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k.replace(/"/g, '\\"')}"\r\n\r\n${v}\r\n`,
  );
  return `${parts.join('')}--${BOUNDARY}--\r\n`;
}
