/**
 * Lenient readers for attribute values that arrive typed (JSON), coerced (XML) or as strings (HTML forms), the way
 * Rails' attribute type casting reads them.
 */

/** A text attribute: null stays null, anything else becomes its string form. */
export function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** True for a missing, null or whitespace-only value. */
export function blank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Rails' boolean cast: `true`, `"true"`, `"1"`, `1` (and other non-false values) are true; blank is false. */
export function bool(value: unknown): boolean {
  if (blank(value)) return false;
  return !['false', '0', 'f', 'off', 'no'].includes(String(value).trim().toLowerCase());
}

/** An optional integer reference: blank is null, an integer (or integer string) a number, anything else NaN. */
export function optionalId(value: unknown): number | null {
  if (blank(value)) return null;
  const s = String(value).trim();
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

/** An optional integer: blank is null, an integer (or integer string) a number, anything else NaN. */
export function optionalInt(value: unknown): number | null {
  if (blank(value)) return null;
  const s = String(value).trim();
  return /^[+-]?\d+$/.test(s) ? Number(s) : Number.NaN;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** An optional date: blank is null, a valid `YYYY-MM-DD` is kept, anything else is undefined (invalid). */
export function optionalDate(value: unknown): string | null | undefined {
  if (blank(value)) return null;
  const s = String(value).trim();
  return isIsoDate(s) ? s : undefined;
}

/** A list given as a comma-separated string or an array (of names or comma-separated strings): trimmed, no blanks. */
export function commaList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items
    .flatMap((v) => (text(v) ?? '').split(','))
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Longest value of a string column (`varchar(255)`): 255 characters. */
export const STRING_MAX = 255;

/**
 * Longest value of a text column: 65,535 characters, the size of MySQL's `TEXT` (the usual Redmine database). Rails
 * does not validate text columns itself; the mock answers what a length validation would.
 */
export const TEXT_MAX = 65_535;

/** `text(value)`, or undefined after adding `<label> is too long (maximum is <max> characters)` to `errors`. */
export function boundedText(
  value: unknown,
  label: string,
  max: number,
  errors: { add(message: string): unknown },
): string | null | undefined {
  const out = text(value);
  if (out !== null && out.length > max) {
    errors.add(`${label} is too long (maximum is ${max} characters)`);
    return undefined;
  }
  return out;
}

/** A decimal as Rails renders a `decimal(…, 2)` column: rounded to cents, at least one decimal (`"4800.0"`). */
export function decimalText(value: string): string {
  const fixed = Number(value).toFixed(2);
  return fixed.replace(/(\.\d)0$/, '$1');
}

/**
 * The attributes of a body's resource (`contact`, `deal`, `note`, `project`), or `{}` when they are missing or not
 * an object: Redmine then validates an empty record and answers with its "cannot be blank" messages.
 */
export function attributesOf<T extends object>(resource: T | null | undefined): Partial<T> {
  return resource !== null && typeof resource === 'object' && !Array.isArray(resource) ? resource : {};
}
