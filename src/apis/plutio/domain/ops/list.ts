import { badRequest } from '../errors.js';
import { cloneJson, type JsonObject } from '../json.js';
import { parseListQuery, type QueryParams } from '../query.js';
import type { WorkspaceData } from '../store/state.js';
import { assertOperation } from './common.js';

/**
 * Comments cannot be listed wholesale: the real API wants `_id`, or `entityType` and `entityId`.
 * @see shared/research/plutio-api.md §3.17 (C-live, T1 v0.2.0); the status of the refusal is not recorded, 400 is
 *   assumed.
 */
function checkCommentScope(filters: Record<string, string[]>): void {
  if (filters._id || (filters.entityType && filters.entityId)) return;
  throw badRequest('Comments can only be listed by _id or by entityType and entityId.');
}

/**
 * `GET /{resource}`: the records matching the basic filters and `q`, in insertion order, after `skip`, at most
 * `limit` (default 100, max 1000), as copies. An `_id` filter is a direct lookup. The scan stops as soon as the page
 * is full.
 * @throws PlutioError 400 for an invalid query, 403 when the resource cannot be read (roles).
 */
export function listRecords(data: WorkspaceData, collection: string, params: QueryParams = {}): JsonObject[] {
  assertOperation(collection, 'read');
  const query = parseListQuery(params);
  if (collection === 'comments') checkCommentScope(query.filters);
  const records = data.collections.get(collection) as Map<string, JsonObject>;
  const source: Iterable<JsonObject> = query.ids
    ? [...new Set(query.ids)].flatMap((id): JsonObject[] => {
        const record = records.get(id);
        return record ? [record] : [];
      })
    : records.values();
  const { predicate, limit } = query;
  let toSkip = query.skip;
  const out: JsonObject[] = [];
  for (const record of source) {
    if (predicate && !predicate(record)) continue;
    if (toSkip > 0) {
      toSkip--;
      continue;
    }
    out.push(cloneJson(record));
    if (out.length >= limit) break;
  }
  return out;
}
