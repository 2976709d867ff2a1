import type { components } from '../../generated/planio.js';
import {
  applyCustomFieldInput,
  has,
  messages,
  type RedminePrincipal,
  readCustomFieldInput,
  ValidationErrors,
} from '../../redmine-family/index.js';
import type { LooseBody } from '../../server/typed-handlers.js';
import type { Contact } from './access.js';
import { readVisibleCustomFields } from './custom-input.js';
import { blank, readMails, readPhones, readString, STRING_MAX } from './input-lists.js';
import { CONTACT_FIELD_TYPE, type ContactRecord } from './records.js';
import type { PlanioState } from './state.js';

/** Contact attributes a create or update sets, after validation. */
export type ContactChanges = Partial<Omit<ContactRecord, 'id' | 'company_id' | 'created_on' | 'updated_on'>>;

/** The attributes of a contact create or update body as the handler gets them (any of them may be missing). */
export type ContactAttributes = LooseBody<components['schemas']['ContactInput']>;

/**
 * Validates the attributes of a contact create (`existing` undefined) or update. Attributes left out keep their
 * value on update; `mails` and `phones` replace the stored lists; `gender` null (`<gender/>`) unsets it. Problems
 * come in this order: `First name cannot be blank`, lengths, `Mails is invalid`, `Phones is invalid`, then custom
 * field messages. Throws a VALIDATION ApiError; returns the changes otherwise.
 */
export function validateContact(
  state: PlanioState,
  principal: RedminePrincipal,
  attrs: ContactAttributes,
  existing: Contact | undefined,
): ContactChanges {
  const errors = new ValidationErrors();
  const changes: ContactChanges = {};
  if (has(attrs, 'firstname') || !existing) {
    if (blank(attrs.firstname)) errors.add(messages.blank('First name'));
    else if (String(attrs.firstname).length > STRING_MAX) errors.add(messages.tooLong('First name', STRING_MAX));
    changes.firstname = blank(attrs.firstname) ? '' : String(attrs.firstname);
  }
  if (has(attrs, 'lastname')) changes.lastname = readString(attrs.lastname, 'Last name', errors);
  if (has(attrs, 'gender')) changes.gender = readGender(attrs.gender, errors);
  if (has(attrs, 'mails')) changes.mails = readMails(attrs.mails, errors);
  if (has(attrs, 'phones')) changes.phones = readPhones(attrs.phones, errors);
  const input = readVisibleCustomFields(state, principal, CONTACT_FIELD_TYPE, readCustomFieldInput(attrs));
  changes.custom_values = applyCustomFieldInput(state, CONTACT_FIELD_TYPE, existing?.custom_values, input, errors);
  errors.throwIfAny();
  return changes;
}

/** Rails' boolean cast: true/false, '1'/'0', 'true'/'false'; blank is null; anything else is invalid. */
function readGender(raw: unknown, errors: ValidationErrors): boolean | null {
  if (typeof raw === 'boolean') return raw;
  if (blank(raw)) return null;
  const text = String(raw).trim().toLowerCase();
  if (['1', 'true', 't', 'on'].includes(text)) return true;
  if (['0', 'false', 'f', 'off'].includes(text)) return false;
  errors.add(messages.invalid('Gender'));
  return null;
}
