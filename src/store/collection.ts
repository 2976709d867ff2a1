import { type DeepReadonly, frozenCopy } from './freeze.js';
import { recordBytes, StoreLimitError, type StoreLimits } from './limits.js';
import type { UndoLog } from './undo-log.js';

/** Every stored record has a positive integer id, assigned by its collection. */
export interface Entity {
  id: number;
}

/**
 * The input of `insert`: a record without its id (an explicit id is allowed for seeding and imports). Read-only
 * values (e.g. parts of another stored record) are accepted: they are copied anyway.
 */
export type NewRecord<T extends Entity> = DeepReadonly<Omit<T, 'id'>> & { id?: number };

/** The input of `update`: some fields of a record (read-only values accepted). */
export type RecordPatch<T extends Entity> = DeepReadonly<Partial<Omit<T, 'id'>>>;

/** A collection's data as exported in a state snapshot. */
export interface CollectionSnapshot {
  nextId: number;
  items: unknown[];
}

/**
 * Where a record lives: the map holds slots, not records. V8 keeps the entries of a map's outgrown hash tables until
 * the next full collection, so a record deleted from a long-lived map stays reachable from them, survives the
 * young-generation collections and ends up in the old generation as garbage (a create/delete load measured ~140
 * bytes of it per request). A removed slot lets go of its record, so only the small slot can linger.
 */
interface Slot<R> {
  record: R | undefined;
  /** Insertion stamp, to restore the order when a rollback brings removed records back. */
  stamp: number;
  /** Bytes of the record's JSON (0 when the collection keeps no account). */
  size: number;
}

/**
 * The limits a database's collections share, and the bytes they hold together (see {@link StoreLimits}).
 * Collections keep the account up to date on every write and undo.
 */
export interface StoreUsage {
  limits: Readonly<StoreLimits>;
  bytes: number;
}

/**
 * An in-memory table of records with integer ids, kept in insertion order. Records are stored as frozen deep copies
 * and returned as they are stored (read-only), so callers never alias a mutable stored object: to change a record,
 * call `update` with a patch. Ids grow monotonically and are never reused within one state.
 */
export class Collection<T extends Entity> {
  private items = new Map<number, Slot<DeepReadonly<T>>>();
  private nextStamp = 0;
  private nextId = 1;
  /** Bytes of the records held (kept only with a `usage` account). */
  private bytes = 0;

  /**
   * @param onChange called after every write and every undone write (the owning Database counts versions with it).
   * @param undo where writes record their undo step while a transaction of the owning Database runs.
   * @param usage the limits and byte account shared with the other collections of the owning Database; without it
   *   the collection is unlimited and measures nothing.
   */
  constructor(
    readonly name: string,
    private readonly onChange: () => void = () => {},
    private readonly undo?: UndoLog,
    private readonly usage?: StoreUsage,
  ) {}

  /** Number of records. */
  get size(): number {
    return this.items.size;
  }

  /** The record with this id, or undefined. */
  get(id: number): DeepReadonly<T> | undefined {
    return this.items.get(id)?.record;
  }

  /** The first record matching `predicate`, or undefined. */
  find(predicate: (item: DeepReadonly<T>) => boolean): DeepReadonly<T> | undefined {
    for (const slot of this.items.values()) if (predicate(slot.record as DeepReadonly<T>)) return slot.record;
    return undefined;
  }

  /** All records (in insertion order), optionally filtered. */
  all(predicate?: (item: DeepReadonly<T>) => boolean): DeepReadonly<T>[] {
    const out: DeepReadonly<T>[] = [];
    for (const slot of this.items.values()) {
      const item = slot.record as DeepReadonly<T>;
      if (!predicate || predicate(item)) out.push(item);
    }
    return out;
  }

  /**
   * Stores a new record and returns it; the id is the next free one unless `data.id` is given.
   * @throws StoreLimitError when the collection holds `maxRecords` already, or the record would take the database
   *   past `maxBytes` (nothing is changed).
   */
  insert(data: NewRecord<T>): DeepReadonly<T> {
    const id = data.id ?? this.nextId;
    if (!Number.isInteger(id) || id < 1) throw new Error(`${this.name}: invalid id ${id}`);
    if (this.items.has(id)) throw new Error(`${this.name}: duplicate id ${id}`);
    const { usage } = this;
    if (usage && this.items.size >= usage.limits.maxRecords) {
      throw new StoreLimitError('records', this.name, usage.limits.maxRecords);
    }
    const record = frozenCopy({ ...data, id } as unknown as T);
    const size = this.measured ? this.charge(recordBytes(record)) : 0;
    const previousNextId = this.nextId;
    const slot: Slot<DeepReadonly<T>> = { record, stamp: this.nextStamp++, size };
    this.items.set(id, slot);
    if (id >= this.nextId) this.nextId = id + 1;
    if (this.undo?.recording) {
      this.undo.record(() => {
        this.items.delete(id);
        slot.record = undefined;
        this.account(-size);
        this.nextId = previousNextId;
        this.onChange();
      });
    }
    this.onChange();
    return record;
  }

