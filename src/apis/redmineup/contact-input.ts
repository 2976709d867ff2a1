import {
  applyCustomFieldInput,
  has,
  isPlainObject,
  messages,
  readCustomFieldInput,
  ValidationErrors,
} from '../../redmine-family/index.js';
import type { LooseBody } from '../../server/typed-handlers.js';
import { mergeAddress } from './address.js';
import {
  blank,
  bool,
  boundedText,
  commaList,
  optionalDate,
  optionalId,
  STRING_MAX,
  TEXT_MAX,
  text,
} from './input-values.js';
import { CONTACT_CUSTOM_FIELD_TYPE, type Contact, type ContactRecord, type Visibility } from './records.js';
import type { ContactInput } from './schemas.js';
import type { RedmineUpState } from './state.js';

/** The `contact` attributes of a create or update body, as sent (any of them may be missing). */
export type ContactAttributes = LooseBody<ContactInput>;

/** Contact fields a create or update may change, after validation. */
export type ContactChanges = Partial<Omit<ContactRecord, 'id' | 'created_on' | 'updated_on'>>;

/** The plain text attributes with their labels and column sizes (string columns 255, `background` text). */
const TEXT_FIELDS = [
  ['last_name', 'Last name', STRING_MAX],
  ['middle_name', 'Middle name', STRING_MAX],
  ['company', 'Company', STRING_MAX],
  ['website', 'Website', STRING_MAX],
  ['skype_name', 'Skype name', STRING_MAX],
  ['job_title', 'Job title', STRING_MAX],
  ['background', 'Background', TEXT_MAX],
  ['phone', 'Phone', STRING_MAX],
] as const;

/** Address lines with their labels as Rails names nested attributes (`Address city`) and column sizes. */
const ADDRESS_FIELDS = [
  ['street1', 'Address street1', STRING_MAX],
  ['street2', 'Address street2', STRING_MAX],
  ['city', 'Address city', STRING_MAX],
  ['region', 'Address region', STRING_MAX],
  ['postcode', 'Address postcode', STRING_MAX],
  ['country_code', 'Address country code', 2],
] as const;

const EMAIL_PART = /^[^@\s]+@[^@\s]+$/;
const VISIBILITIES: readonly Visibility[] = [0, 1, 2];

/**
 * Validates the `contact` attributes of a create (`existing` undefined) or update with the plugin's rules and
 * English messages: "First name cannot be blank", "Email have incorrect format" (every comma-separated address,
 * spaces stripped, must look like `x@y`), "Birthday is invalid", "Assignee is invalid", "Visibility is invalid",
 * "<Attribute> is too long (maximum is 255 characters)" for the string columns (names, company, job title, website,
 * Skype name, phone, e-mail, each tag, each address line; `background` is text: 65535), then the contact custom
 * fields. Unknown attributes are ignored; projects are handled by the caller.
 * Throws one 422 listing every problem.
 * @see redmine_contacts app/models/contact.rb (validations, safe_attributes, emails_format)
 */
export function validateContactAttributes(
  state: RedmineUpState,
  attrs: ContactAttributes,
  existing: Contact | undefined,
): ContactChanges {
  const errors = new ValidationErrors();
  const changes: ContactChanges = {};
  if (has(attrs, 'first_name') || !existing) {
    if (blank(attrs.first_name)) errors.add(messages.blank('First name'));
    else {
      const name = boundedText(attrs.first_name, 'First name', STRING_MAX, errors);
      if (name) changes.first_name = name;
    }
  }
  for (const [key, label, max] of TEXT_FIELDS) {
    if (!has(attrs, key)) continue;
    const value = boundedText(attrs[key], label, max, errors);
    if (value !== undefined) changes[key] = value;
  }
  if (has(attrs, 'email')) {
    const addresses = commaList((text(attrs.email) ?? '').replace(/\s+/g, ''));
    if (addresses.some((a) => !EMAIL_PART.test(a))) errors.add('Email have incorrect format');
    const email = addresses.length === 0 ? null : addresses.join(',');
    if (email !== null && email.length > STRING_MAX) errors.add(messages.tooLong('Email', STRING_MAX));
    changes.email = email;
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
    const v = VISIBILITIES.find((n) => String(n) === String(attrs.visibility ?? '').trim());
    if (v === undefined) errors.add(messages.invalid('Visibility'));
    else changes.visibility = v;
  }
  if (has(attrs, 'tag_list')) {
    const tags = uniqueTags(commaList(attrs.tag_list));
    if (tags.some((t) => t.length > STRING_MAX)) errors.add(messages.tooLong('Tag list', STRING_MAX));
    changes.tags = tags;
  }
  if (isPlainObject(attrs.address_attributes)) {
    const input = attrs.address_attributes;
    for (const [key, label, max] of ADDRESS_FIELDS) if (has(input, key)) boundedText(input[key], label, max, errors);
    changes.address = mergeAddress(existing?.address ?? null, input);
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
