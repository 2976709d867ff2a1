import { badRequest } from '../errors.js';
import type { JsonObject } from '../json.js';
import type { CollectionName } from '../resources.js';
import type { Tx } from '../store/tx.js';

/**
 * Collections whose records carry a `position` among siblings, and the fields that define "siblings" (the parent):
 * tasks in a task group, task groups on a board, boards in a project, statuses of one entity type, files in a
 * folder, folders in a folder, wiki entities under one parent; projects form one list.
 */
export const PLACEMENT_SCOPES: Partial<Record<CollectionName, readonly string[]>> = {
  tasks: ['taskGroupId'],
  'task-groups': ['taskBoardId'],
  'task-boards': ['projectId'],
  projects: [],
  statuses: ['entityType'],
  files: ['folderId'],
  'file-folders': ['parentFolderId'],
  'wiki-entities': ['parentId'],
};

/** Whether two records of a positioned collection are siblings (missing and null parents are the same). */
export function sameScope(collection: CollectionName, a: JsonObject, b: JsonObject): boolean {
  return (PLACEMENT_SCOPES[collection] ?? []).every((key) => (a[key] ?? null) === (b[key] ?? null));
}

/**
 * Reads the requested 0-based position of a move, copy or create: `position`, or `index` as some clients send.
 * @throws PlutioError 400 when it is not a non-negative integer.
 */
export function positionArg(input: JsonObject): number | undefined {
  const raw = input.position ?? input.index;
  if (raw === undefined || raw === null) return undefined;
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
    throw badRequest('position must be a non-negative integer.');
  return n;
}

function byPosition(a: JsonObject, b: JsonObject): number {
  const pa = typeof a.position === 'number' ? a.position : Number.POSITIVE_INFINITY;
  const pb = typeof b.position === 'number' ? b.position : Number.POSITIVE_INFINITY;
  return pa === pb ? 0 : pa < pb ? -1 : 1;
}

/** The siblings of `scope` (records sharing its parent), sorted by position, without `exceptId`. */
export function siblings(tx: Tx, collection: CollectionName, scope: JsonObject, exceptId?: string): JsonObject[] {
  return tx.where(collection, (r) => r._id !== exceptId && sameScope(collection, r, scope)).sort(byPosition);
}

/**
 * Stages `record` at `position` among its siblings (the end when not given; clamped to the end), renumbering the
 * siblings so positions run 0..n-1. Returns the staged record.
 */
export function placeRecord(tx: Tx, collection: CollectionName, record: JsonObject, position?: number): JsonObject {
  const list = siblings(tx, collection, record, record._id as string);
  const at = Math.min(position ?? list.length, list.length);
  const placed = { ...record, position: at };
  list.splice(at, 0, placed);
  renumber(tx, collection, list);
  return placed;
}

/** Renumbers the siblings of `scope` (e.g. the old parent after a move or delete) to 0..n-1. */
export function compactScope(tx: Tx, collection: CollectionName, scope: JsonObject, exceptId?: string): void {
  renumber(tx, collection, siblings(tx, collection, scope, exceptId));
}

function renumber(tx: Tx, collection: CollectionName, list: JsonObject[]): void {
  list.forEach((record, index) => {
    if (record.position === index && tx.get(collection, record._id as string) === record) return;
    tx.put(collection, record.position === index ? record : { ...record, position: index });
  });
}
