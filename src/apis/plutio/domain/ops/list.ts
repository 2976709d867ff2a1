import { badRequest } from '../errors.js';
import { cloneJson, deepFreeze, type JsonObject } from '../json.js';
import { indexedCandidates } from '../query/eq-index.js';
import { type ListQuery, parseListQuery, type QueryParams } from '../query.js';
import type { WorkspaceData } from '../store/state.js';
import { assertOperation } from './common.js';

/**
 * Comments cannot be listed wholesale: the real API wants `_id`, or `entityType` and `entityId`.
 * @see docs/sources.md#plutio-comments — checked live; the status of the refusal is not recorded, 400 is assumed.
 */
function checkCommentScope(filters: Record<string, string[]>): void {
  if (filters._id || (filters.entityType && filters.entityId)) return;
  throw badRequest('Comments can only be listed by _id or by entityType and entityId.');
}

/**
 * `GET /{resource}`: the records matching the basic filters and `q`, in insertion order, after `skip`, at most
 * `limit` (default 100, max 1000). An `_id` filter is a direct lookup; equalities on fields narrow the scan through
 * indexes (see `indexedCandidates`); otherwise the scan stops as soon as the page is full. The records are copies,
 * or with `shared` the stored records themselves, deep-frozen (for callers that only serialise them).
 * @throws PlutioError 400 for an invalid query, 403 when the resource cannot be read (roles).
 */
export function listRecords(
  data: WorkspaceData,
  collection: string,
  params: QueryParams = {},
  shared = false,
): JsonObject[] {
  assertOperation(collection, 'read');
  const query = parseListQuery(params);
  if (collection === 'comments') checkCommentScope(query.filters);
  const records = data.collections.get(collection) as Map<string, JsonObject>;
  const candidates = query.ids ? byIds(records, query.ids) : query.lookups && indexedCandidates(records, query.lookups);
  const page = candidates ? pageOf(candidates, query) : pageOf(records.values(), query);
  return shared ? page.map(deepFreeze) : page.map(cloneJson);
}

function byIds(records: Map<string, JsonObject>, ids: string[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (const id of new Set(ids)) {
    const record = records.get(id);
    if (record) out.push(record);
  }
  return out;
}

/** The page of `source` the query asks for (the records themselves, not copies). */
function pageOf(source: Iterable<JsonObject>, { predicate, skip, limit }: ListQuery): JsonObject[] {
  let toSkip = skip;
  const out: JsonObject[] = [];
  for (const record of source) {
    if (predicate && !predicate(record)) continue;
    if (toSkip > 0) {
      toSkip--;
      continue;
    }
    out.push(record);
    if (out.length >= limit) break;
  }
  return out;
}
