import { cloneJson, type JsonObject } from '../json.js';
import { AFTER_CREATE_HOOKS, CREATE_HOOKS } from '../rules/create-hooks.js';
import { PLACEMENT_SCOPES, placeRecord, positionArg } from '../rules/placement.js';
import { checkReferences } from '../rules/references.js';
import { checkTextLengths } from '../rules/text-limits.js';
import type { Tx } from '../store/tx.js';
import { assertOperation, auditFields, bodyObject, clientFields } from './common.js';

/**
 * `POST /{resource}`: creates a record with a new `_id` and the audit fields (`createdAt`, `updatedAt`,
 * `createdBy`, `businessId`); client-sent values of those are ignored. References must exist, resource rules run
 * (derived relations, computed totals, auto-created blocks), and positioned records go to the end of their parent
 * or to the requested `position`.
 * @see docs/sources.md#plutio-writes, docs/sources.md#plutio-ids.
 * @throws PlutioError 403 when the resource has no create; 400 for an invalid body or reference, or a string longer
 *   than `PLUTIO_TEXT_MAX`.
 */
export function createRecord(tx: Tx, collection: string, input: unknown): JsonObject {
  assertOperation(collection, 'create');
  const body = bodyObject(input);
  const fields = cloneJson(clientFields(body));
  checkTextLengths(fields);
  let record: JsonObject = { _id: tx.newId(), ...fields, ...auditFields(tx) };
  checkReferences(tx, collection, fields, record);
  record = CREATE_HOOKS[collection]?.(tx, record, body) ?? record;
  if (collection in PLACEMENT_SCOPES) record = placeRecord(tx, collection, record, positionArg(body));
  else tx.put(collection, record);
  const after = AFTER_CREATE_HOOKS[collection];
  if (after) {
    record = after(tx, record);
    tx.put(collection, record);
  }
  return record;
}
