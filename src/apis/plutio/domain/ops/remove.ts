import { isPlainObject, type JsonObject } from '../json.js';
import { type CollectionName, resourceDef } from '../resources.js';
import { detachBlock } from '../rules/blocks.js';
import { syncDashboardPage } from '../rules/dashboards.js';
import { compactScope, PLACEMENT_SCOPES } from '../rules/placement.js';
import type { Tx } from '../store/tx.js';
import { cascadeOf, type Located } from './cascade.js';
import { assertOperation, auditFields, requireId } from './common.js';

/** The display title of a record, for its trash entry (a person's "first last"). */
export function recordTitle(collection: CollectionName, record: JsonObject): string {
  const value = record[resourceDef(collection).titleField] ?? record.title;
  if (isPlainObject(value)) return [value.first, value.last].filter((p) => typeof p === 'string' && p).join(' ');
  return typeof value === 'string' ? value : '';
}

function entityTypeOf(collection: CollectionName, record: JsonObject): string {
  if (collection === 'wiki-entities') return record.type === 'category' ? 'wiki-category' : 'wiki-page';
  return resourceDef(collection).entityType;
}

function trashEntry(tx: Tx, collection: CollectionName, record: JsonObject, related: Located[]): JsonObject {
  return {
    _id: tx.newId(),
    entityType: entityTypeOf(collection, record),
    entityId: record._id,
    title: recordTitle(collection, record),
    deletedAt: tx.now,
    deletedBy: tx.actorId,
    data: record,
    children: related.map(([coll, r]) => ({ entityType: entityTypeOf(coll, r), data: r })),
    ...auditFields(tx),
  };
}

/**
 * `DELETE /{resource}` with `{_id}`. The record and what goes with it ({@link cascadeOf}) leave their collections;
 * for content records (projects, tasks, people, invoices, wiki, files, …: `trash: true` in the catalogue) one
 * trash-bin entry `{_id, entityType, entityId, title, deletedAt, deletedBy, data, children}` keeps them. Siblings
 * are renumbered; parents' `blocks`/`pages` lists drop the id. On `trash-bin` the entry is purged for good.
 * Returns the removed record (or purged entry).
 * @see docs/sources.md#plutio-writes (delete with `_id` in the body), docs/sources.md#plutio-trash-bin.
 * @throws PlutioError 400 without `_id`, 404 for an unknown `_id`, 403 when the resource has no delete.
 */
export function removeRecord(tx: Tx, collection: string, input: unknown): JsonObject {
  assertOperation(collection, 'delete');
  const record = tx.require(collection, requireId(input));
  const related = cascadeOf(tx, collection, record);
  for (const [coll, r] of [[collection, record] as Located, ...related]) tx.delete(coll, r._id as string);
  for (const [coll, r] of [[collection, record] as Located, ...related]) {
    if (coll in PLACEMENT_SCOPES) compactScope(tx, coll, r);
  }
  if (collection === 'blocks') detachBlock(tx, record);
  if (collection === 'dashboard-pages') syncDashboardPage(tx, record, 'remove');
  if (resourceDef(collection).trash) tx.put('trash-bin', trashEntry(tx, collection, record, related));
  return record;
}
