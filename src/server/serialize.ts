import { serializeXml } from '../formats/xml.js';
import { jsonBytes } from './json-bytes.js';
import { type OperationInfo, responseFor } from './operations.js';
import type { Format, HandlerResult, RawResponse } from './types.js';
import { toXmlValue, xmlEnvelope } from './xml-envelope.js';

/** Content-Type of successful bodies, as a Rails server sends them. */
export const CONTENT_TYPES: Readonly<Record<Format, string>> = {
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
};

/**
 * Turns a handler result into bytes: JSON, or XML through the XML schema the operation declares for that status
 * (from `xmlBody` when the handler gave one, unwrapping the JSON resource key where the XML document is the object
 * itself). A string or Buffer body is sent as is. Without a body there is no Content-Type (as in a Rails 204).
 */
export function serializeResult(op: OperationInfo, format: Format, result: HandlerResult): RawResponse {
  const headers: Record<string, string> = {};
  for (const name in result.headers) headers[name.toLowerCase()] = result.headers[name] as string;
  const { body } = result;
  if (body === undefined) return { status: result.status, headers };
  if (typeof body === 'string' || Buffer.isBuffer(body)) return { status: result.status, headers, body };
  if (format === 'xml') {
    const content = responseFor(op, result.status)?.content ?? {};
    const xmlSchema = content['application/xml'];
    if (xmlSchema) {
      const value = toXmlValue(xmlEnvelope(content['application/json'], xmlSchema), result.xmlBody ?? body);
      headers['content-type'] ??= CONTENT_TYPES.xml;
      return { status: result.status, headers, body: serializeXml(value, xmlSchema) };
    }
  }
  headers['content-type'] ??= CONTENT_TYPES.json;
  return { status: result.status, headers, body: jsonBytes(body) };
}
