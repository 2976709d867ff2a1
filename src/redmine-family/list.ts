import type { RawQuery } from '../server/query.js';
import { queryString } from '../server/query.js';
import type { Page } from './paging.js';

/** What nometa detection needs from a request. */
export interface NometaSource {
  rawQuery: RawQuery;
  headers: Record<string, string | string[] | undefined>;
}

/** The body of an unpaged list: the array under its resource key, e.g. `{issue_priorities: [...]}`. */
export type ListBody<K extends string, T> = { [P in K]: T[] };

/** The body of a paged list: the array plus the meta fields, which nometa leaves out. */
export type PagedListBody<K extends string, T> = ListBody<K, T> & {
  total_count?: number;
  offset?: number;
  limit?: number;
};

/**
 * True when list meta must be left out: a non-blank `nometa` parameter or an `X-Redmine-Nometa` header (any value).
 * @see redmine ApplicationHelper#api_meta
 */
export function wantsNometa(req: NometaSource): boolean {
  const param = queryString(req.rawQuery, 'nometa');
  return (param !== undefined && param.trim() !== '') || req.headers['x-redmine-nometa'] !== undefined;
}

/**
 * The JSON body of a paged list: `{<key>: [...], total_count, offset, limit}`, or only the array with nometa. The
 * XML rendering comes from the same value (meta as root attributes, see the `<Thing>ListXml` schemas).
 */
export function pagedListBody<K extends string, T>(key: K, page: Page<T>, req: NometaSource): PagedListBody<K, T> {
  const list = listBody(key, page.items);
  if (wantsNometa(req)) return list;
  return { ...list, total_count: page.total_count, offset: page.offset, limit: page.limit };
}

/** The body of a list Redmine does not page (enumerations, custom fields): only the array key. */
export function listBody<K extends string, T>(key: K, items: T[]): ListBody<K, T> {
  // A computed key types as an index signature; the object has exactly the one key `key`.
  return { [key]: items } as ListBody<K, T>;
}
