import { parseForm } from '../formats/form.js';
import { bindXml, parseXmlDocument } from '../formats/xml.js';
import { type RefRoot, validateAgainst } from './ajv.js';
import { listOperations, type OpenApiDocument } from './load.js';

/** How crmkit reads a media type's examples. */
export type MediaKind = 'json' | 'xml' | 'form' | 'multipart' | 'text' | 'other';

/** One named example value. */
export interface NamedExample {
  name: string;
  value: unknown;
}

/** The examples of one place of an operation: a request body, a response, a parameter or a response header. */
export interface ExampleCase {
  operationId: string;
  /** `request`, `response 200`, `response 201 header Location`, `parameter query limit`. */
  location: string;
  /** The media type, or `schema` for parameters and headers described by a schema. */
  mediaType: string;
  schema: unknown;
  examples: NamedExample[];
}

/** Classifies a media type: `application/json` and `+json` types, XML, the two form types, `text/*`, the rest. */
export function mediaKind(mediaType: string): MediaKind {
  const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml')) return 'xml';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type === 'multipart/form-data') return 'multipart';
  if (type.startsWith('text/')) return 'text';
  return 'other';
}

/**
 * Validates one example value against its schema the way the reference server reads that media type: JSON values
 * directly; XML strings parsed and bound with the schema (src/formats/xml.ts) and then validated; form examples as
 * objects (a urlencoded string is decoded first); text as a string. Returns readable errors, none when valid.
 */
export function validateExample(mediaType: string, schema: unknown, value: unknown, refRoot?: RefRoot): string[] {
  const target = (schema ?? true) as object | boolean;
  switch (mediaKind(mediaType)) {
    case 'xml': {
      if (typeof value !== 'string') return ['an XML example must be a string holding the document'];
      // A body documented as a plain string under an XML media type (Redmine's 406 hint) is text, not a document.
      if (typeof target === 'object' && (target as { type?: unknown }).type === 'string') {
        return validateAgainst(target, value, refRoot);
      }
      let bound: unknown;
      try {
        bound = bindXml(parseXmlDocument(value), typeof target === 'object' ? target : {});
      } catch (err) {
        return [(err as Error).message];
      }
      return validateAgainst(target, bound, refRoot);
    }
    case 'form':
      return validateAgainst(target, typeof value === 'string' ? safeParseForm(value) : value, refRoot);
    case 'multipart':
      if (typeof value !== 'object' || value === null) return ['a multipart example must be an object of fields'];
      return validateAgainst(target, value, refRoot);
    case 'text':
      if (typeof value !== 'string') return ['a text example must be a string'];
      return validateAgainst(target, value, refRoot);
    default:
      return validateAgainst(target, value, refRoot);
  }
}

function safeParseForm(value: string): unknown {
  try {
    return parseForm(value);
  } catch (err) {
    return { error: (err as Error).message };
  }
}

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI objects are walked generically.
type Node = Record<string, any>;

/** The `example` and every `examples.*.value` of a media type, parameter or header object. */
export function examplesOf(node: Node): NamedExample[] {
  const out: NamedExample[] = [];
  if (node.example !== undefined) out.push({ name: 'example', value: node.example });
  for (const [name, ex] of Object.entries<Node>(node.examples ?? {})) {
    if (ex && typeof ex === 'object' && 'value' in ex) out.push({ name, value: ex.value });
  }
  return out;
}

function contentCases(id: string, location: string, content: Node | undefined, into: ExampleCase[]): void {
  for (const [mediaType, media] of Object.entries<Node>(content ?? {})) {
    const examples = examplesOf(media ?? {});
    if (examples.length > 0) into.push({ operationId: id, location, mediaType, schema: media.schema, examples });
  }
}

function schemaCase(id: string, location: string, node: Node, into: ExampleCase[]): void {
  const examples = examplesOf(node);
  if (examples.length > 0) into.push({ operationId: id, location, mediaType: 'schema', schema: node.schema, examples });
  contentCases(id, location, node.content, into);
}

/**
 * Lists every example of a dereferenced document: request bodies, responses (and their headers) and parameters
 * of every operation, one case per operation, place and media type.
 */
export function collectExampleCases(doc: OpenApiDocument): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const op of listOperations(doc)) {
    const id = op.operation.operationId ? op.operationId : `${op.method} ${op.path}`;
    for (const param of op.parameters) schemaCase(id, `parameter ${param.in} ${param.name}`, param, cases);
    contentCases(id, 'request', op.operation.requestBody?.content, cases);
    for (const [status, response] of Object.entries<Node>(op.operation.responses ?? {})) {
      contentCases(id, `response ${status}`, response?.content, cases);
      for (const [header, node] of Object.entries<Node>(response?.headers ?? {})) {
        schemaCase(id, `response ${status} header ${header}`, node ?? {}, cases);
      }
    }
  }
  return cases;
}
