import type { FamilyContext } from '../../redmine-family/index.js';
import type { HandlerResult } from '../../server/types.js';
import type { RedmineUpState } from './state.js';

/**
 * The result of an operation that returns contacts. A contact's JSON and XML forms differ in more than syntax:
 * JSON `tag_list` is an array of names, XML `<tag_list>` one text joined with ", " (Redmine's `TagList#to_s`), so
 * the documents describe them with two schemas (`Contact`, `ContactXml`). For `.xml` the pipeline serialises and
 * validates `xmlBody`, the same body with every `tag_list` joined.
 */
export function contactResult(
  ctx: FamilyContext<RedmineUpState>,
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): HandlerResult {
  return { status, headers, body, xmlBody: ctx.format === 'xml' ? xmlTagLists(body) : undefined };
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
