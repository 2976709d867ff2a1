import { type DeepReadonly, frozenCopy } from './freeze.js';

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
 * An in-memory table of records with integer ids, kept in insertion order. Records are stored as frozen deep copies
 * and returned as they are stored (read-only), so callers never alias a mutable stored object: to change a record,
 * call `update` with a patch. Ids grow monotonically and are never reused within one state.
 */
export class Collection<T extends Entity> {
  private items = new Map<number, DeepReadonly<T>>();
  private nextId = 1;

  /** @param onChange called after every write (the owning Database counts versions with it). */
  constructor(
    readonly name: string,
    private readonly onChange: () => void = () => {},
  ) {}

  /** Number of records. */
  get size(): number {
    return this.items.size;
  }

  /** The record with this id, or undefined. */
  get(id: number): DeepReadonly<T> | undefined {
    return this.items.get(id);
  }

  /** The first record matching `predicate`, or undefined. */
  find(predicate: (item: DeepReadonly<T>) => boolean): DeepReadonly<T> | undefined {
    for (const item of this.items.values()) if (predicate(item)) return item;
    return undefined;
  }

  /** All records (in insertion order), optionally filtered. */
  all(predicate?: (item: DeepReadonly<T>) => boolean): DeepReadonly<T>[] {
    const out: DeepReadonly<T>[] = [];
    for (const item of this.items.values()) if (!predicate || predicate(item)) out.push(item);
    return out;
  }

  /** Stores a new record and returns it; the id is the next free one unless `data.id` is given. */
  insert(data: NewRecord<T>): DeepReadonly<T> {
    const id = data.id ?? this.nextId;
    if (!Number.isInteger(id) || id < 1) throw new Error(`${this.name}: invalid id ${id}`);
    if (this.items.has(id)) throw new Error(`${this.name}: duplicate id ${id}`);
    const record = frozenCopy({ ...data, id } as unknown as T);
    this.items.set(id, record);
    if (id >= this.nextId) this.nextId = id + 1;
    this.onChange();
    return record;
  }

  /** Merges `patch` into the record with this id and returns the new record; throws when the id is unknown. */
  update(id: number, patch: RecordPatch<T>): DeepReadonly<T> {
    const current = this.items.get(id);
    if (!current) throw new Error(`${this.name}: no record ${id}`);
    const record = frozenCopy({ ...(current as T), ...(patch as unknown as Partial<T>), id } as T);
    this.items.set(id, record);
    this.onChange();
    return record;
  }

  /** Deletes a record; returns whether it existed. */
  remove(id: number): boolean {
    const removed = this.items.delete(id);
    if (removed) this.onChange();
    return removed;
  }

  /** Deletes every record and restarts ids at 1. */
  clear(): void {
    this.items.clear();
    this.nextId = 1;
    this.onChange();
  }

  /** A JSON-ready snapshot of the collection. */
  export(): CollectionSnapshot {
    return { nextId: this.nextId, items: [...this.items.values()] };
  }

  /** Replaces the collection's content with a snapshot (as produced by `export`). */
  import(snapshot: CollectionSnapshot): void {
    this.clear();
    for (const item of snapshot.items) {
      if (!item || typeof item !== 'object' || Array.isArray(item))
        throw new Error(`${this.name}: items must be objects`);
      this.insert(item as NewRecord<T>);
    }
    this.nextId = Math.max(this.nextId, snapshot.nextId);
  }

  /** Cheap copy of the internal state, used by `Database.transaction` to roll back. */
  checkpoint(): () => void {
    const items = new Map(this.items);
    const nextId = this.nextId;
    return () => {
      this.items = items;
      this.nextId = nextId;
      this.onChange();
    };
  }
}
