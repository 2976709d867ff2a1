import { cloneJson, deepMerge, type JsonObject } from '../json.js';
import type { CollectionName } from '../resources.js';
import { compactScope, PLACEMENT_SCOPES, placeRecord, positionArg, sameScope } from '../rules/placement.js';
import { checkReferences } from '../rules/references.js';
import { checkTextLengths } from '../rules/text-limits.js';
import { AFTER_UPDATE_HOOKS, UPDATE_HOOKS } from '../rules/update-hooks.js';
import type { Tx } from '../store/tx.js';
import { assertOperation, bodyObject, clientFields, requireId } from './common.js';

/**
 * Stages `next` (the new version of `prev`) at `position` in its parent, renumbering the new parent's children and,
 * when the parent changed, the old parent's, so positions stay 0..n-1 in both.
 */
export function relocate(tx: Tx, collection: CollectionName, prev: JsonObject, next: JsonObject, position?: number) {
  const placed = placeRecord(tx, collection, next, position);
  if (!sameScope(collection, prev, next)) compactScope(tx, collection, prev, prev._id as string);
  return placed;
}

/**
 * `PUT /{resource}` with `{_id, …fields}`: a partial update. Nested objects merge (`{name: {last}}` keeps
 * `name.first`), arrays and scalars are replaced; server fields are ignored; `updatedAt` is set. Changing a parent
 * field (e.g. a task's `taskGroupId`) moves the record to the end of its new parent.
 * @see docs/sources.md#plutio-writes — only the fields sent change; the answer is the updated record.
 * @throws PlutioError 400 without `_id` or with an invalid reference, 404 for an unknown `_id`, 403 when the
 *   resource has no update.
 */
export function updateRecord(tx: Tx, collection: string, input: unknown): JsonObject {
  assertOperation(collection, 'update');
  const body = bodyObject(input);
  const prev = tx.require(collection, requireId(body));
  const patch = cloneJson(clientFields(body));
  checkTextLengths(patch);
  let next: JsonObject = { ...deepMerge(prev, patch), updatedAt: tx.now };
  checkReferences(tx, collection, patch, next);
  next = UPDATE_HOOKS[collection]?.(tx, next, prev, patch) ?? next;
  const moved = collection in PLACEMENT_SCOPES && (!sameScope(collection, prev, next) || 'position' in patch);
  if (moved) next = relocate(tx, collection, prev, next, positionArg({ position: patch.position }));
  else tx.put(collection, next);
  AFTER_UPDATE_HOOKS[collection]?.(tx, next);
  return next;
}
