import { serializeXml } from '../../formats/xml.js';
import type { FamilyContext } from '../../redmine-family/index.js';
import { responseFor } from '../../server/operations.js';
import { CONTENT_TYPES } from '../../server/serialize.js';
import type { HandlerResult } from '../../server/types.js';
import { toXmlValue, xmlEnvelope } from '../../server/xml-envelope.js';
import type { RedmineUpState } from './state.js';

/**
 * The result of an operation that returns contacts. A contact's JSON and XML forms differ in more than syntax:
 * JSON `tag_list` is an array of names, XML `<tag_list>` one text joined with ", " (Redmine's `TagList#to_s`), so
 * the documents describe them with two schemas (`Contact`, `ContactXml`). The JSON body goes through the pipeline
 * as usual; for `.xml` the body is rendered here, through the operation's declared XML schema, from the JSON body
 * with every `tag_list` joined.
 */
export function contactResult(
  ctx: FamilyContext<RedmineUpState>,
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): HandlerResult {
  if (ctx.format !== 'xml') return { status, headers, body };
  const content = responseFor(ctx.operation, status)?.content ?? {};
  const xmlSchema = content['application/xml'];
  if (!xmlSchema) return { status, headers, body };
  const value = toXmlValue(xmlEnvelope(content['application/json'], xmlSchema), xmlTagLists(body));
  return {
    status,
    headers: { ...headers, 'content-type': CONTENT_TYPES.xml },
    body: serializeXml(value, xmlSchema),
  };
}

/** A copy of a contact body (single or list) with each contact's `tag_list` as XML text. */
export function xmlTagLists(body: Record<string, unknown>): Record<string, unknown> {
  const join = (contact: unknown) => {
    const c = contact as Record<string, unknown>;
    return Array.isArray(c.tag_list) ? { ...c, tag_list: c.tag_list.join(', ') } : c;
  };
  const out = { ...body };
  if (out.contact) out.contact = join(out.contact);
  if (Array.isArray(out.contacts)) out.contacts = out.contacts.map(join);
  return out;
}
