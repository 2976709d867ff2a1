import { badRequest, invalidReference } from '../errors.js';
import type { JsonObject } from '../json.js';
import type { Tx } from '../store/tx.js';

function mismatch(field: string, parent: string): never {
  throw badRequest(`${field} does not match the ${parent} the record is placed in.`, 'invalid_reference');
}

function lookup(tx: Tx, field: string, id: unknown, collection: 'task-groups' | 'task-boards'): JsonObject {
  const record = typeof id === 'string' ? tx.get(collection, id) : undefined;
  if (!record) throw invalidReference(field, id, collection);
  return record;
}

/**
 * Fills a task's board and project from its task group (or its project from its board), as the real API does for a
 * task created with only `taskGroupId`. A board or project given alongside that disagrees is a 400.
 * @see docs/sources.md#plutio-tasks — Plutio's Zapier app creates tasks with `{taskGroupId, title}` only.
 */
export function deriveTaskParents(tx: Tx, task: JsonObject, given: JsonObject): JsonObject {
  if (task.taskGroupId != null) {
    const group = lookup(tx, 'taskGroupId', task.taskGroupId, 'task-groups');
    if (given.taskBoardId != null && given.taskBoardId !== group.taskBoardId) mismatch('taskBoardId', 'task group');
    if (given.projectId != null && given.projectId !== group.projectId) mismatch('projectId', 'task group');
    return { ...task, taskBoardId: group.taskBoardId ?? null, projectId: group.projectId ?? null };
  }
  if (task.taskBoardId != null) {
    const board = lookup(tx, 'taskBoardId', task.taskBoardId, 'task-boards');
    if (given.projectId != null && given.projectId !== board.projectId) mismatch('projectId', 'task board');
    return { ...task, projectId: board.projectId ?? null };
  }
  return task;
}

/** Fills a task group's project from its board. */
export function deriveGroupParents(tx: Tx, group: JsonObject, given: JsonObject): JsonObject {
  const board = lookup(tx, 'taskBoardId', group.taskBoardId, 'task-boards');
  if (given.projectId != null && given.projectId !== board.projectId) mismatch('projectId', 'task board');
  return { ...group, projectId: board.projectId ?? null };
}

/**
 * After a task group or board changed parent, brings the relation fields of what it holds along: the tasks of a
 * group get its board and project; the groups and tasks of a board get its project.
 */
export function propagateParents(tx: Tx, collection: string, record: JsonObject): void {
  const update = (coll: 'tasks' | 'task-groups', key: string, fields: JsonObject) => {
    for (const child of tx.where(coll, (r) => r[key] === record._id)) {
      const changed = Object.keys(fields).some((k) => child[k] !== fields[k]);
      if (changed) tx.put(coll, { ...child, ...fields, updatedAt: tx.now });
    }
  };
  if (collection === 'task-groups') {
    update('tasks', 'taskGroupId', { taskBoardId: record.taskBoardId ?? null, projectId: record.projectId ?? null });
  } else if (collection === 'task-boards') {
    update('task-groups', 'taskBoardId', { projectId: record.projectId ?? null });
    update('tasks', 'taskBoardId', { projectId: record.projectId ?? null });
  }
}

/** Whether `candidateId` is `id` itself or lies below it in a tree linked by `parentKey` (cycle check for moves). */
export function isSelfOrDescendant(
  tx: Tx,
  collection: 'file-folders' | 'wiki-entities',
  parentKey: string,
  id: string,
  candidateId: unknown,
): boolean {
  let current = typeof candidateId === 'string' ? tx.get(collection, candidateId) : undefined;
  for (let hops = 0; current && hops < 1000; hops++) {
    if (current._id === id) return true;
    const parent = current[parentKey];
    current = typeof parent === 'string' ? tx.get(collection, parent) : undefined;
  }
  return false;
}

/**
 * Refuses to place a folder or wiki entity under itself or one of its descendants.
 * @throws PlutioError 400.
 */
export function checkNoCycle(
  tx: Tx,
  collection: 'file-folders' | 'wiki-entities',
  parentKey: 'parentFolderId' | 'parentId',
  record: JsonObject,
): void {
  if (isSelfOrDescendant(tx, collection, parentKey, record._id as string, record[parentKey])) {
    throw badRequest(
      `A ${collection === 'file-folders' ? 'folder' : 'wiki entity'} cannot be placed under itself or one of its descendants.`,
    );
  }
}
