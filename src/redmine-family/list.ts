import type { RawQuery } from '../server/query.js';
import { queryString } from '../server/query.js';
import type { Page } from './paging.js';

/** What nometa detection needs from a request. */
export interface NometaSource {
  rawQuery: RawQuery;
  headers: Record<string, string | string[] | undefined>;
}

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
export function pagedListBody<T>(key: string, page: Page<T>, req: NometaSource): Record<string, unknown> {
  if (wantsNometa(req)) return { [key]: page.items };
  return { [key]: page.items, total_count: page.total_count, offset: page.offset, limit: page.limit };
}

/** The body of a list Redmine does not page (enumerations, custom fields): only the array key. */
export function listBody<T>(key: string, items: readonly T[]): Record<string, unknown> {
  return { [key]: items };
}