  /**
   * Merges `patch` into the record with this id and returns the new record; throws when the id is unknown.
   * @throws StoreLimitError when the grown record would take the database past `maxBytes` (nothing is changed).
   */
  update(id: number, patch: RecordPatch<T>): DeepReadonly<T> {
    const slot = this.items.get(id);
    const current = slot?.record;
    if (!slot || !current) throw new Error(`${this.name}: no record ${id}`);
    const record = frozenCopy({ ...(current as T), ...(patch as unknown as Partial<T>), id } as T);
    const previousSize = slot.size;
    if (this.measured) {
      const size = recordBytes(record);
      this.charge(size - previousSize);
      slot.size = size;
    }
    slot.record = record;
    if (this.undo?.recording) {
      this.undo.record(() => {
        // The slot of the id now: a later removal, undone before this step, put a new one in place.
        const now = this.items.get(id);
        if (now) {
          this.account(previousSize - now.size);
          now.size = previousSize;
          now.record = current;
        }
        this.onChange();
      });
    }
    this.onChange();
    return record;
  }

  /** Deletes a record; returns whether it existed. */
  remove(id: number): boolean {
    const slot = this.items.get(id);
    const record = slot?.record;
    if (!slot || !record) return false;
    const { stamp, size } = slot;
    this.items.delete(id);
    slot.record = undefined;
    this.account(-size);
    const undo = this.undo;
    if (undo?.recording) {
      undo.record(() => {
        this.items.set(id, { record, stamp, size });
        this.account(size);
        undo.afterUndo(this.restoreOrder);
        this.onChange();
      });
    }
    this.onChange();
    return true;
  }

  /** Deletes every record and restarts ids at 1. */
  clear(): void {
    const { items, nextId, bytes } = this;
    this.items = new Map();
    this.nextId = 1;
    this.account(-bytes);
    if (this.undo?.recording) {
      this.undo.record(() => {
        this.items = items;
        this.nextId = nextId;
        this.account(bytes);
        this.onChange();
      });
    }
    this.onChange();
  }

  /** A JSON-ready snapshot of the collection. */
  export(): CollectionSnapshot {
    return { nextId: this.nextId, items: [...this.items.values()].map((slot) => slot.record) };
  }

  /** Replaces the collection's content with a snapshot (as produced by `export`). */
  import(snapshot: CollectionSnapshot): void {
    this.clear();
    for (const item of snapshot.items) {
      if (!item || typeof item !== 'object' || Array.isArray(item))
        throw new Error(`${this.name}: items must be objects`);
      this.insert(item as NewRecord<T>);
    }
    const nextId = this.nextId;
    this.nextId = Math.max(nextId, snapshot.nextId);
    if (this.undo?.recording) {
      this.undo.record(() => {
        this.nextId = nextId;
      });
    }
  }

  /** Whether records are measured: only under a finite byte limit. */
  private get measured(): boolean {
    return this.usage !== undefined && Number.isFinite(this.usage.limits.maxBytes);
  }

  /** Measures every record again (after the limits changed); returns the collection's bytes. */
  remeasure(): number {
    this.bytes = 0;
    for (const slot of this.items.values()) {
      slot.size = this.measured ? recordBytes(slot.record) : 0;
      this.bytes += slot.size;
    }
    return this.bytes;
  }

  /**
   * Adds `delta` bytes to the account after checking that the database stays within `maxBytes` (a shrinking write
   * always passes); returns `delta`.
   */
  private charge(delta: number): number {
    const usage = this.usage as StoreUsage;
    if (delta > 0 && usage.bytes + delta > usage.limits.maxBytes) {
      throw new StoreLimitError('bytes', this.name, usage.limits.maxBytes);
    }
    this.account(delta);
    return delta;
  }

  /** Moves the byte account of the collection and of its database by `delta`. */
  private account(delta: number): void {
    if (!this.usage || delta === 0) return;
    this.bytes += delta;
    this.usage.bytes += delta;
  }

  /** Puts the records back in insertion order after a rollback re-added removed ones (at the end of the map). */
  private readonly restoreOrder = (): void => {
    this.items = new Map([...this.items].sort(([, a], [, b]) => a.stamp - b.stamp));
  };
}
