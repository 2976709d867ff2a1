import { badRequest } from '../errors.js';
import type { JsonObject } from '../json.js';
import type { Tx } from '../store/tx.js';

/**
 * Ties a time track to its task's project: with a `taskId` the `projectId` is the task's project (filled in when
 * missing; a different one given in `given` is a 400).
 * @see docs/sources.md#plutio-time-tracks — `projectId` must be the task's own project.
 */
export function linkTimeTrackToTask(tx: Tx, record: JsonObject, given: JsonObject): JsonObject {
  if (typeof record.taskId !== 'string') return record;
  const task = tx.get('tasks', record.taskId);
  if (!task) return record;
  const projectId = task.projectId ?? null;
  if (given.projectId != null && given.projectId !== projectId) {
    throw badRequest("projectId must be the project of the time track's task.", 'invalid_reference');
  }
  return { ...record, projectId };
}
