import { denied, nowTimestamp, type RedminePrincipal } from '../../redmine-family/index.js';
import { ApiError } from '../../server/errors.js';
import { findContact, findDeal, findNote, mayChangeNote, noteProjectIds } from './access.js';
import { attributesOf, blank } from './input-values.js';
import { validateNoteAttributes } from './note-input.js';
import { renderNote } from './note-view.js';
import type { UpHandler } from './operation.js';
import { allowedInAny } from './permissions.js';
import { projectFor } from './project-scope.js';
import { changesRecord, type NoteRecord } from './records.js';
import type { RedmineUpState } from './state.js';

/**
 * POST /notes: a note on the contact or deal named by `source_type` and `source_id` (inside `note` or at the top
 * level; inside wins). With `project_id` the caller needs "Add notes" there (unknown project 404), otherwise in one
 * of the source's projects; an unknown or invisible source is 404 / 403. The author is the caller; 201 + Location.
 * @see redmine_contacts app/controllers/notes_controller.rb create
 */
export const createNote: UpHandler<'createNote'> = (ctx) => {
  const { state, principal, body } = ctx;
  const user = principal.user;
  if (!user) throw new ApiError('UNAUTHORIZED');
  const attrs = attributesOf(body?.note);
  const pick = (key: 'project_id' | 'source_type' | 'source_id') => (blank(attrs[key]) ? body?.[key] : attrs[key]);
  const rawProject = pick('project_id');
  const project = blank(rawProject) ? undefined : projectFor(state, principal, rawProject, 'add_notes');
  const source = findSource(state, principal, pick('source_type'), pick('source_id'));
  if (!project && !allowedInAny(state, principal, noteProjectIds(state, source), 'add_notes')) throw denied(principal);
  const changes = validateNoteAttributes(state, attrs, undefined);
  const now = nowTimestamp();
  const note = state.transaction(() =>
    state.notes.insert({
      ...source,
      subject: null,
      content: '',
      type_id: null,
      author_id: user.id,
      custom_values: {},
      created_on: now,
      ...changes,
      updated_on: now,
    }),
  );
  return {
    status: 201,
    headers: { location: `${ctx.baseUrl}/notes/${note.id}` },
    body: { note: renderNote(state, principal, note) },
  };
};

/** GET /notes/{id}: one note with its source; 403/401 when the caller cannot see the source. */
export const getNote: UpHandler<'getNote'> = (ctx) => {
  const note = findNote(ctx.state, ctx.principal, ctx.params.note_id);
  return { status: 200, body: { note: renderNote(ctx.state, ctx.principal, note) } };
};

/** PUT /notes/{id}: needs "Edit notes" (or "Edit own notes" for the author); the source cannot change; 204. */
export const updateNote: UpHandler<'updateNote'> = (ctx) => {
  const { state, principal } = ctx;
  const note = findNote(state, principal, ctx.params.note_id);
  if (!mayChangeNote(state, principal, note, 'edit')) throw denied(principal);
  const changes = validateNoteAttributes(state, attributesOf(ctx.body?.note), note);
  const changed = changesRecord(note, changes);
  state.notes.update(note.id, changed ? { ...changes, updated_on: nowTimestamp() } : changes);
  return { status: 204 };
};

/** DELETE /notes/{id}: needs "Delete notes" (or "Delete own notes" for the author); 204. */
export const deleteNote: UpHandler<'deleteNote'> = (ctx) => {
  const { state, principal } = ctx;
  const note = findNote(state, principal, ctx.params.note_id);
  if (!mayChangeNote(state, principal, note, 'delete')) throw denied(principal);
  state.notes.remove(note.id);
  return { status: 204 };
};

function findSource(
  state: RedmineUpState,
  principal: RedminePrincipal,
  type: unknown,
  id: unknown,
): Pick<NoteRecord, 'source_type' | 'source_id'> {
  if (type === 'Contact') return { source_type: 'Contact', source_id: findContact(state, principal, id).id };
  if (type === 'Deal') return { source_type: 'Deal', source_id: findDeal(state, principal, id).id };
  throw new ApiError('NOT_FOUND');
}
