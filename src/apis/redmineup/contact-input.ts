import {
  applyCustomFieldInput,
  has,
  isPlainObject,
  messages,
  readCustomFieldInput,
  ValidationErrors,
} from '../../redmine-family/index.js';
import type { Contact } from './access.js';
import { mergeAddress } from './address.js';
import { CONTACT_CUSTOM_FIELD_TYPE } from './contact-view.js';
import { blank, bool, commaList, optionalDate, optionalId, text } from './input-values.js';
import type { ContactRecord, Visibility } from './records.js';
import type { RedmineUpState } from './state.js';

/** Contact fields a create or update may change, after validation. */
export type ContactChanges = Partial<Omit<ContactRecord, 'id' | 'created_on' | 'updated_on'>>;

const TEXT_FIELDS = [
  'last_name',
  'middle_name',
  'company',
  'website',
  'skype_name',
  'job_title',
  'background',
  'phone',
] as const;

const EMAIL_PART = /^[^@\s]+@[^@\s]+$/;

/**
 * Validates the `contact` attributes of a create (`existing` undefined) or update with the plugin's rules and
 * English messages: "First name cannot be blank", "Email have incorrect format" (every comma-separated address,
 * spaces stripped, must look like `x@y`), "Birthday is invalid", "Assignee is invalid", "Visibility is invalid",
 * then the contact custom fields. Unknown attributes are ignored; projects are handled by the caller.
 * Throws one 422 listing every problem.
 * @see redmine_contacts app/models/contact.rb (validations, safe_attributes, emails_format)
 */
export function validateContactAttributes(
  state: RedmineUpState,
  attrs: Record<string, unknown>,
  existing: Contact | undefined,
): ContactChanges {
  const errors = new ValidationErrors();
  const changes: ContactChanges = {};
  if (has(attrs, 'first_name') || !existing) {
    if (blank(attrs.first_name)) errors.add(messages.blank('First name'));
    else changes.first_name = text(attrs.first_name) as string;
  }
  for (const key of TEXT_FIELDS) if (has(attrs, key)) changes[key] = text(attrs[key]);
  if (has(attrs, 'email')) {
    const addresses = commaList((text(attrs.email) ?? '').replace(/\s+/g, ''));
    if (addresses.some((a) => !EMAIL_PART.test(a))) errors.add('Email have incorrect format');
    changes.email = addresses.length === 0 ? null : addresses.join(',');
  }
  if (has(attrs, 'is_company')) changes.is_company = bool(attrs.is_company);
  if (has(attrs, 'birthday')) {
    const date = optionalDate(attrs.birthday);
    if (date === undefined) errors.add(messages.invalid('Birthday'));
    else changes.birthday = date;
  }
  if (has(attrs, 'assigned_to_id')) {
    const id = optionalId(attrs.assigned_to_id);
    if (id !== null && !state.users.get(id)) errors.add(messages.invalid('Assignee'));
    else changes.assigned_to_id = id;
  }
  if (has(attrs, 'visibility')) {
    const v = String(attrs.visibility ?? '').trim();
    if (!['0', '1', '2'].includes(v)) errors.add(messages.invalid('Visibility'));
    else changes.visibility = Number(v) as Visibility;
  }
  if (has(attrs, 'tag_list')) changes.tags = uniqueTags(commaList(attrs.tag_list));
  if (isPlainObject(attrs.address_attributes)) {
    changes.address = mergeAddress(existing?.address ?? null, attrs.address_attributes);
  }
  changes.custom_values = applyCustomFieldInput(
    state,
    CONTACT_CUSTOM_FIELD_TYPE,
    existing?.custom_values,
    readCustomFieldInput(attrs),
    errors,
  );
  errors.throwIfAny();
  return changes;
}

/** Tag names without case-insensitive duplicates, in the order given. */
function uniqueTags(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
