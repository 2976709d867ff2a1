import { StoreLimitError, type StoreLimits, storedBytes } from './limits.js';
import { markChanged } from './revisions.js';

/** What the tables of one database share: the limits their changes must keep to and the account of bytes. */
export interface TableOwner {
  readonly limits: Readonly<StoreLimits>;
  /** Bytes the records of every database under the same byte limit take now, this one's included. */
  usedBytes(): number;
  /** Called once a commit has applied its changes, with the bytes they added (undefined when not measured). */
  committed(bytes: number | undefined): void;
}

/** Records by key, in insertion order, as readers see them: a `Map`, or {@link Slots}. */
export interface RecordView<K, R> {
  readonly size: number;
  get(key: K): R | undefined;
  has(key: K): boolean;
  keys(): Iterable<K>;
  values(): Iterable<R>;
  [Symbol.iterator](): Iterator<[K, R]>;
}

/** The stored records of a table, changed in place by commits. */
export interface RecordMap<K, R> extends RecordView<K, R> {
  set(key: K, record: R): unknown;
  delete(key: K): boolean;
  clear(): void;
}

/** Where a stored record lives in {@link Slots}; emptied when the record is removed. */
interface Slot<R> {
  record: R | undefined;
}

/**
 * Records by key, each held in a slot of its own that lets go of it on removal. V8 keeps the entries of a map's
 * outgrown hash tables until the next full collection, so a record deleted from a long-lived map stays reachable
 * from them, survives the young-generation collections and is promoted to the old generation as garbage; only the
 * small slot can linger. A create/delete load of Planio companies over HTTP (32 in flight, Node 20, `promoted=`
 * of `--trace-gc-nvp` summed) promoted ~135 bytes per request with records held directly, ~14 through slots.
 */
export class Slots<K, R extends object> implements RecordMap<K, R> {
  readonly #slots = new Map<K, Slot<R>>();

  get size(): number {
    return this.#slots.size;
  }

  get(key: K): R | undefined {
    return this.#slots.get(key)?.record;
  }

  has(key: K): boolean {
    return this.#slots.has(key);
  }

  /** Stores `record` under `key`; a replaced record keeps its place (and its slot). */
  set(key: K, record: R): this {
    const slot = this.#slots.get(key);
    if (slot) slot.record = record;
    else this.#slots.set(key, { record });
    return this;
  }

  delete(key: K): boolean {
    const slot = this.#slots.get(key);
    if (!slot) return false;
    slot.record = undefined;
    return this.#slots.delete(key);
  }

