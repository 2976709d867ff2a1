import {
  applyCustomFieldInput,
  formatTimestamp,
  has,
  messages,
  readCustomFieldInput,
  ValidationErrors,
} from '../../redmine-family/index.js';
import type { LooseBody } from '../../server/typed-handlers.js';
import { blank, boundedText, isIsoDate, optionalInt, STRING_MAX, TEXT_MAX } from './input-values.js';
import { NOTE_CUSTOM_FIELD_TYPE, type Note, type NoteRecord, type NoteType } from './records.js';
import type { NoteInput } from './schemas.js';
import type { RedmineUpState } from './state.js';

/** The note types a note may have (`null`: a plain note). */
const NOTE_TYPES: readonly NoteType[] = [0, 1, 2, null];

/** The `note` attributes of a create or update body, as sent (any of them may be missing). */
export type NoteAttributes = LooseBody<NoteInput>;

/** Note fields a create or update may change, after validation. */
export type NoteChanges = Partial<Pick<NoteRecord, 'subject' | 'content' | 'type_id' | 'custom_values' | 'created_on'>>;

/**
 * Validates note attributes for a create (`existing` undefined) or update: "Content cannot be blank", a `type_id`
 * of 0, 1, 2 or empty ("Type is not included in the list"), a parseable `created_on` ("Created on is invalid"),
 * then the note custom fields. The source is not writable here. Throws one 422 listing every problem.
 * @see redmine_contacts app/models/note.rb
 */
export function validateNoteAttributes(
  state: RedmineUpState,
  attrs: NoteAttributes,
  existing: Note | undefined,
): NoteChanges {
  const errors = new ValidationErrors();
  const changes: NoteChanges = {};
  if (has(attrs, 'content') || !existing) {
    if (blank(attrs.content)) errors.add(messages.blank('Content'));
    else {
      const content = boundedText(attrs.content, 'Content', TEXT_MAX, errors);
      if (content) changes.content = content;
    }
  }
  if (has(attrs, 'subject')) {
    const subject = boundedText(attrs.subject, 'Subject', STRING_MAX, errors);
    if (subject !== undefined) changes.subject = subject;
  }
  if (has(attrs, 'type_id')) {
    const raw = optionalInt(attrs.type_id);
    const type = NOTE_TYPES.find((t) => t === raw);
    if (type === undefined) errors.add(messages.inclusion('Type'));
    else changes.type_id = type;
  }
  if (has(attrs, 'created_on') && !blank(attrs.created_on)) {
    const at = parseTime(String(attrs.created_on));
    if (at === undefined) errors.add(messages.invalid('Created on'));
    else changes.created_on = at;
  }
  changes.custom_values = applyCustomFieldInput(
    state,
    NOTE_CUSTOM_FIELD_TYPE,
    existing?.custom_values,
    readCustomFieldInput(attrs),
    errors,
  );
  errors.throwIfAny();
  return changes;
}

/**
 * A time as Ruby's `Time.parse` reads the common forms: ISO 8601 with or without a zone, `YYYY-MM-DD HH:MM[:SS]`
 * or a bare date; times without a zone are UTC (the server zone). Undefined when it cannot be read.
 */
export function parseTime(value: string): string | undefined {
  const s = value.trim().replace(' ', 'T');
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!m || !isIsoDate(m[1] as string)) return undefined;
  const zone = m[4] === undefined ? 'Z' : m[4] === 'Z' ? 'Z' : m[4].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const iso = `${m[1]}T${m[2] ?? '00:00'}${m[3] ?? ':00'}${zone}`;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : formatTimestamp(time);
}
