import { limitMessage, recordBytes, type StoreLimits } from '../../../../store/limits.js';
import { PlutioError } from '../errors.js';
import type { JsonObject } from '../json.js';
import type { WorkspaceData } from './state.js';

/** Bytes of each stored record's JSON, measured once (stored records are never changed). */
const recordSizes = new WeakMap<object, number>();

/** Bytes of all records of each workspace's data, kept up to date by {@link WorkspaceUsage.committed}. */
const dataSizes = new WeakMap<WorkspaceData, number>();

/** The JSON size of a stored record. */
export function sizeOf(record: JsonObject): number {
  let size = recordSizes.get(record);
  if (size === undefined) {
    size = recordBytes(record);
    recordSizes.set(record, size);
  }
  return size;
}

/** Bytes of all records of a workspace (measured on first use, then kept by {@link WorkspaceUsage.committed}). */
export function bytesOf(data: WorkspaceData): number {
  let size = dataSizes.get(data);
  if (size === undefined) {
    size = 0;
    for (const records of data.collections.values()) for (const record of records.values()) size += sizeOf(record);
    dataSizes.set(data, size);
  }
  return size;
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

/** The change a transaction makes to one collection: records added (net) and bytes added (net). */
export interface CollectionGrowth {
  records: number;
  bytes: number;
}

/**
 * Checks that a transaction's changes keep the state within `usage.limits`; a write that shrinks or keeps the size
 * always passes.
 * @throws PlutioError 400 `People cannot hold more than 10000 records (--max-records)`, or the bytes message.
 */
export function checkGrowth(
  growth: ReadonlyMap<string, CollectionGrowth>,
  sizes: (name: string) => number,
  usage: WorkspaceUsage,
): void {
  let bytes = 0;
  for (const [name, g] of growth) {
    if (g.records > 0 && sizes(name) + g.records > usage.limits.maxRecords) {
      throw new PlutioError(400, limitText('records', name, usage.limits.maxRecords), 'limit_reached');
    }
    bytes += g.bytes;
  }
  if (bytes > 0 && usage.usedBytes() + bytes > usage.limits.maxBytes) {
    const [name] = [...growth].find(([, g]) => g.bytes > 0) ?? [''];
    throw new PlutioError(400, limitText('bytes', name, usage.limits.maxBytes), 'limit_reached');
  }
}

/** Records `delta` more bytes for a workspace whose size is being kept. */
export function addBytes(data: WorkspaceData, delta: number): void {
  const size = dataSizes.get(data);
  if (size !== undefined) dataSizes.set(data, size + delta);
}

function limitText(kind: 'records' | 'bytes', collection: string, limit: number): string {
  return `${limitMessage(kind, collection, limit)}.`;
}
