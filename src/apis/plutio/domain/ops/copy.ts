import { cloneJson, type JsonObject } from '../json.js';
import type { CollectionName } from '../resources.js';
import { deriveGroupParents, deriveTaskParents } from '../rules/hierarchy.js';
import { placeRecord, positionArg } from '../rules/placement.js';
import { checkReferences } from '../rules/references.js';
import type { Tx } from '../store/tx.js';
import { assertOperation, auditFields, bodyObject, requireId } from './common.js';

type Node = [CollectionName, JsonObject];

/** Target parent fields a copy body may set, per copyable collection. */
const COPY_TARGET: Partial<Record<CollectionName, readonly string[]>> = {
  tasks: ['taskGroupId'],
  'task-groups': ['taskBoardId'],
  'task-boards': ['projectId'],
  projects: [],
  forms: [],
};

/** What a copy takes along: a project its boards, groups and tasks; a board its groups and tasks; … */
function contents(tx: Tx, collection: CollectionName, id: string): Node[] {
  const pick = (coll: CollectionName, key: string) => tx.where(coll, (r) => r[key] === id).map((r): Node => [coll, r]);
  switch (collection) {
    case 'projects':
      return [...pick('task-boards', 'projectId'), ...pick('task-groups', 'projectId'), ...pick('tasks', 'projectId')];
    case 'task-boards':
      return [...pick('task-groups', 'taskBoardId'), ...pick('tasks', 'taskBoardId')];
    case 'task-groups':
      return pick('tasks', 'taskGroupId');
    case 'forms':
      return tx.where('blocks', (b) => b.entityType === 'form' && b.entityId === id).map((b): Node => ['blocks', b]);
    default:
      return [];
  }
}

const REMAPPED = ['projectId', 'taskBoardId', 'taskGroupId', 'parentTaskId', 'entityId'];

/**
 * `POST /{resource}/copy` with `{_id, <target parent>?, position?}`: copies a project (with its boards, groups and
 * tasks), a task board (groups, tasks), a task group (tasks), a task, or a form (with its blocks). Copies get new
 * ids and audit fields; titles stay the same; relations inside the copied tree point at the copies; the copy goes to
 * the end of the target parent (the source's parent unless `taskGroupId`/`taskBoardId`/`projectId` is given) or to
 * `position`; copied tasks get new task numbers.
 * @see docs/sources.md#plutio-move-copy — `POST /task-groups/copy {_id, taskBoardId, position}`, checked live.
 * @throws PlutioError 400 without `_id` or for an unknown target, 404 for an unknown `_id`, 403 when the resource
 *   cannot be copied.
 */
export function copyRecord(tx: Tx, collection: string, input: unknown): JsonObject {
  assertOperation(collection, 'copy');
  const body = bodyObject(input);
  const source = tx.require(collection, requireId(body));
  const target: JsonObject = {};
  for (const field of COPY_TARGET[collection] ?? []) if (body[field] != null) target[field] = body[field];
  checkReferences(tx, collection, target, target);

  const nodes = contents(tx, collection, source._id as string);
  const ids = new Map<string, string>([[source._id as string, tx.newId()]]);
  for (const [, r] of nodes) ids.set(r._id as string, tx.newId());
  const fresh = ([coll, r]: Node, extra: JsonObject): JsonObject => {
    const copy: JsonObject = { ...cloneJson(r), ...auditFields(tx), _id: ids.get(r._id as string) };
    for (const key of REMAPPED)
      if (typeof copy[key] === 'string') copy[key] = ids.get(copy[key] as string) ?? copy[key];
    if (coll === 'tasks') copy.taskId = tx.nextCounter('tasks');
    return { ...copy, ...extra };
  };

  let root = fresh([collection, source], target);
  if (collection === 'tasks') root = deriveTaskParents(tx, root, target);
  if (collection === 'task-groups') root = deriveGroupParents(tx, root, target);
  root =
    collection in COPY_TARGET && collection !== 'forms' ? placeRecord(tx, collection, root, positionArg(body)) : root;
  tx.put(collection, root);
  for (const node of nodes) {
    let copy = fresh(node, {});
    if (node[0] === 'task-groups') copy = deriveGroupParents(tx, copy, {});
    if (node[0] === 'tasks') copy = deriveTaskParents(tx, copy, {});
    tx.put(node[0], copy);
  }
  return root;
}
