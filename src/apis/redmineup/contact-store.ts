import { nowTimestamp, type User } from '../../redmine-family/index.js';
import type { ContactChanges } from './contact-input.js';
import { type Contact, changesRecord, UNSET_CONTACT_FIELDS } from './records.js';
import type { RedmineUpState } from './state.js';

/**
 * Stores a new contact from validated changes in the given projects (the first one is the project it was created
 * in), authored by `author`. Tags that do not exist yet are created. All or nothing.
 */
export function insertContact(
  state: RedmineUpState,
  author: User,
  projectIds: readonly number[],
  changes: ContactChanges,
): Contact {
  const now = nowTimestamp();
  return state.transaction(() =>
    state.contacts.insert({
      ...UNSET_CONTACT_FIELDS,
      author_id: author.id,
      ...changes,
      tags: registerTags(state, changes.tags ?? []),
      project_ids: [...projectIds],
      created_on: now,
      updated_on: now,
    }),
  );
}

/** Applies validated changes (and optionally a new project list); `updated_on` moves only when something changed. */
export function updateContactRecord(
  state: RedmineUpState,
  contact: Contact,
  changes: ContactChanges,
  projectIds?: readonly number[],
): Contact {
  return state.transaction(() => {
    const patch: ContactChanges = { ...changes };
    if (changes.tags) patch.tags = registerTags(state, changes.tags);
    if (projectIds) patch.project_ids = [...projectIds];
    const changed = changesRecord(contact, patch);
    return state.contacts.update(contact.id, changed ? { ...patch, updated_on: nowTimestamp() } : patch);
  });
}

/**
 * The stored names of the given tags, creating the missing ones (tags match case-insensitively, as
 * acts-as-taggable-on finds them).
 */
export function registerTags(state: RedmineUpState, names: readonly string[]): string[] {
  return names.map((name) => {
    const existing = state.tags.find((t) => t.name.toLowerCase() === name.toLowerCase());
    return existing ? existing.name : state.tags.insert({ name, color: null }).name;
  });
}
