import { Collection, type CollectionSnapshot, type Entity, type StoreUsage } from './collection.js';
import { type StoreLimits, UNLIMITED } from './limits.js';
import { checkSnapshot, type RecordCheck } from './record-check.js';
import { UndoLog } from './undo-log.js';

/** A whole state snapshot: one entry per collection. */
export type DatabaseSnapshot = Record<string, CollectionSnapshot>;

/**
 * A named set of collections forming one API instance's state. Collections are defined once (by the Redmine family
 * core and by each API that adds its own resources) and exported, imported and rolled back together.
 */
export class Database {
  private readonly collections = new Map<string, Collection<Entity>>();
  private readonly undo = new UndoLog();
  private writes = 0;
  private readonly usage: StoreUsage;

  /**
   * @param limits records per collection and bytes of records in all (see {@link StoreLimits}); writes beyond them
   *   throw `StoreLimitError`, imports included. Default: unlimited.
   */
  constructor(limits: Readonly<StoreLimits> = UNLIMITED) {
    this.usage = { limits: { ...limits }, bytes: 0 };
  }

  /** The limits in force. */
  get limits(): Readonly<StoreLimits> {
    return this.usage.limits;
  }

  /** Bytes of JSON the stored records take together (counted only under a byte limit). */
  get bytes(): number {
    return this.usage.bytes;
  }

  /** Puts other limits in force; records already stored stay even where they exceed them. */
  setLimits(limits: Readonly<StoreLimits>): void {
    this.usage.limits = { ...limits };
    let bytes = 0;
    for (const c of this.collections.values()) bytes += c.remeasure();
    this.usage.bytes = bytes;
  }

  /** Grows with every write to any collection (a cheap "has anything changed?" check for caches). */
  get version(): number {
    return this.writes;
  }

  /** Defines (or returns the already defined) collection with this name. */
  define<T extends Entity>(name: string): Collection<T> {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new Collection<Entity>(
        name,
        () => {
          this.writes++;
        },
        this.undo,
        this.usage,
      );
      this.collections.set(name, collection);
    }
    return collection as unknown as Collection<T>;
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
   * and the field; a failure half-way restores the previous state.
   */
  import(snapshot: unknown, check?: RecordCheck): void {
    const entries = checkSnapshot(snapshot, (name) => this.collections.has(name), check);
    this.transaction(() => {
      for (const [name, value] of entries) this.collections.get(name)?.import(value as CollectionSnapshot);
    });
  }

  /**
   * Runs `fn`; if it throws, every collection is put back as it was before (records, insertion order, next ids), so
   * a multi-step write is all or nothing. Each write inside records how to undo itself (see {@link UndoLog}): the
   * cost grows with what `fn` writes, not with what is stored. Transactions nest; an inner one that fails undoes
   * only its own writes.
   */
  transaction<R>(fn: () => R): R {
    return this.undo.run(fn);
  }
}
