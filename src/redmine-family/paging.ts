import { queryString, type RawQuery } from '../server/query.js';

/** One page of a collection and the meta fields that describe it. */
export interface Page<T> {
  items: T[];
  total_count: number;
  offset: number;
  limit: number;
}

/** Ruby's `String#to_i`: leading blanks, an optional sign, digits (underscores allowed between digits); else 0. */
export function rubyToI(text: string | undefined): number {
  if (text === undefined) return 0;
  const match = /^\s*([+-]?\d+(?:_\d+)*)/.exec(text);
  return match ? Number.parseInt((match[1] as string).replace(/_/g, ''), 10) : 0;
}

/**
 * Offset and limit from `offset`, `limit` and `page`, exactly as Redmine's `api_offset_and_limit`: limit defaults to
 * 25, below 1 becomes 25 and above 100 becomes 100; a negative offset becomes 0; `page` is used only without
 * `offset` (`offset = (page - 1) * limit`, at least 0). Values are read with `to_i`, so `limit=abc` means 25.
 * @see redmine app/controllers/application_controller.rb api_offset_and_limit
 */
export function apiOffsetAndLimit(query: RawQuery): { offset: number; limit: number } {
  const rawOffset = queryString(query, 'offset');
  let offset: number | undefined;
  if (rawOffset !== undefined && rawOffset.trim() !== '') offset = Math.max(0, rubyToI(rawOffset));
  let limit = rubyToI(queryString(query, 'limit'));
  if (limit < 1) limit = 25;
  else if (limit > 100) limit = 100;
  const rawPage = queryString(query, 'page');
  if (offset === undefined && rawPage !== undefined && rawPage.trim() !== '') {
    offset = Math.max(0, (rubyToI(rawPage) - 1) * limit);
  }
  return { offset: offset ?? 0, limit };
}

/** Cuts one page out of an already filtered and sorted list. An offset past the end gives an empty page. */
export function paginate<T>(all: readonly T[], query: RawQuery): Page<T> {
  const { offset, limit } = apiOffsetAndLimit(query);
  return { items: all.slice(offset, offset + limit), total_count: all.length, offset, limit };
}
