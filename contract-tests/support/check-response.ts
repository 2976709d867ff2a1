import type { OperationEntry } from '../../src/spec/load.js';
import { checkBody } from './check-body.js';
import { essence, expectedMediaType, isJson, isXml, matchDocumented } from './media-type.js';
import { describeSchemaErrors } from './schema-messages.js';
import type { SchemaValidator } from './schema-validator.js';
import { responseFor } from './spec-model.js';
import type { ContractResponse, Format } from './types.js';
import type { XmlCodec } from './xml-codec.js';

/** What the checker needs besides the operation: a schema validator and an XML codec for the document. */
export interface CheckContext {
  validator: SchemaValidator;
  xml: XmlCodec;
}

/** The verdict on one response. */
export interface ResponseCheck {
  /** One sentence per violation, each prefixed with the label and status, most relevant first. */
  differences: string[];
  /** The documented response key that matched (`200`, `4XX`, `default`), when the status is documented. */
  documentedAs?: string;
  /** The body read as JSON, as bound XML or as text, when it could be read. */
  value?: unknown;
}

/** Reads a body without a documented schema (for captures on undocumented answers). */
function looseValue(res: ContractResponse): unknown {
  if (isJson(res.headers['content-type'] ?? '')) {
    try {
      return JSON.parse(res.bodyText);
    } catch {
      return undefined;
    }
  }
  return res.bodyText || undefined;
}

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI header objects are walked generically.
function checkHeaders(status: number, documented: Record<string, any>, res: ContractResponse, ctx: CheckContext) {
  const out: string[] = [];
  for (const [name, header] of Object.entries(documented)) {
    const value = res.headers[name.toLowerCase()];
    const expected = header.required === true || (status === 201 && name.toLowerCase() === 'location');
    if (value === undefined) {
      if (expected) out.push(`${status} misses header ${name}`);
      continue;
    }
    const schema = header.schema;
    const typed = schema?.type === 'integer' || schema?.type === 'number' ? Number(value) : value;
    for (const msg of describeSchemaErrors(ctx.validator.validate(schema, typed), 'text')) {
      out.push(`${status} header ${name} ${msg.replace(/^body /, '')}`);
    }
  }
  return out;
}

/**
 * Checks one response against the operation's documented responses: the status must be documented; the media
 * type must be a documented one, and the one of the requested format when the operation speaks both (JSON for
 * `.xml` is a violation); required headers (and `Location` on 201) must be present and valid; a response
 * documented without content must have an empty body (204 always); a body must match its schema.
 */
export function checkResponse(
  ctx: CheckContext,
  op: OperationEntry,
  label: string,
  format: Format | undefined,
  res: ContractResponse,
): ResponseCheck {
  const prefix = (msg: string) => `${label}: ${msg}`;
  const found = responseFor(op, res.status);
  if (!found) {
    const documented = Object.keys(op.operation.responses ?? {}).join(', ');
    return {
      differences: [prefix(`${res.status} is not a documented status (documented: ${documented})`)],
      value: looseValue(res),
    };
  }
  const { key, response } = found;
  const differences: string[] = checkHeaders(res.status, response.headers ?? {}, res, ctx);
  const content = (response.content ?? {}) as Record<string, { schema?: unknown }>;
  const documentedTypes = Object.keys(content);
  const received = res.headers['content-type'];
  const s = res.status;

  if (documentedTypes.length === 0 || s === 204 || s === 304) {
    if (res.bodyText.length > 0) differences.push(`${s} must have an empty body, got ${res.bodyText.length} bytes`);
    return { differences: differences.map(prefix), documentedAs: key };
  }
  const wanted = expectedMediaType(documentedTypes, format);
  if (!received) {
    differences.unshift(`${s} has no Content-Type, expected ${wanted}`);
    return { differences: differences.map(prefix), documentedAs: key };
  }
  const matched = matchDocumented(received, documentedTypes);
  if (!matched) {
    differences.unshift(`${s} sends ${essence(received)}, documented: ${documentedTypes.join(', ')}`);
    return { differences: differences.map(prefix), documentedAs: key, value: looseValue(res) };
  }
  if (format && wanted && matched !== wanted && (isJson(wanted) || isXml(wanted))) {
    differences.unshift(`${s} sends ${essence(received)} for .${format}, expected ${wanted}`);
  }
  if (res.bodyText.length === 0) {
    differences.push(`${s} body is empty, expected ${matched}`);
    return { differences: differences.map(prefix), documentedAs: key };
  }
  const body = checkBody(res.bodyText, matched, content[matched]?.schema, ctx.validator, ctx.xml);
  differences.push(...body.differences.map((d) => `${s} ${d}`));
  return { differences: differences.map(prefix), documentedAs: key, value: body.value };
}
