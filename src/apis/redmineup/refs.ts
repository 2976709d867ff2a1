import { userName } from '../../redmine-family/index.js';
import type { Contact } from './records.js';
import type { IdName } from './schemas.js';
import type { RedmineUpState } from './state.js';

/** An `{id, name}` reference. */
export type Ref = IdName;

/** A user reference, or undefined for a missing user (the key is then left out). */
export function userRef(state: RedmineUpState, id: number | null): Ref | undefined {
  if (id === null) return undefined;
  const user = state.users.get(id);
  return user ? { id: user.id, name: userName(user) } : undefined;
}

/** A project reference, or undefined for a missing project. */
export function projectRef(state: RedmineUpState, id: number): Ref | undefined {
  const project = state.projects.get(id);
  return project ? { id: project.id, name: project.name } : undefined;
}

/**
 * A contact's display name with the plugin's default name format ("firstname lastname"): a company's name, or the
 * person's first and last name.
 */
export function contactName(contact: Pick<Contact, 'is_company' | 'first_name' | 'last_name'>): string {
  if (contact.is_company) return contact.first_name;
  return [contact.first_name, contact.last_name].filter((p) => p !== null && p !== '').join(' ');
}

/** A contact reference, or undefined for a missing contact. */
export function contactRef(state: RedmineUpState, id: number | null): Ref | undefined {
  if (id === null) return undefined;
  const contact = state.contacts.get(id);
  return contact ? { id: contact.id, name: contactName(contact) } : undefined;
}

/** Splits a stored comma-separated list (phones, e-mails) into its non-blank parts. */
export function splitList(value: string | null): string[] {
  if (value === null) return [];
  return value
    .split(/,\s*/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** Newest first: by `created_on`, then by id. */
export function newestFirst<T extends { id: number; created_on: string }>(a: T, b: T): number {
  return a.created_on === b.created_on ? b.id - a.id : a.created_on < b.created_on ? 1 : -1;
}
