import { invalidReference } from '../errors.js';
import { isPlainObject, type JsonObject } from '../json.js';
import { type CollectionName, collectionForEntityType } from '../resources.js';
import type { Tx } from '../store/tx.js';

/** Fields that hold the `_id` of a record in another collection. */
export const REFERENCE_FIELDS: Readonly<Record<string, CollectionName>> = {
  projectId: 'projects',
  taskBoardId: 'task-boards',
  taskGroupId: 'task-groups',
  taskId: 'tasks',
  parentTaskId: 'tasks',
  personId: 'people',
  categoryId: 'categories',
  statusId: 'statuses',
  folderId: 'file-folders',
  parentFolderId: 'file-folders',
  wikiId: 'wiki',
  dashboardId: 'dashboards',
  formId: 'forms',
  mainInvoiceId: 'invoices',
};

/** A reference field that means something else in one collection (a task's `taskId` is its number). */
const NOT_A_REFERENCE: Partial<Record<CollectionName, readonly string[]>> = { tasks: ['taskId'] };

/**
 * Checks that the references among `fields` (a create body or an update patch) point at existing records:
 * the `*Id` fields of {@link REFERENCE_FIELDS}, an `entityType` + `entityId` pair whose type has a collection, and
 * `client: {_id, entityType: person|company}`. `null` clears a reference and is accepted.
 * @throws PlutioError 400 naming the field and the id.
 */
export function checkReferences(tx: Tx, collection: CollectionName, fields: JsonObject, record: JsonObject): void {
  for (const [field, target] of Object.entries(REFERENCE_FIELDS)) {
    if (!(field in fields) || NOT_A_REFERENCE[collection]?.includes(field)) continue;
    const id = record[field];
    if (id === null || id === undefined) continue;
    if (typeof id !== 'string' || !tx.get(target, id)) throw invalidReference(field, id, target);
  }
  if ('entityId' in fields || 'entityType' in fields) checkEntity(tx, record);
  if ('client' in fields && isPlainObject(record.client)) checkClient(tx, record.client);
}

function checkEntity(tx: Tx, record: JsonObject): void {
  const target = collectionForEntityType(record.entityType);
  const id = record.entityId;
  if (!target || id === undefined || id === null) return;
  if (typeof id !== 'string' || !tx.get(target, id)) throw invalidReference('entityId', id, target);
}

function checkClient(tx: Tx, client: JsonObject): void {
  const target = client.entityType === 'company' ? 'companies' : client.entityType === 'person' ? 'people' : undefined;
  if (!target) return;
  if (typeof client._id !== 'string' || !tx.get(target, client._id))
    throw invalidReference('client._id', client._id, target);
}
