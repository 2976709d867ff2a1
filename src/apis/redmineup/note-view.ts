import { type RedminePrincipal, renderCustomValues } from '../../redmine-family/index.js';
import type { Note } from './access.js';
import { contactName, userRef } from './refs.js';
import type { RedmineUpState } from './state.js';

/** Custom fields of notes are `contact_note` custom fields. */
export const NOTE_CUSTOM_FIELD_TYPE = 'contact_note';

/** A note as embedded with `include=notes`: no subject, source or custom fields. */
export function renderNoteSummary(state: RedmineUpState, note: Note): Record<string, unknown> {
  const out: Record<string, unknown> = { id: note.id, content: note.content, type_id: note.type_id };
  const author = userRef(state, note.author_id);
  if (author) out.author = author;
  out.created_on = note.created_on;
  out.updated_on = note.updated_on;
  return out;
}

/**
 * A note as `GET /notes/{id}` renders it: id, source (`{id, name, type}`), subject, content, type_id, author,
 * custom_fields (when note custom fields exist), created_on, updated_on.
 * @see redmine_contacts app/views/notes/show.api.rsb
 */
export function renderNote(state: RedmineUpState, principal: RedminePrincipal, note: Note): Record<string, unknown> {
  const out: Record<string, unknown> = { id: note.id };
  const name = sourceName(state, note);
  if (name !== undefined) out.source = { id: note.source_id, name, type: note.source_type };
  out.subject = note.subject;
  out.content = note.content;
  out.type_id = note.type_id;
  const author = userRef(state, note.author_id);
  if (author) out.author = author;
  const customFields = renderCustomValues(state, NOTE_CUSTOM_FIELD_TYPE, note.custom_values, principal);
  if (customFields) out.custom_fields = customFields;
  out.created_on = note.created_on;
  out.updated_on = note.updated_on;
  return out;
}

function sourceName(state: RedmineUpState, note: Note): string | undefined {
  if (note.source_type === 'Deal') return state.deals.get(note.source_id)?.name;
  const contact = state.contacts.get(note.source_id);
  return contact ? contactName(contact) : undefined;
}
