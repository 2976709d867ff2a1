/**
 * A contact's JSON and XML forms differ in more than syntax: JSON `tag_list` is an array of names, XML
 * `<tag_list>` one text joined with ", " (Redmine's `TagList#to_s`), so the documents describe them with two
 * schemas (`Contact`, `ContactXml`). For `.xml` the pipeline serialises and validates `xmlBody`: the same typed body
 * with every `tag_list` joined.
 */

/** What the XML form changes in a contact: `tag_list`. */
interface Tagged {
  tag_list: readonly string[];
}

/** A contact with `tag_list` as XML text. */
export type XmlTagged<C extends Tagged> = Omit<C, 'tag_list'> & { tag_list: string };

/** A contact in its XML form (`ContactXml` for a `Contact`). */
export function xmlContact<C extends Tagged>(contact: C): XmlTagged<C> {
  return { ...contact, tag_list: contact.tag_list.join(', ') };
}

/** A single-contact body with the contact's `tag_list` as XML text. */
export function xmlTagLists<B extends { contact: Tagged }>(
  body: B,
): Omit<B, 'contact'> & { contact: XmlTagged<B['contact']> };
/** A contact list body with each contact's `tag_list` as XML text. */
export function xmlTagLists<B extends { contacts: Tagged[] }>(
  body: B,
): Omit<B, 'contacts'> & { contacts: XmlTagged<B['contacts'][number]>[] };
export function xmlTagLists(body: { contact?: Tagged; contacts?: Tagged[] }): object {
  return {
    ...body,
    ...(body.contact ? { contact: xmlContact(body.contact) } : {}),
    ...(Array.isArray(body.contacts) ? { contacts: body.contacts.map(xmlContact) } : {}),
  };
}
