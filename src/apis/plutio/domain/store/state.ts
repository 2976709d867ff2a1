import { Database } from '../../../../store/database.js';
import { type StoreLimits, storedBytes } from '../../../../store/limits.js';
import { isPrngState, type PrngState } from '../../../../store/prng.js';
import type { Table } from '../../../../store/table.js';
import { isPlainObject, type JsonObject } from '../json.js';
import { COLLECTIONS, type CollectionName, isCollectionName } from '../resources.js';

/** The live state of one business: its collections (insertion-ordered maps by `_id`), id generator and counters. */
export interface WorkspaceData {
  business: string;
  businessId: string;
  /** User id of the business owner: the default actor. */
  ownerUserId: string;
  /**
   * The record maps of the workspace's store tables (see {@link storeOf}): changed only by a committed `Tx`, which
   * moves each changed map's revision (`src/store/revisions.ts`), so the list indexes built over a map are valid
   * while its revision stays the same. Stored records are never mutated (reads may share them).
   */
  collections: Map<CollectionName, Map<string, JsonObject>>;
  /** The id generator's state and the named counters: replaced when a `Tx` commits. */
  ids: PrngState;
  counters: Record<string, number>;
}

/**
 * The limits a write is checked against: records per collection of this business, and bytes of the records of
 * every business together (`usedBytes`, this one included).
 */
export interface WorkspaceUsage {
  limits: Readonly<StoreLimits>;
  /** Bytes the records of every business take now. */
  usedBytes(): number;
}

/** A workspace's data in the store: one database per business, one table per collection. */
export interface WorkspaceStore {
  readonly db: Database;
  readonly tables: ReadonlyMap<CollectionName, Table<string, JsonObject>>;
}

const stores = new WeakMap<WorkspaceData, WorkspaceStore>();

/**
 * The store of a workspace's data, made on first use: its tables hold the `collections` maps themselves, under
 * the limits of `usage` (unlimited without). Data loaded from a snapshot or seeded again gets a store of its own.
 */
export function storeOf(data: WorkspaceData, usage?: WorkspaceUsage): WorkspaceStore {
  let store = stores.get(data);
  if (!store) {
    const db = new Database(usage?.limits, { usedBytes: usage?.usedBytes });
    const tables = new Map<CollectionName, Table<string, JsonObject>>();
    for (const [name, records] of data.collections) tables.set(name, db.table(name, records));
    store = { db, tables };
    stores.set(data, store);
  }
  return store;
}

/** Bytes of JSON the records of a workspace's data take (such as data loaded from a snapshot). */
export function bytesOf(data: WorkspaceData): number {
  let bytes = 0;
  for (const records of data.collections.values()) for (const record of records.values()) bytes += storedBytes(record);
  return bytes;
}

/** The JSON form of a {@link WorkspaceData}, for snapshots. */
export interface WorkspaceSnapshot {
  version: 1;
  business: string;
  businessId: string;
  ownerUserId: string;
  ids: PrngState;
  counters: Record<string, number>;
  collections: Partial<Record<CollectionName, JsonObject[]>>;
}

/** An empty collection map holding every collection. */
export function emptyCollections(): Map<CollectionName, Map<string, JsonObject>> {
  return new Map(COLLECTIONS.map((name) => [name, new Map<string, JsonObject>()]));
}

/** Serialises workspace data. Records are shared, not copied: callers clone if they keep the result around. */
export function toSnapshot(data: WorkspaceData): WorkspaceSnapshot {
  const collections: Partial<Record<CollectionName, JsonObject[]>> = {};
  for (const [name, records] of data.collections) collections[name] = [...records.values()];
  return {
    version: 1,
    business: data.business,
    businessId: data.businessId,
    ownerUserId: data.ownerUserId,
    ids: [...data.ids] as PrngState,
    counters: { ...data.counters },
    collections,
  };
}

/**
 * Rebuilds workspace data from a snapshot, checking its shape: known collections only, records as objects with a
 * string `_id`.
 * @throws Error describing the first problem found.
 */
export function fromSnapshot(value: unknown): WorkspaceData {
  if (!isPlainObject(value) || value.version !== 1) throw new Error('workspace snapshot: version 1 expected');
  const { business, businessId, ownerUserId, ids, counters } = value;
  if (typeof business !== 'string' || typeof businessId !== 'string' || typeof ownerUserId !== 'string') {
    throw new Error('workspace snapshot: business, businessId and ownerUserId must be strings');
  }
  if (!isPrngState(ids)) throw new Error('workspace snapshot: ids must be four integers');
  if (!isPlainObject(counters) || !Object.values(counters).every(Number.isInteger)) {
    throw new Error('workspace snapshot: counters must map names to integers');
  }
  const collections = emptyCollections();
  for (const [name, records] of Object.entries(isPlainObject(value.collections) ? value.collections : {})) {
    if (!isCollectionName(name)) throw new Error(`workspace snapshot: unknown collection ${name}`);
    if (!Array.isArray(records)) throw new Error(`workspace snapshot: ${name} must be an array`);
    const map = collections.get(name) as Map<string, JsonObject>;
    for (const record of records) {
      if (!isPlainObject(record) || typeof record._id !== 'string') {
        throw new Error(`workspace snapshot: every ${name} record needs a string _id`);
      }
      map.set(record._id, record);
    }
  }
  return { business, businessId, ownerUserId, ids, counters: counters as Record<string, number>, collections };
}
