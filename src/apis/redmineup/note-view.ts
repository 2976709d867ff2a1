import { type RedminePrincipal, renderCustomValues } from '../../redmine-family/index.js';
import { NOTE_CUSTOM_FIELD_TYPE, type Note } from './records.js';
import { contactName, userRef } from './refs.js';
import { type NoteJson, type NoteSummary, withoutUndefined } from './schemas.js';
import type { RedmineUpState } from './state.js';

/** A note as embedded with `include=notes`: no subject, source or custom fields. */
export function renderNoteSummary(state: RedmineUpState, note: Note): NoteSummary {
  const out: NoteSummary = {
    id: note.id,
    content: note.content,
    type_id: note.type_id,
    author: userRef(state, note.author_id),
    created_on: note.created_on,
    updated_on: note.updated_on,
  };
  return withoutUndefined(out);
}

/**
 * A note as `GET /notes/{id}` renders it: id, source (`{id, name, type}`), subject, content, type_id, author,
 * custom_fields (when note custom fields exist), created_on, updated_on.
 * @see redmine_contacts app/views/notes/show.api.rsb
 */
export function renderNote(state: RedmineUpState, principal: RedminePrincipal, note: Note): NoteJson {
  const name = sourceName(state, note);
  const out: NoteJson = {
    id: note.id,
    source: name === undefined ? undefined : { id: note.source_id, name, type: note.source_type },
    subject: note.subject,
    content: note.content,
    type_id: note.type_id,
    author: userRef(state, note.author_id),
    custom_fields: renderCustomValues(state, NOTE_CUSTOM_FIELD_TYPE, note.custom_values, principal),
    created_on: note.created_on,
    updated_on: note.updated_on,
  };
  return withoutUndefined(out);
}

function sourceName(state: RedmineUpState, note: Note): string | undefined {
  if (note.source_type === 'Deal') return state.deals.get(note.source_id)?.name;
  const contact = state.contacts.get(note.source_id);
  return contact ? contactName(contact) : undefined;
}
