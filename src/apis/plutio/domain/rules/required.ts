import { badRequest } from '../errors.js';
import type { JsonObject } from '../json.js';

/**
 * Checks that a create body has the given fields (not missing, null or empty string).
 * @throws PlutioError 400 `<field> is required.` for the first one missing.
 */
export function requireFields(input: JsonObject, fields: readonly string[]): void {
  for (const field of fields) {
    const value = input[field];
    if (value === undefined || value === null || value === '') throw badRequest(`${field} is required.`);
  }
}
