import { notFound } from '../errors.js';
import { IdGenerator } from '../ids.js';
import type { JsonObject } from '../json.js';
import type { CollectionName } from '../resources.js';
import { markChanged } from './revisions.js';
import type { WorkspaceData } from './state.js';
import { addBytes, type CollectionGrowth, checkGrowth, sizeOf, type WorkspaceUsage } from './usage.js';

/**
 * A write in progress. Every change is staged and only {@link commit} applies them, so an operation that throws
 * half-way leaves the workspace (records, id sequence and counters) exactly as it was. Reads through the
 * transaction see the staged changes. Staged records must be fresh objects: stored records are never mutated.
 */
export class Tx {
  readonly now: string;
  readonly #data: WorkspaceData;
  readonly #staged = new Map<CollectionName, Map<string, JsonObject | null>>();
  readonly #ids: IdGenerator;
  readonly #counters: Record<string, number>;

  readonly #usage: WorkspaceUsage | undefined;

  /** @param usage the limits the changes must keep to (`--max-records`, `--max-state-size`); none when omitted. */
  constructor(
    data: WorkspaceData,
    now: Date,
    readonly actorId: string,
    usage?: WorkspaceUsage,
  ) {
    this.#usage = usage;
    this.#data = data;
    this.now = now.toISOString();
    this.#ids = new IdGenerator(data.ids);
    this.#counters = { ...data.counters };
  }

  /** The business this transaction writes to. */
  get businessId(): string {
    return this.#data.businessId;
  }

  /** A new record id (the sequence advances only if the transaction commits). */
  newId(): string {
    return this.#ids.next();
  }

  /** The next value of a named counter, starting at 1 (e.g. invoice numbers). */
  nextCounter(name: string): number {
    const value = (this.#counters[name] ?? 0) + 1;
    this.#counters[name] = value;
    return value;
  }

  /** A record as this transaction sees it. */
  get(collection: CollectionName, id: string): JsonObject | undefined {
    const staged = this.#staged.get(collection)?.get(id);
    if (staged !== undefined) return staged ?? undefined;
    return this.#base(collection).get(id);
  }

  /** Like {@link get}, but throws a 404 when the record does not exist. */
  require(collection: CollectionName, id: string): JsonObject {
    const record = this.get(collection, id);
    if (!record) throw notFound(collection, id);
    return record;
  }

  /** Every record of a collection as this transaction sees it, in insertion order. */
  all(collection: CollectionName): JsonObject[] {
    const staged = this.#staged.get(collection);
    const base = this.#base(collection);
    if (!staged) return [...base.values()];
    const out: JsonObject[] = [];
    for (const [id, record] of base) {
      const s = staged.get(id);
      if (s === undefined) out.push(record);
      else if (s) out.push(s);
    }
    for (const [id, s] of staged) if (s && !base.has(id)) out.push(s);
    return out;
  }

  /** The records of a collection for which `test` holds. */
  where(collection: CollectionName, test: (record: JsonObject) => boolean): JsonObject[] {
    return this.all(collection).filter(test);
  }

  /** Stages a record (insert or replace). */
  put(collection: CollectionName, record: JsonObject): void {
    this.#stage(collection).set(record._id as string, record);
  }

  /** Stages a removal. */
  delete(collection: CollectionName, id: string): void {
    this.#stage(collection).set(id, null);
  }

  /**
   * Applies every staged change and moves the revision of each changed collection. Cannot fail part-way: the limits
   * are checked before anything is applied.
   * @throws PlutioError 400 when the changes would break a limit of the workspace's usage (nothing is applied).
   */
  commit(): void {
    const usage = this.#usage;
    let bytes = 0;
    if (usage) {
      const growth = this.#growth();
      checkGrowth(growth, (name) => this.#base(name as CollectionName).size, usage);
      for (const g of growth.values()) bytes += g.bytes;
    }
    for (const [collection, changes] of this.#staged) {
      const base = this.#base(collection);
      for (const [id, record] of changes) {
        if (record) base.set(id, record);
        else base.delete(id);
      }
      if (changes.size > 0) markChanged(base);
    }
    this.#data.ids = this.#ids.state;
    this.#data.counters = this.#counters;
    if (bytes !== 0) addBytes(this.#data, bytes);
  }

  /** Records and bytes each staged collection gains (negative when it loses). */
  #growth(): Map<string, CollectionGrowth> {
    const out = new Map<string, CollectionGrowth>();
    for (const [collection, changes] of this.#staged) {
      const base = this.#base(collection);
      const g: CollectionGrowth = { records: 0, bytes: 0 };
      for (const [id, record] of changes) {
        const old = base.get(id);
        g.records += (record ? 1 : 0) - (old ? 1 : 0);
        g.bytes += (record ? sizeOf(record) : 0) - (old ? sizeOf(old) : 0);
      }
      out.set(collection, g);
    }
    return out;
  }

  #base(collection: CollectionName): Map<string, JsonObject> {
    const map = this.#data.collections.get(collection);
    if (!map) throw new Error(`unknown collection ${collection}`);
    return map;
  }

  #stage(collection: CollectionName): Map<string, JsonObject | null> {
    let map = this.#staged.get(collection);
    if (!map) {
      map = new Map();
      this.#staged.set(collection, map);
    }
    return map;
  }
}
