import { isPlainObject } from '../json.js';
import type { FieldsOf, Known, RecordOf, Schemas } from '../records.js';

/** A person's name as the document names its parts. */
type PersonName = Known<NonNullable<RecordOf<'people'>['name']>>;

/** `isPlainObject` as a plain test, so that a name keeps its schema type (and a renamed part fails to compile). */
const isObject: (value: unknown) => boolean = isPlainObject;

/** The sort key the product keeps beside a person's name: "first last", lower-cased. */
export function nameSortKey(name: PersonName | undefined): string | undefined {
  if (!isObject(name)) return undefined;
  return [name?.first, name?.last]
    .filter((p) => typeof p === 'string' && p)
    .join(' ')
    .toLowerCase();
}

/**
 * Normalises a person create body: the `email` shortcut of the create call becomes a `contactEmails` entry, the
 * one-off `invite` flag is not stored, `role` defaults to `client` and `status` to `active`.
 * @see docs/sources.md#plutio-people — import scripts create people with `{name, status, invite, email, role}`.
 */
export function preparePerson(record: RecordOf<'people'> & Schemas['PersonCreate']): RecordOf<'people'> {
  const { email, invite: _invite, ...rest } = record;
  const defaults: FieldsOf<'people'> = { role: 'client', status: 'active', contactEmails: [] };
  const out: RecordOf<'people'> = { ...defaults, ...rest };
  if (typeof email === 'string' && email && (!Array.isArray(out.contactEmails) || out.contactEmails.length === 0)) {
    out.contactEmails = [{ address: email, type: 'email' }];
  }
  const key = nameSortKey(out.name);
  if (key !== undefined) out.nameSortKey = key;
  return out;
}
