import { isPlainObject, type JsonObject } from '../json.js';

/** The sort key the product keeps beside a person's name: "first last", lower-cased. */
export function nameSortKey(name: unknown): string | undefined {
  if (!isPlainObject(name)) return undefined;
  return [name.first, name.last]
    .filter((p) => typeof p === 'string' && p)
    .join(' ')
    .toLowerCase();
}

/**
 * Normalises a person create body: the `email` shortcut of the create call becomes a `contactEmails` entry, the
 * one-off `invite` flag is not stored, `role` defaults to `client` and `status` to `active`.
 * @see docs/sources.md#plutio-people — import scripts create people with `{name, status, invite, email, role}`.
 */
export function preparePerson(record: JsonObject): JsonObject {
  const { email, invite: _invite, ...rest } = record;
  const out: JsonObject = { role: 'client', status: 'active', contactEmails: [], ...rest };
  if (typeof email === 'string' && email && (!Array.isArray(out.contactEmails) || out.contactEmails.length === 0)) {
    out.contactEmails = [{ address: email, type: 'email' }];
  }
  const key = nameSortKey(out.name);
  if (key !== undefined) out.nameSortKey = key;
  return out;
}
