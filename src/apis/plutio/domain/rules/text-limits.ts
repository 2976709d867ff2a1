import { badRequest } from '../errors.js';
import { isPlainObject } from '../json.js';

/**
 * Longest string value a Plutio write may store, anywhere in the record: 65,536 characters. Plutio documents no
 * limits; this one is generous enough for rich-text descriptions and block content and keeps one record's size in
 * proportion to the state limits (`--max-state-size`).
 */
export const PLUTIO_TEXT_MAX = 65_536;

/**
 * Checks every string of a create or update body, nested objects and arrays included.
 * @throws PlutioError 400 `<field> must be at most 65536 characters long.` naming the first one found by its dot
 *   path (`name.first`, `contactEmails[0].address`).
 */
export function checkTextLengths(value: unknown, path = ''): void {
  if (typeof value === 'string') {
    if (value.length > PLUTIO_TEXT_MAX) {
      throw badRequest(`${path || 'value'} must be at most ${PLUTIO_TEXT_MAX} characters long.`);
    }
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) checkTextLengths(item, `${path}[${i}]`);
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) checkTextLengths(item, path ? `${path}.${key}` : key);
  }
}
