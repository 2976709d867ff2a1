/** Redmine's e-mail address format (`EmailAddress` validation). */
const REDMINE_MAIL = /^([^@\s]+)@((?:[-a-z0-9]+\.)+[a-z]{2,})$/i;

/**
 * The `email` format the document's response schemas are checked with (ajv-formats, full mode). An address must
 * pass both, so that every stored address renders as a valid `format: email`.
 */
const SCHEMA_MAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** True for an e-mail address Planio accepts. */
export function isValidMail(address: string): boolean {
  return address.length <= 254 && REDMINE_MAIL.test(address) && SCHEMA_MAIL.test(address);
}

const SPELLED: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', ø: 'o', æ: 'ae', å: 'a', ł: 'l' };

/** The local part of a generated address: `Jürgen.Schäfer` → `juergen.schaefer`. */
export function mailLocalPart(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüßøæåł]/g, (c) => SPELLED[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9.-]+/g, '');
}
