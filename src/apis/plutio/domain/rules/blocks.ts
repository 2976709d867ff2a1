import type { JsonObject } from '../json.js';
import { type CollectionName, collectionForEntityType } from '../resources.js';
import type { Tx } from '../store/tx.js';

/** Blocks the server creates with a new record. */
const AUTO_BLOCKS: Partial<Record<CollectionName, { entityType: string; types: readonly string[] }>> = {
  proposals: { entityType: 'proposal', types: ['intro', 'content', 'signature'] },
  contracts: { entityType: 'contract', types: ['content', 'signature'] },
};

/** Parent types whose records list their block ids, in display order, in a `blocks` array. */
const LISTING_PARENTS = new Set(['proposal', 'contract', 'dashboard-page', 'blocks-group']);

/** Builds a block record (not staged). Wiki-page blocks have no `hasText` (the real API rejects it there). */
export function makeBlock(tx: Tx, entityType: string, entityId: string, type: string, position: number): JsonObject {
  const text =
    entityType === 'wiki-page' ? { textHTML: '', textPlain: '' } : { textHTML: '', textPlain: '', hasText: false };
  const block: JsonObject = { _id: tx.newId(), entityType, entityId, type, position };
  if (type === 'intro') Object.assign(block, { main: { ...text } });
  else if (type === 'signature') Object.assign(block, { signatures: [] });
  else Object.assign(block, text);
  return { ...block, createdAt: tx.now, updatedAt: tx.now, createdBy: tx.actorId, businessId: tx.businessId };
}

/**
 * Creates the blocks that come with a new record: `intro`, `content`, `signature` for a proposal; `content`,
 * `signature` for a contract; a `content` block for a wiki page. Returns the record with its `blocks` id list where
 * the parent type keeps one.
 * @see docs/sources.md#plutio-blocks — auto-created blocks.
 */
export function createAutoBlocks(tx: Tx, collection: CollectionName, record: JsonObject): JsonObject {
  const id = record._id as string;
  if (collection === 'wiki-entities' && (record.type ?? 'page') === 'page') {
    tx.put('blocks', makeBlock(tx, 'wiki-page', id, 'content', 0));
    return record;
  }
  const auto = AUTO_BLOCKS[collection];
  if (!auto) return record;
  const ids = auto.types.map((type, i) => {
    const block = makeBlock(tx, auto.entityType, id, type, i);
    tx.put('blocks', block);
    return block._id as string;
  });
  return { ...record, blocks: ids };
}

function listingParent(tx: Tx, block: JsonObject): [CollectionName, JsonObject] | undefined {
  if (!LISTING_PARENTS.has(block.entityType as string) || typeof block.entityId !== 'string') return undefined;
  const collection = collectionForEntityType(block.entityType);
  const parent = collection && tx.get(collection, block.entityId);
  return collection && parent ? [collection, parent] : undefined;
}

/** Appends a new block's id to its parent's `blocks` list (proposals, contracts, dashboard pages, block groups). */
export function attachBlock(tx: Tx, block: JsonObject): void {
  const found = listingParent(tx, block);
  if (!found) return;
  const [collection, parent] = found;
  const ids = Array.isArray(parent.blocks) ? parent.blocks : [];
  tx.put(collection, { ...parent, blocks: [...ids, block._id], updatedAt: tx.now });
}

/** Removes a deleted block's id from its parent's `blocks` list. */
export function detachBlock(tx: Tx, block: JsonObject): void {
  const found = listingParent(tx, block);
  if (!found) return;
  const [collection, parent] = found;
  if (!Array.isArray(parent.blocks) || !parent.blocks.includes(block._id)) return;
  tx.put(collection, { ...parent, blocks: parent.blocks.filter((id) => id !== block._id), updatedAt: tx.now });
}
