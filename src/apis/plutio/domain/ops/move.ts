import type { JsonObject } from '../json.js';
import type { CollectionName } from '../resources.js';
import { checkWikiParent } from '../rules/create-hooks.js';
import { checkNoCycle, deriveGroupParents, deriveTaskParents } from '../rules/hierarchy.js';
import { positionArg, sameScope } from '../rules/placement.js';
import { checkReferences } from '../rules/references.js';
import { AFTER_UPDATE_HOOKS } from '../rules/update-hooks.js';
import type { Tx } from '../store/tx.js';
import { assertOperation, bodyObject, requireId } from './common.js';
import { relocate } from './update.js';

/** Parent fields a move body may change, per movable collection. */
export const MOVE_FIELDS: Partial<Record<CollectionName, readonly string[]>> = {
  tasks: ['taskGroupId', 'taskBoardId', 'projectId'],
  'task-groups': ['taskBoardId', 'projectId'],
  'task-boards': ['projectId'],
  projects: [],
  statuses: [],
  files: ['folderId'],
  'file-folders': ['parentFolderId'],
  'wiki-entities': ['parentId'],
};

function checkTree(tx: Tx, collection: CollectionName, next: JsonObject, patch: JsonObject): JsonObject {
  switch (collection) {
    case 'tasks':
      return Object.keys(patch).length ? deriveTaskParents(tx, next, patch) : next;
    case 'task-groups':
      return Object.keys(patch).length ? deriveGroupParents(tx, next, patch) : next;
    case 'file-folders':
      checkNoCycle(tx, 'file-folders', 'parentFolderId', next);
      return next;
    case 'wiki-entities':
      checkWikiParent(tx, next);
      checkNoCycle(tx, 'wiki-entities', 'parentId', next);
      return next;
    default:
      return next;
  }
}

/**
 * `POST /{resource}/move` with `{_id, <parent field>?, position?}`: changes the parent (`taskGroupId` — which also
 * sets the task's board and project —, `taskBoardId`, `projectId`, `folderId`, `parentFolderId`, `parentId`) and the
 * 0-based position (`position`, or `index`; the end when omitted on a parent change). Siblings in the old and new
 * parent are renumbered 0..n-1; a moved group's tasks and a moved board's groups and tasks follow.
 * @see docs/sources.md#plutio-move-copy — task-groups and wiki-entities moves, checked live.
 * @throws PlutioError 400 without `_id`, for an unknown parent or a cycle; 404 for an unknown `_id`; 403 when the
 *   resource cannot be moved.
 */
export function moveRecord(tx: Tx, collection: string, input: unknown): JsonObject {
  assertOperation(collection, 'move');
  const body = bodyObject(input);
  const prev = tx.require(collection, requireId(body));
  const patch: JsonObject = {};
  for (const field of MOVE_FIELDS[collection] ?? []) if (field in body) patch[field] = body[field];
  let next: JsonObject = { ...prev, ...patch, updatedAt: tx.now };
  checkReferences(tx, collection, patch, next);
  next = checkTree(tx, collection, next, patch);
  const keep = sameScope(collection, prev, next) && typeof prev.position === 'number' ? prev.position : undefined;
  next = relocate(tx, collection, prev, next, positionArg(body) ?? keep);
  AFTER_UPDATE_HOOKS[collection]?.(tx, next);
  return next;
}
