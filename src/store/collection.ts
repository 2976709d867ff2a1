import { type DeepReadonly, frozenCopy } from './freeze.js';
import { UNLIMITED } from './limits.js';
import { commitWrite, Table, type TableOwner, Transaction } from './table.js';

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

/** The database a collection belongs to, as the collection sees it. */
export interface CollectionOwner extends TableOwner {
  /** The transaction `Database.transaction` is running, which writes go into; none outside one. */
  readonly current: Transaction | undefined;
  /** Called after every write that stays (counts the database's version). */
  changed(): void;
}

/** The owner of a collection outside any database: no limits, no transactions but each write's own. */
function unowned(): CollectionOwner {
  return { current: undefined, limits: UNLIMITED, usedBytes: () => 0, committed() {}, changed() {} };
}

/**
 * A table of records with integer ids, kept in insertion order. Records are stored as frozen deep copies and
 * returned as they are stored (read-only), so callers never alias a mutable stored object: to change a record, call
 * `update` with a patch. Ids grow monotonically and are never reused within one state. Inside
 * `Database.transaction` reads and writes go through its transaction; a write outside one is a transaction of its
 * own, applied at once.
 */
export class Collection<T extends Entity> extends Table<number, DeepReadonly<T>> {
  /** @param owner the database of the collection; a collection of its own (unlimited) without one. */
  constructor(
    name: string,
    override readonly owner: CollectionOwner = unowned(),
  ) {
    super(name, owner);
  }

  /** Number of records. */
  get size(): number {
    const txn = this.owner.current;
    return txn ? txn.size(this) : this.records.size;
  }

  /** The record with this id, or undefined. */
  get(id: number): DeepReadonly<T> | undefined {
    const txn = this.owner.current;
    return txn ? txn.get(this, id) : this.records.get(id);
  }

  /** The first record matching `predicate`, or undefined. */
  find(predicate: (item: DeepReadonly<T>) => boolean): DeepReadonly<T> | undefined {
    const txn = this.owner.current;
    for (const item of txn ? txn.all(this) : this.records.values()) if (predicate(item)) return item;
    return undefined;
  }

  /** All records (in insertion order), optionally filtered. */
  all(predicate?: (item: DeepReadonly<T>) => boolean): DeepReadonly<T>[] {
    const txn = this.owner.current;
    if (txn) {
      const items = txn.all(this);
      return predicate ? items.filter(predicate) : items;
    }
    const out: DeepReadonly<T>[] = [];
    for (const item of this.records.values()) if (!predicate || predicate(item)) out.push(item);
    return out;
  }

  /**
   * Stores a new record and returns it; the id is the next free one unless `data.id` is given.
   * @throws StoreLimitError when the collection holds `maxRecords` already, or the record would take the database
   *   past `maxBytes` (nothing is changed; inside a transaction, when it commits).
   */
  insert(data: NewRecord<T>): DeepReadonly<T> {
    return this.#insert(this.owner.current, data);
  }

  /**
   * Merges `patch` into the record with this id and returns the new record; throws when the id is unknown.
   * @throws StoreLimitError when the grown record would take the database past `maxBytes` (nothing is changed).
   */
  update(id: number, patch: RecordPatch<T>): DeepReadonly<T> {
    const current = this.get(id);
    if (!current) throw new Error(`${this.name}: no record ${id}`);
    const record = frozenCopy({ ...(current as T), ...(patch as unknown as Partial<T>), id } as T);
    this.#write(this.owner.current, id, record);
    return record;
  }

  /** Deletes a record; returns whether it existed. */
  remove(id: number): boolean {
    if (!this.get(id)) return false;
    this.#write(this.owner.current, id, null);
    return true;
  }

  /** Deletes every record and restarts ids at 1. */
  clear(): void {
    this.#transact((txn) => txn.clear(this));
  }

  /** A JSON-ready snapshot of the collection. */
  export(): CollectionSnapshot {
    const txn = this.owner.current;
    return txn
      ? { nextId: txn.sequence(this), items: txn.all(this) }
      : { nextId: this.sequence, items: [...this.records.values()] };
  }

  /** Replaces the collection's content with a snapshot (as produced by `export`). */
  import(snapshot: CollectionSnapshot): void {
    this.#transact((txn) => {
      txn.clear(this);
      for (const item of snapshot.items) {
        if (!item || typeof item !== 'object' || Array.isArray(item)) {
          throw new Error(`${this.name}: items must be objects`);
        }
        this.#insert(txn, item as NewRecord<T>);
      }
      txn.setSequence(this, Math.max(txn.sequence(this), snapshot.nextId));
    });
  }

  #insert(txn: Transaction | undefined, data: NewRecord<T>): DeepReadonly<T> {
    const next = txn ? txn.sequence(this) : this.sequence;
    const id = data.id ?? next;
    if (!Number.isInteger(id) || id < 1) throw new Error(`${this.name}: invalid id ${id}`);
    if (txn ? txn.get(this, id) : this.records.get(id)) throw new Error(`${this.name}: duplicate id ${id}`);
    const record = frozenCopy({ ...data, id } as unknown as T);
    this.#write(txn, id, record, id >= next ? id + 1 : undefined);
    return record;
  }

  /** Stages a write in `txn`, or applies it at once outside a transaction (a transaction of its own). */
  #write(txn: Transaction | undefined, id: number, record: DeepReadonly<T> | null, sequence?: number): void {
    if (!txn) commitWrite(this, id, record, sequence);
    else {
      if (record) txn.put(this, id, record);
      else txn.delete(this, id);
      if (sequence !== undefined) txn.setSequence(this, sequence);
    }
    this.owner.changed();
  }

  /** Runs `stage` in the running transaction, or in one of its own committed at once. */
  #transact(stage: (txn: Transaction) => void): void {
    const running = this.owner.current;
    const txn = running ?? new Transaction(this.owner);
    stage(txn);
    if (!running) txn.commit();
    this.owner.changed();
  }
}
