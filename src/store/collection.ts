import { type DeepReadonly, frozenCopy } from './freeze.js';
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
 * An in-memory table of records with integer ids, kept in insertion order. Records are stored as frozen deep copies
 * and returned as they are stored (read-only), so callers never alias a mutable stored object: to change a record,
 * call `update` with a patch. Ids grow monotonically and are never reused within one state.
 */
export class Collection<T extends Entity> {
  private items = new Map<number, DeepReadonly<T>>();
  /** Insertion stamp of every record, to restore the order when a rollback brings removed records back. */
  private stamps = new Map<number, number>();
  private nextStamp = 0;
  private nextId = 1;

  /**
   * @param onChange called after every write and every undone write (the owning Database counts versions with it).
   * @param undo where writes record their undo step while a transaction of the owning Database runs.
   */
  constructor(
    readonly name: string,
    private readonly onChange: () => void = () => {},
    private readonly undo?: UndoLog,
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
    const previousNextId = this.nextId;
    this.items.set(id, record);
    this.stamps.set(id, this.nextStamp++);
    if (id >= this.nextId) this.nextId = id + 1;
    if (this.undo?.recording) {
      this.undo.record(() => {
        this.items.delete(id);
        this.stamps.delete(id);
        this.nextId = previousNextId;
        this.onChange();
      });
    }
    this.onChange();
    return record;
  }

  /** Merges `patch` into the record with this id and returns the new record; throws when the id is unknown. */
  update(id: number, patch: RecordPatch<T>): DeepReadonly<T> {
    const current = this.items.get(id);
    if (!current) throw new Error(`${this.name}: no record ${id}`);
    const record = frozenCopy({ ...(current as T), ...(patch as unknown as Partial<T>), id } as T);
    this.items.set(id, record);
    if (this.undo?.recording) {
      this.undo.record(() => {
        this.items.set(id, current);
        this.onChange();
      });
    }
    this.onChange();
    return record;
  }

  /** Deletes a record; returns whether it existed. */
  remove(id: number): boolean {
    const record = this.items.get(id);
    if (!record) return false;
    const stamp = this.stamps.get(id) as number;
    this.items.delete(id);
    this.stamps.delete(id);
    const undo = this.undo;
    if (undo?.recording) {
      undo.record(() => {
        this.items.set(id, record);
        this.stamps.set(id, stamp);
        undo.afterUndo(this.restoreOrder);
        this.onChange();
      });
    }
    this.onChange();
    return true;
  }

  /** Deletes every record and restarts ids at 1. */
  clear(): void {
    const { items, stamps, nextId } = this;
    this.items = new Map();
    this.stamps = new Map();
    this.nextId = 1;
    if (this.undo?.recording) {
      this.undo.record(() => {
        this.items = items;
        this.stamps = stamps;
        this.nextId = nextId;
        this.onChange();
      });
    }
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
    const nextId = this.nextId;
    this.nextId = Math.max(nextId, snapshot.nextId);
    if (this.undo?.recording) {
      this.undo.record(() => {
        this.nextId = nextId;
      });
    }
  }

  /** Puts the records back in insertion order after a rollback re-added removed ones (at the end of the map). */
  private readonly restoreOrder = (): void => {
    const stamp = (id: number) => this.stamps.get(id) as number;
    this.items = new Map([...this.items].sort(([a], [b]) => stamp(a) - stamp(b)));
  };
}
