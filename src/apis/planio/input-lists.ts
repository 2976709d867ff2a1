import { isPlainObject, messages, type ValidationErrors } from '../../redmine-family/index.js';
import { isValidMail } from './mail.js';
import type { PhoneRecord } from './records.js';

/** Length limit of string attributes (Rails `string` columns). */
export const STRING_MAX = 255;

/** True for a missing value or a string of blanks. */
export const blank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * The e-mail addresses of a request: blank entries (a form's empty `mails[]`) are dropped, the rest trimmed and
 * de-duplicated; any malformed address adds `Mails is invalid`.
 */
export function readMails(raw: unknown, errors: ValidationErrors): string[] {
  const list = raw === null || raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const out: string[] = [];
  for (const item of list) {
    if (blank(item)) continue;
    const address = String(item).trim();
    if (!isValidMail(address)) errors.add(messages.invalid('Mails'));
    else if (!out.includes(address)) out.push(address);
  }
  return out;
}

/**
 * The phone numbers of a request: entries without a number are dropped (an empty form row), a missing kind becomes
 * `work`; an entry that is not a `{kind, value}` object adds `Phones is invalid`.
 */
export function readPhones(raw: unknown, errors: ValidationErrors): PhoneRecord[] {
  const list = raw === null || raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const out: PhoneRecord[] = [];
  for (const item of list) {
    if (!isPlainObject(item)) {
      if (!blank(item)) errors.add(messages.invalid('Phones'));
      continue;
    }
    if (blank(item.value)) continue;
    const value = String(item.value).trim();
    const kind = blank(item.kind) ? 'work' : String(item.kind).trim();
    if (value.length > STRING_MAX || kind.length > STRING_MAX) errors.add(messages.invalid('Phones'));
    else out.push({ kind, value });
  }
  return out;
}

/** A string attribute: null and '' stay as given; anything longer than 255 characters adds "is too long". */
export function readString(raw: unknown, label: string, errors: ValidationErrors): string | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw);
  if (text.length > STRING_MAX) errors.add(messages.tooLong(label, STRING_MAX));
  return text;
}
