/**
 * The response and request shapes of `openapi/redmineup`, as generated into `src/generated/redmineup.ts`: views
 * build these types, so renaming or retyping a field in the document breaks the view that renders it. Input readers
 * read the request shapes.
 */
import type { components } from '../../generated/redmineup.js';

type S = components['schemas'];

export type IdName = S['IdName'];
export type ContactJson = S['Contact'];
export type ContactXml = S['ContactXml'];
export type ContactAddress = S['ContactAddress'];
export type ContactIssue = S['ContactIssue'];
export type ContactTag = S['ContactTag'];
export type CustomFieldValue = S['CustomFieldValue'];
export type DealJson = S['Deal'];
export type DealSummary = S['DealSummary'];
export type DealStatus = S['DealStatus'];
export type NoteJson = S['Note'];
export type NoteSummary = S['NoteSummary'];
export type ContactInput = S['ContactInput'];
export type DealInput = S['DealInput'];
export type NoteInput = S['NoteInput'];

/** The list meta of a paged list (`total_count`, `offset`, `limit`), left out with `nometa`. */
export interface ListMeta {
  total_count?: number;
  offset?: number;
  limit?: number;
}

/**
 * Removes the keys whose value is undefined, so that a view can list every key of a response in the document's
 * order and leave out the optional ones it has no value for (as the plugin's views do). Returns `object` itself.
 */
export function withoutUndefined<T extends object>(object: T): T {
  for (const [key, value] of Object.entries(object)) if (value === undefined) Reflect.deleteProperty(object, key);
  return object;
}
