import { Collection, type CollectionOwner, type CollectionSnapshot, type Entity } from './collection.js';
import { type StoreLimits, storedBytes, UNLIMITED } from './limits.js';
import { checkSnapshot, type RecordCheck } from './record-check.js';
import { Table, Transaction } from './table.js';

/** A whole state snapshot: one entry per collection. */
export type DatabaseSnapshot = Record<string, CollectionSnapshot>;

/** Options of a {@link Database}. */
export interface DatabaseOptions {
  /**
   * Bytes the records of every database sharing the byte limit take, this one's included (several databases may
   * share one `maxBytes`, such as Plutio's businesses). Default: this database's {@link Database.storedBytes}.
   */
  usedBytes?: () => number;
}

/**
 * A named set of tables forming one API instance's state (or one Plutio business's), changed only through
 * transactions (see {@link Transaction}). Collections (integer ids, used by the Redmine family) are defined once by
 * the family core and by each API that adds its own resources, and are exported, imported and rolled back
 * together; plain tables hold records under keys of their own (Plutio's `_id`s).
 */
export class Database implements CollectionOwner {
  private readonly collections = new Map<string, Collection<Entity>>();
  private readonly tables: Table<unknown, object>[] = [];
  private writes = 0;
  private currentLimits: Readonly<StoreLimits>;
  /** Bytes of all stored records, once measured; kept up to date by commits while measured. */
  private measuredBytes: number | undefined;
  private running: Transaction | undefined;
  private readonly sharedBytes: (() => number) | undefined;

  /**
   * @param limits records per table and bytes of records in all (see {@link StoreLimits}); commits beyond them
   *   throw `StoreLimitError`, imports included. Default: unlimited.
   */
  constructor(limits: Readonly<StoreLimits> = UNLIMITED, options: DatabaseOptions = {}) {
    this.currentLimits = { ...limits };
    this.sharedBytes = options.usedBytes;
  }

  /** The limits in force. */
  get limits(): Readonly<StoreLimits> {
    return this.currentLimits;
  }

  /** Bytes of JSON the stored records take together (counted only under a byte limit, 0 otherwise). */
  get bytes(): number {
    return Number.isFinite(this.currentLimits.maxBytes) ? this.storedBytes() : 0;
  }

  /** Bytes of JSON the stored records take together, measured with or without a byte limit. */
  storedBytes(): number {
    if (this.measuredBytes === undefined) {
      let bytes = 0;
      for (const table of this.tables) for (const record of table.records.values()) bytes += storedBytes(record);
      this.measuredBytes = bytes;
    }
    return this.measuredBytes;
  }

  /** Puts other limits in force; records already stored stay even where they exceed them. */
  setLimits(limits: Readonly<StoreLimits>): void {
    this.currentLimits = { ...limits };
    this.measuredBytes = undefined;
  }

  /** Grows with every write to any collection and every rollback (a cheap "has anything changed?" check for caches). */
  get version(): number {
    return this.writes;
  }

  /** The transaction {@link transaction} is running, if any. */
  get current(): Transaction | undefined {
    return this.running;
  }

  /** Defines (or returns the already defined) collection with this name. */
  define<T extends Entity>(name: string): Collection<T> {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new Collection<Entity>(name, this);
      this.collections.set(name, collection);
      this.tables.push(collection as unknown as Table<unknown, object>);
    }
    return collection as unknown as Collection<T>;
  }

  /**
   * A new table of records by key, holding `records` (the map is kept and changed in place by commits; records
   * are held in `Slots` without one). Its records are not part of {@link export}: the API that
   * keeps them exports them in its own form.
   */
  table<K, R extends object>(name: string, records?: Map<K, R>): Table<K, R> {
    const table = new Table<K, R>(name, this, records);
    this.tables.push(table as unknown as Table<unknown, object>);
    this.measuredBytes = undefined;
    return table;
  }

  /** A transaction of its own, for a caller that stages changes explicitly and then commits (or drops) it. */
  begin(): Transaction {
    return new Transaction(this);
  }

  /** Empties every collection. */
  clear(): void {
    for (const c of this.collections.values()) c.clear();
  }

  /** Snapshot of every collection, ready for JSON. */
  export(): DatabaseSnapshot {
    const out: DatabaseSnapshot = {};
    for (const [name, c] of this.collections) out[name] = c.export();
    return out;
  }

  /**
   * Replaces the state with a snapshot. Unknown collection names, malformed entries and (with `check`) records of the
   * wrong shape are refused before anything changes, the message naming the collection, the record (index and id)
   * and the field; a failure half-way (such as a limit) changes nothing.
   */
  import(snapshot: unknown, check?: RecordCheck): void {
    const entries = checkSnapshot(snapshot, (name) => this.collections.has(name), check);
    this.transaction(() => {
      for (const [name, value] of entries) this.collections.get(name)?.import(value as CollectionSnapshot);
    });
  }

  /**
   * Runs `fn` in a transaction: the collections' reads and writes inside go through it, and its changes are applied
   * when `fn` returns. If `fn` throws (or the changes break a limit), nothing it wrote stays (records, insertion
   * order, next ids), so a multi-step write is all or nothing. Transactions nest; an inner one that fails drops only
   * its own writes.
   */
  transaction<R>(fn: () => R): R {
    const outer = this.running;
    const txn = new Transaction(this, outer);
    this.running = txn;
    let committed = false;
    try {
      const result = fn();
      this.running = outer;
      txn.commit();
      committed = true;
      return result;
    } finally {
      this.running = outer;
      if (!committed) this.writes++;
    }
  }

  /** Bytes of every database under the same byte limit (see {@link DatabaseOptions.usedBytes}). */
  usedBytes(): number {
    return this.sharedBytes ? this.sharedBytes() : this.storedBytes();
  }

  /** Keeps the byte account after a commit (see `TableOwner`). */
  committed(bytes: number | undefined): void {
    if (bytes === undefined) this.measuredBytes = undefined;
    else if (this.measuredBytes !== undefined) this.measuredBytes += bytes;
  }

  /** Counts a write (see `CollectionOwner`). */
  changed(): void {
    this.writes++;
  }
}
