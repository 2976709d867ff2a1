import type { JsonObject } from '../json.js';
import { type FieldsOf, type RecordOf, schemaTyped } from '../records.js';
import type { CollectionName } from '../resources.js';
import type { Tx } from '../store/tx.js';
import { checkWikiParent } from './create-hooks.js';
import { syncDashboardPage } from './dashboards.js';
import { checkNoCycle, deriveGroupParents, deriveTaskParents, propagateParents } from './hierarchy.js';
import { computeInvoiceTotals } from './invoices.js';
import { nameSortKey } from './people.js';
import { linkTimeTrackToTask } from './time-track-links.js';
import { deriveTimeTrack } from './time-tracks.js';

/** Completes an updated record (`next` = previous merged with `patch`) before it is staged. */
export type UpdateHook = (tx: Tx, next: JsonObject, prev: JsonObject, patch: JsonObject) => JsonObject;
/** Runs after the updated record is staged. */
export type AfterUpdateHook = (tx: Tx, record: JsonObject) => void;

const touches = (patch: JsonObject, ...keys: string[]) => keys.some((k) => k in patch);

/** Fields of a task or task group that name where it sits. */
const TASK_PARENTS: (keyof FieldsOf<'tasks'>)[] = ['taskGroupId', 'taskBoardId', 'projectId'];
const GROUP_PARENTS: (keyof FieldsOf<'task-groups'>)[] = ['taskBoardId', 'projectId'];

/**
 * An update hook that reads the updated and the previous record in their collection's schema type (see
 * `schemaTyped`: both are stored records merged with a validated patch).
 */
function typed<C extends CollectionName>(
  collection: C,
  hook: (tx: Tx, next: RecordOf<C>, prev: RecordOf<C>, patch: JsonObject) => JsonObject,
): UpdateHook {
  return (tx, next, prev, patch) => hook(tx, schemaTyped(collection, next), schemaTyped(collection, prev), patch);
}

/**
 * Per-collection update rules. Invoice and invoice-subscription `status` writes are ignored (the call still
 * succeeds), as observed on the live API.
 * @see docs/sources.md#plutio-writes — some field writes are accepted and ignored; docs/sources.md#plutio-invoices.
 */
export const UPDATE_HOOKS: Partial<Record<CollectionName, UpdateHook>> = {
  tasks: (tx, next, _prev, patch) => (touches(patch, ...TASK_PARENTS) ? deriveTaskParents(tx, next, patch) : next),
  'task-groups': (tx, next, _prev, patch) =>
    touches(patch, ...GROUP_PARENTS) ? deriveGroupParents(tx, next, patch) : next,
  invoices: (tx, next, prev, patch) => {
    const out = { ...next, status: prev.status };
    return touches(patch, 'items') ? { ...out, ...computeInvoiceTotals(next.items, () => tx.newId()) } : out;
  },
  'invoice-subscriptions': (_tx, next, prev) => ({ ...next, status: prev.status }),
  'time-tracks': (tx, next, _prev, patch) => deriveTimeTrack(linkTimeTrackToTask(tx, next, patch)),
  people: typed('people', (_tx, next) => {
    const key = nameSortKey(next.name);
    return key === undefined ? next : { ...next, nameSortKey: key };
  }),
  'wiki-entities': (tx, next, _prev, patch) => {
    if (touches(patch, 'parentId', 'wikiId')) {
      checkWikiParent(tx, next);
      checkNoCycle(tx, 'wiki-entities', 'parentId', next);
    }
    return next;
  },
  'file-folders': (tx, next, _prev, patch) => {
    if (touches(patch, 'parentFolderId')) checkNoCycle(tx, 'file-folders', 'parentFolderId', next);
    return next;
  },
};

/** Per-collection follow-ups of an update. */
export const AFTER_UPDATE_HOOKS: Partial<Record<CollectionName, AfterUpdateHook>> = {
  'task-groups': (tx, r) => propagateParents(tx, 'task-groups', r),
  'task-boards': (tx, r) => propagateParents(tx, 'task-boards', r),
  'dashboard-pages': (tx, r) => syncDashboardPage(tx, r, 'rename'),
};