  clear(): void {
    for (const slot of this.#slots.values()) slot.record = undefined;
    this.#slots.clear();
  }

  keys(): Iterable<K> {
    return this.#slots.keys();
  }

  values(): IterableIterator<R> {
    return new SlotRecords(this.#slots.values());
  }

  [Symbol.iterator](): IterableIterator<[K, R]> {
    return new SlotEntries(this.#slots.entries());
  }
}

/** The records of slots, in order (an iterator object: scans as fast as a map's own, unlike a generator). */
class SlotRecords<R extends object> implements IterableIterator<R> {
  constructor(private readonly slots: Iterator<Slot<R>>) {}

  next(): IteratorResult<R> {
    for (let step = this.slots.next(); !step.done; step = this.slots.next()) {
      const { record } = step.value;
      if (record) return { done: false, value: record };
    }
    return { done: true, value: undefined };
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** The keys and records of slots, in order. */
class SlotEntries<K, R extends object> implements IterableIterator<[K, R]> {
  constructor(private readonly slots: Iterator<[K, Slot<R>]>) {}

  next(): IteratorResult<[K, R]> {
    for (let step = this.slots.next(); !step.done; step = this.slots.next()) {
      const [key, { record }] = step.value;
      if (record) return { done: false, value: [key, record] };
    }
    return { done: true, value: undefined };
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/**
 * Records of one kind by key, in insertion order. Only {@link Transaction.commit} changes them: a record is
 * replaced by a new object, never changed in place, so readers may share stored records (and cache what they
 * derive from one by its identity, or from the record map by its revision, see `revisions.ts`).
 */
export class Table<K, R extends object> {
  /** The next value of the table's id sequence, for tables whose keys are assigned from one (changed by commits). */
  sequence = 1;

  /**
   * @param records the stored records (in {@link Slots} unless given); a given map is kept (changed in place by
   *   commits), so its holder sees every committed change.
   */
  constructor(
    readonly name: string,
    readonly owner: TableOwner,
    readonly records: RecordMap<K, R> = new Slots<K, R>(),
  ) {}
}

/** The changes a transaction stages for one table: records by key (null: removed), and what replaces the rest. */
interface Staged<K, R> {
  /** The stored records are all removed first (`clear`). */
  cleared: boolean;
  writes: Map<K, R | null>;
  /** The id sequence's next value, once the transaction moved it. */
  sequence: number | undefined;
}

/**
 * A write set over the tables of one database. Every change is staged and only {@link commit} applies them, at
 * once, after checking the limits on the net change, so a transaction that fails or is abandoned half-way leaves
 * records, id sequences and everything registered with {@link onCommit} exactly as they were. Reads through the
 * transaction see its staged changes. A transaction opened inside another stages on top of it and, on commit,
 * hands its changes to it; the outermost one applies them. The cost grows with what a transaction writes, not
 * with what is stored.
 */
export class Transaction {
  readonly #owner: TableOwner;
  readonly #parent: Transaction | undefined;
  readonly #staged = new Map<Table<unknown, object>, Staged<unknown, object>>();
  readonly #onCommit: Array<() => void> = [];

  constructor(owner: TableOwner, parent?: Transaction) {
    this.#owner = owner;
    this.#parent = parent;
  }

  /** A record as this transaction sees it. */
  get<K, R extends object>(table: Table<K, R>, key: K): R | undefined {
    for (let t: Transaction | undefined = this; t; t = t.#parent) {
      const staged = t.#find(table);
      if (!staged) continue;
      const record = staged.writes.get(key);
      if (record !== undefined) return record ?? undefined;
      if (staged.cleared) return undefined;
    }
    return table.records.get(key);
  }

  /**
   * Every record of a table as this transaction sees it, in insertion order: a replaced record keeps its place, new
   * ones follow the stored ones.
   */
  all<K, R extends object>(table: Table<K, R>): R[] {
    const base = this.#parent ? this.#parent.#view(table) : table.records;
    const staged = this.#find(table);
    if (!staged) return [...base.values()];
    const out: R[] = [];
    if (!staged.cleared) {
      for (const [key, record] of base) {
        const write = staged.writes.get(key);
        if (write === undefined) out.push(record);
        else if (write) out.push(write);
      }
    }
    for (const [key, write] of staged.writes) if (write && (staged.cleared || !base.has(key))) out.push(write);
    return out;
  }

  /** Number of records of a table as this transaction sees it. */
  size<K, R extends object>(table: Table<K, R>): number {
    const base = this.#parent ? this.#parent.#view(table) : table.records;
    const staged = this.#find(table);
    if (!staged) return base.size;
    let size = staged.cleared ? 0 : base.size;
    for (const [key, write] of staged.writes) size += (write ? 1 : 0) - (!staged.cleared && base.has(key) ? 1 : 0);
    return size;
  }

  /** Stages a record under `key` (insert or replace). The record must be a fresh object, kept unchanged from now. */
  put<K, R extends object>(table: Table<K, R>, key: K, record: R): void {
    this.#stage(table).writes.set(key, record);
  }

  /** Stages the removal of a record. */
  delete<K, R extends object>(table: Table<K, R>, key: K): void {
    this.#stage(table).writes.set(key, null);
  }

  /** Stages the removal of every record of a table and restarts its id sequence at 1. */
  clear<K, R extends object>(table: Table<K, R>): void {
    const staged = this.#stage(table);
    staged.cleared = true;
    staged.writes = new Map();
    staged.sequence = 1;
  }

  /** The next value of a table's id sequence as this transaction sees it. */
  sequence<K, R extends object>(table: Table<K, R>): number {
    for (let t: Transaction | undefined = this; t; t = t.#parent) {
      const next = t.#find(table)?.sequence;
      if (next !== undefined) return next;
    }
    return table.sequence;
  }

  /** Stages a new next value of a table's id sequence. */
  setSequence<K, R extends object>(table: Table<K, R>, next: number): void {
    this.#stage(table).sequence = next;
  }

  /** Runs `apply` when the changes are applied (after the outermost commit): state kept beside the tables. */
  onCommit(apply: () => void): void {
    this.#onCommit.push(apply);
  }

  /**
   * Applies the staged changes (an inner transaction hands them to the one it runs in), moves the revision of each
   * changed table and runs the {@link onCommit} steps. Cannot fail part-way: the limits are checked first.
   * @throws StoreLimitError when the changes would take a table past `maxRecords` or every database under the
   *   byte limit past `maxBytes` (nothing is applied). A change that shrinks or keeps the size always passes.
   */
  commit(): void {
    const parent = this.#parent;
    if (parent) {
      for (const [table, staged] of this.#staged) {
        const into = parent.#stage(table);
        if (staged.cleared) {
          into.cleared = true;
          into.writes = staged.writes;
        } else for (const [key, record] of staged.writes) into.writes.set(key, record);
        if (staged.sequence !== undefined) into.sequence = staged.sequence;
      }
      parent.#onCommit.push(...this.#onCommit);
      return;
    }
    const { limits } = this.#owner;
    const measured = Number.isFinite(limits.maxBytes);
    const bytes = measured || Number.isFinite(limits.maxRecords) ? this.#checkLimits(limits, measured) : 0;
    for (const [table, staged] of this.#staged) {
      const { records } = table;
      if (staged.cleared) records.clear();
      for (const [key, record] of staged.writes) {
        if (record) records.set(key, record);
        else records.delete(key);
      }
      if (staged.sequence !== undefined) table.sequence = staged.sequence;
      if (staged.cleared || staged.writes.size > 0) markChanged(records);
    }
    this.#staged.clear();
    this.#owner.committed(measured ? bytes : undefined);
    for (const apply of this.#onCommit) apply();
  }

  /** Checks the net change of every staged table against `limits`; returns the bytes it adds (0 unless measured). */
  #checkLimits(limits: Readonly<StoreLimits>, measured: boolean): number {
    let total = 0;
    let grown: string | undefined;
    for (const [table, staged] of this.#staged) {
      const base = table.records;
      let records = 0;
      let bytes = 0;
      if (staged.cleared) {
        records -= base.size;
        if (measured) for (const record of base.values()) bytes -= storedBytes(record);
        for (const record of staged.writes.values()) {
          if (!record) continue;
          records++;
          if (measured) bytes += storedBytes(record);
        }
      } else {
        for (const [key, record] of staged.writes) {
          const old = base.get(key);
          records += (record ? 1 : 0) - (old ? 1 : 0);
          if (measured) bytes += (record ? storedBytes(record) : 0) - (old ? storedBytes(old) : 0);
        }
      }
      checkRecords(table, records, limits);
      total += bytes;
      if (bytes > 0) grown ??= table.name;
    }
    checkBytes(this.#owner, grown ?? '', total, limits);
    return total;
  }

  /** A table's records as this transaction sees them (for the transactions opened inside it). */
  #view<K, R extends object>(table: Table<K, R>): RecordView<K, R> {
    const base = this.#parent ? this.#parent.#view(table) : table.records;
    const staged = this.#find(table);
    if (!staged) return base;
    const out = new Map<K, R>();
    if (!staged.cleared) {
      for (const [key, record] of base) {
        const write = staged.writes.get(key);
        if (write === undefined) out.set(key, record);
        else if (write) out.set(key, write);
      }
    }
    for (const [key, write] of staged.writes) if (write && !out.has(key)) out.set(key, write);
    return out;
  }

  #find<K, R extends object>(table: Table<K, R>): Staged<K, R> | undefined {
    // The staged changes of a table are filed under the table itself, so they have its key and record types.
    return this.#staged.get(table as Table<unknown, object>) as Staged<K, R> | undefined;
  }

  #stage<K, R extends object>(table: Table<K, R>): Staged<K, R> {
    let staged = this.#find(table);
    if (!staged) {
      staged = { cleared: false, writes: new Map(), sequence: undefined };
      this.#staged.set(table as Table<unknown, object>, staged as Staged<unknown, object>);
    }
    return staged;
  }
}

/**
 * Applies one write made outside any transaction: the same as committing a transaction that holds only it, without
 * staging it first (`record` null: a removal; `sequence`: the table's new next id).
 * @throws StoreLimitError as {@link Transaction.commit} (nothing is applied).
 */
export function commitWrite<K, R extends object>(
  table: Table<K, R>,
  key: K,
  record: R | null,
  sequence?: number,
): void {
  const { owner, records } = table;
  const { limits } = owner;
  const measured = Number.isFinite(limits.maxBytes);
  const old = records.get(key);
  checkRecords(table, (record ? 1 : 0) - (old ? 1 : 0), limits);
  const bytes = measured ? (record ? storedBytes(record) : 0) - (old ? storedBytes(old) : 0) : 0;
  checkBytes(owner, table.name, bytes, limits);
  if (record) records.set(key, record);
  else records.delete(key);
  if (sequence !== undefined) table.sequence = sequence;
  markChanged(records);
  owner.committed(measured ? bytes : undefined);
}

/** @throws StoreLimitError when a table growing by `growth` records would hold more than `maxRecords`. */
function checkRecords<K, R extends object>(table: Table<K, R>, growth: number, limits: Readonly<StoreLimits>): void {
  if (growth > 0 && table.records.size + growth > limits.maxRecords) {
    throw new StoreLimitError('records', table.name, limits.maxRecords);
  }
}

/** @throws StoreLimitError when `growth` more bytes would take the databases sharing the limit past `maxBytes`. */
function checkBytes(owner: TableOwner, name: string, growth: number, limits: Readonly<StoreLimits>): void {
  if (growth > 0 && owner.usedBytes() + growth > limits.maxBytes) {
    throw new StoreLimitError('bytes', name, limits.maxBytes);
  }
}
