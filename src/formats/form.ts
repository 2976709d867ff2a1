/**
 * Rails/Rack-style decoding of form bodies into nested params: `contact[first_name]=x` → `{contact: {first_name:
 * 'x'}}`, `a[]=1&a[]=2` → `{a: ['1', '2']}`, `c[][id]=1&c[][value]=v&c[][id]=2` → `{c: [{id: '1', value: 'v'},
 * {id: '2'}]}` (a new hash starts when a key repeats).
 *
 * @see rack lib/rack/query_parser.rb normalize_params (Rack 2.2, used by Redmine 5 / Rails 6.1)
 */
import { FORM_DEFAULTS, FormFormatError, type FormLimits, nestParams } from './form-params.js';

export { FORM_DEFAULTS, FormFormatError, type FormLimits, nestParams } from './form-params.js';
export { boundaryOf, parseMultipartForm } from './multipart.js';

const PLUS = /\+/g;

/**
 * Decodes an `application/x-www-form-urlencoded` body (`+` is a space, then percent-decoding). A field without
 * `=` has the value null, as in Rack. Keys naming `__proto__`, `constructor` or `prototype` are dropped.
 */
export function parseForm(body: string, limits?: FormLimits): Record<string, unknown> {
  const lim = limits ? { ...FORM_DEFAULTS, ...limits } : FORM_DEFAULTS;
  if (body.length > lim.maxLength) throw new FormFormatError(`form body longer than ${lim.maxLength} characters`);
  const pairs: [string, string | null][] = [];
  for (const part of body.split('&')) {
    if (part === '') continue;
    if (pairs.length >= lim.maxFields) throw new FormFormatError(`form has more than ${lim.maxFields} fields`);
    const eq = part.indexOf('=');
    const key = decodeComponent(eq === -1 ? part : part.slice(0, eq));
    pairs.push([key, eq === -1 ? null : decodeComponent(part.slice(eq + 1))]);
  }
  return nestParams(pairs, lim);
}

function decodeComponent(text: string): string {
  const plain = text.includes('+') ? text.replace(PLUS, ' ') : text;
  if (!plain.includes('%')) return plain;
  try {
    return decodeURIComponent(plain);
  } catch {
    throw new FormFormatError(`invalid percent-encoding in form field "${text.slice(0, 80)}"`);
  }
}
