import type { ValidationIssue } from './ajv.js';
import { responseFor } from './operations.js';
import type { Format, HandlerResult } from './types.js';
import type { OperationValidator } from './validation.js';
import { toXmlValue, xmlEnvelope } from './xml-envelope.js';

const issue = (message: string, keyword = 'contract'): ValidationIssue => ({
  location: 'response',
  pointer: '',
  keyword,
  message,
  params: {},
});

/**
 * Checks a handler result against the operation's declared responses: the status must be declared, a body must
 * match the schema of the format asked for (JSON: the `application/json` schema; XML: only the `application/xml`
 * schema, applied to the XML document's value of `xmlBody ?? body`), a declared body must not be missing on
 * success, and declared headers of a success response must be present.
 */
export function checkResult(validator: OperationValidator, format: Format, result: HandlerResult): ValidationIssue[] {
  const declared = responseFor(validator.operation, result.status);
  if (!declared) return [issue(`status ${result.status} is not declared`)];
  const success = result.status < 400;
  const issues: ValidationIssue[] = [];
  if (success) {
    const given = new Set(Object.keys(result.headers ?? {}).map((h) => h.toLowerCase()));
    for (const h of declared.headers) if (!given.has(h)) issues.push(issue(`header ${h} is missing`));
  }
  const { body } = result;
  const jsonSchema = declared.content['application/json'];
  if (body === undefined) {
    if (success && Object.keys(declared.content).length > 0) issues.push(issue('the declared body is missing'));
    return issues;
  }
  if (typeof body === 'string' || Buffer.isBuffer(body)) return issues;
  if (format === 'xml') {
    const xmlSchema = declared.content['application/xml'];
    if (!xmlSchema) return [...issues, issue(`no XML body is declared for status ${result.status}`)];
    const value = toXmlValue(xmlEnvelope(jsonSchema, xmlSchema), result.xmlBody ?? body);
    return [...issues, ...validator.response(xmlSchema, value)];
  }
  if (!jsonSchema) return [...issues, issue(`no JSON body is declared for status ${result.status}`)];
  return [...issues, ...validator.response(jsonSchema, body)];
}
