import { FormFormatError, parseForm, parseMultipartForm } from '../formats/form.js';
import { JsonFormatError, parseJsonBody } from '../formats/json.js';
import {
  bindXml,
  bindXmlGeneric,
  decodeXmlBytes,
  parseXmlDocument,
  XmlBindError,
  XmlFormatError,
} from '../formats/xml.js';
import type { ValidationIssue } from './ajv.js';
import { ApiError } from './errors.js';
import type { OperationInfo, Schema } from './operations.js';
import type { BodyPolicy } from './types.js';
import { fromXmlValue, xmlEnvelope } from './xml-envelope.js';

/** A request body turned into a JSON-shaped value, with what is needed to validate it. */
export interface DecodedBody {
  value: unknown;
  /** Media type the body was read as; undefined when there was no body. */
  mediaType: string | undefined;
  /** Schema to validate `value` against (the declared one for the media type, JSON's for forms). */
  schema: Schema | undefined;
  /** XML and form values are strings by nature: validate them with type coercion. */
  coerce: boolean;
  /** Problems found while decoding that are the body's fault but not malformed syntax (wrong XML root). */
  issues: ValidationIssue[];
}

const JSON_TYPE = 'application/json';
const XML_TYPE = 'application/xml';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * Decodes a request body by its Content-Type: JSON (strict), XML (bound through the operation's XML schema and
 * wrapped into the JSON envelope), URL-encoded or multipart forms (Rack nested keys). Malformed JSON or XML gives
 * BAD_REQUEST; an unsupported type follows `policy.fallback`.
 */
export function decodeBody(
  buf: Buffer,
  contentType: string | undefined,
  op: OperationInfo,
  policy: BodyPolicy,
): DecodedBody {
  const content = op.requestBody?.content ?? {};
  if (buf.length === 0) return { value: undefined, mediaType: undefined, schema: undefined, coerce: false, issues: [] };
  const [rawType = '', ...rest] = (contentType ?? '').split(';');
  let type = rawType.trim().toLowerCase();
  if (!isJson(type) && !isXml(type) && type !== FORM_TYPE && type !== 'multipart/form-data') {
    if (policy.fallback === 'reject') throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `unsupported body type "${type}"`);
    type = policy.fallback === 'json' ? JSON_TYPE : FORM_TYPE;
  }
  const jsonSchema = content[JSON_TYPE] ?? firstMatching(content, isJson);
  if (isJson(type)) {
    return { value: parseJson(buf), mediaType: type, schema: content[type] ?? jsonSchema, coerce: false, issues: [] };
  }
  if (isXml(type)) return decodeXml(buf, type, charsetOf(rest), content[type] ?? content[XML_TYPE], jsonSchema);
  if (type === FORM_TYPE) {
    const value = guardForm(() => parseForm(buf.toString('utf8')));
    return { value, mediaType: type, schema: content[type] ?? jsonSchema, coerce: true, issues: [] };
  }
  const boundary = rest.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('boundary='));
  if (!boundary) throw new ApiError('BAD_REQUEST', 'multipart body without boundary');
  const value = guardForm(() => parseMultipartForm(buf, boundary.slice('boundary='.length).replace(/^"|"$/g, '')));
  return {
    value,
    mediaType: 'multipart/form-data',
    schema: content['multipart/form-data'] ?? jsonSchema,
    coerce: true,
    issues: [],
  };
}

function decodeXml(
  buf: Buffer,
  type: string,
  charset: string | undefined,
  xmlSchema: Schema | undefined,
  jsonSchema: Schema | undefined,
): DecodedBody {
  let root: ReturnType<typeof parseXmlDocument>;
  try {
    root = parseXmlDocument(decodeXmlBytes(buf, charset));
  } catch (err) {
    if (err instanceof XmlFormatError) throw new ApiError('BAD_REQUEST', `malformed XML: ${err.message}`);
    throw err;
  }
  // No XML schema (a JSON-only operation): bind generically, then validate against the JSON schema like any body.
  if (!xmlSchema) return { value: bindXmlGeneric(root), mediaType: type, schema: jsonSchema, coerce: true, issues: [] };
  const envelope = xmlEnvelope(jsonSchema, xmlSchema);
  try {
    const bound = bindXml(root, xmlSchema);
    return {
      value: fromXmlValue(envelope, bound),
      mediaType: type,
      schema: jsonSchema ?? xmlSchema,
      coerce: true,
      issues: [],
    };
  } catch (err) {
    if (!(err instanceof XmlBindError)) throw err;
    const issue: ValidationIssue = { location: 'body', pointer: '', keyword: 'xml', message: err.message, params: {} };
    return { value: envelope.key ? {} : undefined, mediaType: type, schema: jsonSchema, coerce: true, issues: [issue] };
  }
}

/** The `charset` parameter of a Content-Type (the parts after the media type), unquoted. */
function charsetOf(params: readonly string[]): string | undefined {
  for (const p of params) {
    const [name = '', value = ''] = p.split('=', 2);
    if (name.trim().toLowerCase() === 'charset') return value.trim().replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

function parseJson(buf: Buffer): unknown {
  try {
    return parseJsonBody(buf.toString('utf8'));
  } catch (err) {
    if (err instanceof JsonFormatError) throw new ApiError('BAD_REQUEST', `malformed JSON: ${err.message}`);
    throw err;
  }
}

function guardForm<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof FormFormatError) throw new ApiError('BAD_REQUEST', `malformed form: ${err.message}`);
    throw err;
  }
}

function isJson(type: string): boolean {
  return type === JSON_TYPE || type.endsWith('+json');
}

function isXml(type: string): boolean {
  return type === XML_TYPE || type === 'text/xml' || type.endsWith('+xml');
}

function firstMatching(content: Record<string, Schema | undefined>, test: (t: string) => boolean): Schema | undefined {
  const key = Object.keys(content).find(test);
  return key ? content[key] : undefined;
}
