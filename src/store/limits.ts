/**
 * How much one state may hold: records per collection and bytes of stored records in all. Both bound the memory a
 * long-running mock can take and the size of its exported state (which must stay importable).
 */
export interface StoreLimits {
  /** Records one collection may hold (`--max-records`). */
  maxRecords: number;
  /** Bytes of JSON all stored records of one state may take together (`--max-state-size`). */
  maxBytes: number;
}

/** Default records per collection (and per Plutio business): `--max-records 10000`. */
export const DEFAULT_MAX_RECORDS = 10_000;

/** Default bytes of stored records per API: `--max-state-size 12mb`. */
export const DEFAULT_MAX_STATE_BYTES = 12 * 1024 * 1024;

/** `limits` with the defaults filled in. */
export function withDefaultLimits(limits?: Partial<StoreLimits>): StoreLimits {
  return {
    maxRecords: limits?.maxRecords ?? DEFAULT_MAX_RECORDS,
    maxBytes: limits?.maxBytes ?? DEFAULT_MAX_STATE_BYTES,
  };
}

/** No limits at all (a state that is never served, such as one built for a test). */
export const UNLIMITED: Readonly<StoreLimits> = Object.freeze({
  maxRecords: Number.POSITIVE_INFINITY,
  maxBytes: Number.POSITIVE_INFINITY,
});

/** Which limit a refused write would have broken. */
export type StoreLimitKind = 'records' | 'bytes';

/**
 * A write refused because the state would outgrow one of its {@link StoreLimits}. Nothing was changed. API modules
 * turn it into their own error shape (Redmine family: 422 `{"errors": [...]}`; Plutio: 400).
 */
export class StoreLimitError extends Error {
  override readonly name = 'StoreLimitError';

  constructor(
    readonly kind: StoreLimitKind,
    /** The collection written to. */
    readonly collection: string,
    /** The limit in force (records, or bytes). */
    readonly limit: number,
  ) {
    super(limitMessage(kind, collection, limit));
  }
}

/**
 * The message of a refused write, in plain English: `Contacts cannot hold more than 10000 records (--max-records)`
 * or `Contacts cannot be stored: the state would exceed 12582912 bytes (--max-state-size)`.
 */
export function limitMessage(kind: StoreLimitKind, collection: string, limit: number): string {
  const label = collectionLabel(collection);
  return kind === 'records'
    ? `${label} cannot hold more than ${limit} records (--max-records)`
    : `${label} cannot be stored: the state would exceed ${limit} bytes (--max-state-size)`;
}

/** `deal_notes` → `Deal notes`, `task-groups` → `Task groups`. */
function collectionLabel(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Bytes a record takes in an exported state: the UTF-8 length of its JSON text. */
export function recordBytes(record: unknown): number {
  return Buffer.byteLength(JSON.stringify(record) ?? '', 'utf8');
}

/** Bytes of each stored record, measured once: stored records are never changed, so the size stays true. */
const storedSizes = new WeakMap<object, number>();

/** {@link recordBytes} of a stored record, measured on first use. */
export function storedBytes(record: object): number {
  let size = storedSizes.get(record);
  if (size === undefined) {
    size = recordBytes(record);
    storedSizes.set(record, size);
  }
  return size;
}
