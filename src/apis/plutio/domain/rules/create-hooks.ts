import { badRequest, invalidReference } from '../errors.js';
import type { JsonObject } from '../json.js';
import { type FieldsOf, type RecordOf, schemaTyped } from '../records.js';
import type { CollectionName } from '../resources.js';
import type { Tx } from '../store/tx.js';
import { attachBlock, createAutoBlocks } from './blocks.js';
import { syncDashboardPage } from './dashboards.js';
import { deriveGroupParents, deriveTaskParents } from './hierarchy.js';
import { computeInvoiceTotals, formatInvoiceNumber } from './invoices.js';
import { preparePerson } from './people.js';
import { placeRecord } from './placement.js';
import { requireFields } from './required.js';
import { linkTimeTrackToTask } from './time-track-links.js';
import { deriveTimeTrack } from './time-tracks.js';

/** Completes a new record before it is placed and staged (`input` is the create body as sent). */
export type CreateHook = (tx: Tx, record: JsonObject, input: JsonObject) => JsonObject;
/** Runs after the record is staged: creates what comes with it. Returns the record as the response shows it. */
export type AfterCreateHook = (tx: Tx, record: JsonObject) => JsonObject;

const COMMENT_PARENTS = ['conversation', 'file', 'task'];

/**
 * A create hook that reads the new record in its collection's schema type (see `schemaTyped`: the create body was
 * validated against the document), so the fields it reads and the defaults it writes are the document's.
 */
function typed<C extends CollectionName>(
  collection: C,
  hook: (tx: Tx, record: RecordOf<C>, input: JsonObject) => JsonObject,
): CreateHook {
  return (tx, record, input) => hook(tx, schemaTyped(collection, record), input);
}

function businessCurrency(tx: Tx): unknown {
  return tx.all('businesses')[0]?.currency;
}

/** Per-collection create rules (docs/sources.md#plutio-resources). Collections without an entry take any fields. */
export const CREATE_HOOKS: Partial<Record<CollectionName, CreateHook>> = {
  people: typed('people', (_tx, r) => preparePerson(r)),
  projects: typed('projects', (tx, r) => {
    const first = schemaTyped(
      'statuses',
      tx.where('statuses', (s) => s.entityType === 'project'),
    ).sort((a, b) => Number(a.position) - Number(b.position))[0];
    const defaults: FieldsOf<'projects'> = { contributors: [] };
    return { ...defaults, statusId: first?._id ?? null, ...r };
  }),
  tasks: typed('tasks', (tx, r, input) => {
    const defaults: FieldsOf<'tasks'> = { status: 'incomplete', assignedTo: [], followers: [] };
    return { ...defaults, ...deriveTaskParents(tx, r, input), taskId: tx.nextCounter('tasks') };
  }),
  'task-groups': (tx, r, input) => {
    requireFields(input, ['taskBoardId']);
    return deriveGroupParents(tx, r, input);
  },
  'time-tracks': (tx, r, input) => ({
    isManualTime: true,
    billingStatus: 'unpaid',
    ...deriveTimeTrack(linkTimeTrackToTask(tx, r, input)),
  }),
  invoices: (tx, r) => ({
    currency: businessCurrency(tx),
    amountPaid: 0,
    ...r,
    ...computeInvoiceTotals(r.items ?? [], () => tx.newId()),
    status: 'draft',
    invoiceId: typeof r.invoiceId === 'string' ? r.invoiceId : formatInvoiceNumber(tx.nextCounter('invoices')),
  }),
  'invoice-subscriptions': (tx, r) => ({ currency: businessCurrency(tx), ...r, status: 'draft' }),
  proposals: (tx, r) => ({ currency: businessCurrency(tx), status: 'draft', ...r }),
  contracts: (_tx, r) => ({ status: 'draft', ...r }),
  comments: (_tx, r, input) => {
    requireFields(input, ['entityType', 'entityId']);
    if (!COMMENT_PARENTS.includes(r.entityType as string)) {
      throw badRequest(`entityType must be one of ${COMMENT_PARENTS.join(', ')}.`);
    }
    return r;
  },
  blocks: (tx, r, input) => {
    requireFields(input, ['entityType', 'entityId']);
    const count = tx.where('blocks', (b) => b.entityType === r.entityType && b.entityId === r.entityId).length;
    return { type: 'content', position: count, ...r };
  },
  'wiki-entities': (tx, r, input) => {
    requireFields(input, ['wikiId']);
    const placed = { type: 'page', status: 'draft', parentId: r.wikiId, ...r };
    checkWikiParent(tx, placed);
    return placed;
  },
  'dashboard-pages': (_tx, r, input) => {
    requireFields(input, ['dashboardId']);
    return { blocks: [], ...r };
  },
  files: (_tx, r) => {
    if (!r.handle && !r.url) throw badRequest('Handle is required');
    return { type: 'file', ...r };
  },
};

/** Checks that a wiki entity's `parentId` is its wiki or an entity of the same wiki. */
export function checkWikiParent(tx: Tx, entity: JsonObject): void {
  if (entity.parentId === entity.wikiId) return;
  const parent = typeof entity.parentId === 'string' ? tx.get('wiki-entities', entity.parentId) : undefined;
  if (!parent || parent.wikiId !== entity.wikiId) throw invalidReference('parentId', entity.parentId, 'wiki-entities');
}

/** Per-collection follow-ups of a create (auto blocks, first task board, parent lists). */
export const AFTER_CREATE_HOOKS: Partial<Record<CollectionName, AfterCreateHook>> = {
  proposals: (tx, r) => createAutoBlocks(tx, 'proposals', r),
  contracts: (tx, r) => createAutoBlocks(tx, 'contracts', r),
  'wiki-entities': (tx, r) => createAutoBlocks(tx, 'wiki-entities', r),
  blocks: (tx, r) => {
    attachBlock(tx, r);
    return r;
  },
  'dashboard-pages': (tx, r) => {
    syncDashboardPage(tx, r, 'add');
    return r;
  },
  projects: (tx, r) => {
    const board = { _id: tx.newId(), title: 'Tasks', projectId: r._id, createdAt: tx.now, updatedAt: tx.now };
    placeRecord(tx, 'task-boards', { ...board, createdBy: tx.actorId, businessId: tx.businessId });
    return r;
  },
};
