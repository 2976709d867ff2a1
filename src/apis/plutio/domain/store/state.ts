import { isPrngState, type PrngState } from '../../../../store/prng.js';
import { isPlainObject, type JsonObject } from '../json.js';
import { COLLECTIONS, type CollectionName, isCollectionName } from '../resources.js';

/** The live state of one business: its collections (insertion-ordered maps by `_id`), id generator and counters. */
export interface WorkspaceData {
  business: string;
  businessId: string;
  /** User id of the business owner: the default actor. */
  ownerUserId: string;
  /**
   * Changed only by `Tx.commit`, which moves each changed map's revision (`revisions.ts`): the list indexes built
   * over a map are valid while its revision stays the same. Stored records are never mutated (reads may share them).
   */
  collections: Map<CollectionName, Map<string, JsonObject>>;
  ids: PrngState;
  counters: Record<string, number>;
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
