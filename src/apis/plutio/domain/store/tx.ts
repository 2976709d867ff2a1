import { StoreLimitError } from '../../../../store/limits.js';
import type { Table, Transaction } from '../../../../store/table.js';
import { notFound, PlutioError } from '../errors.js';
import { IdGenerator } from '../ids.js';
import type { JsonObject } from '../json.js';
import type { CollectionName } from '../resources.js';
import { storeOf, type WorkspaceData, type WorkspaceStore, type WorkspaceUsage } from './state.js';

/**
 * A write in progress: a store transaction over the workspace's tables (see `Transaction`). Every change is staged
 * and only {@link commit} applies them, so an operation that throws half-way leaves the workspace (records, id
 * sequence and counters) exactly as it was. Reads through the transaction see the staged changes. Staged records
 * must be fresh objects: stored records are never mutated.
 */
export class Tx {
  readonly now: string;
  readonly #data: WorkspaceData;
  readonly #store: WorkspaceStore;
  readonly #txn: Transaction;
  readonly #ids: IdGenerator;
  readonly #counters: Record<string, number>;

  /** @param usage the limits the changes must keep to (`--max-records`, `--max-state-size`); none when omitted. */
  constructor(
    data: WorkspaceData,
    now: Date,
    readonly actorId: string,
    usage?: WorkspaceUsage,
  ) {
    this.#data = data;
    this.#store = storeOf(data, usage);
    this.#txn = this.#store.db.begin();
    this.now = now.toISOString();
    this.#ids = new IdGenerator(data.ids);
    this.#counters = { ...data.counters };
    this.#txn.onCommit(() => {
      data.ids = this.#ids.state;
      data.counters = this.#counters;
    });
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
    return this.#txn.get(this.#table(collection), id);
  }

  /** Like {@link get}, but throws a 404 when the record does not exist. */
  require(collection: CollectionName, id: string): JsonObject {
    const record = this.get(collection, id);
    if (!record) throw notFound(collection, id);
    return record;
  }

  /** Every record of a collection as this transaction sees it, in insertion order. */
  all(collection: CollectionName): JsonObject[] {
    return this.#txn.all(this.#table(collection));
  }

  /** The records of a collection for which `test` holds. */
  where(collection: CollectionName, test: (record: JsonObject) => boolean): JsonObject[] {
    return this.all(collection).filter(test);
  }

  /** Stages a record (insert or replace). */
  put(collection: CollectionName, record: JsonObject): void {
    this.#txn.put(this.#table(collection), record._id as string, record);
  }

  /** Stages a removal. */
  delete(collection: CollectionName, id: string): void {
    this.#txn.delete(this.#table(collection), id);
  }

  /**
   * Applies every staged change, the id sequence and the counters. Cannot fail part-way: the limits are checked
   * before anything is applied.
   * @throws PlutioError 400 `People cannot hold more than 10000 records (--max-records).`, or the bytes message,
   *   when the changes would break a limit of the workspace's usage (nothing is applied).
   */
  commit(): void {
    try {
      this.#txn.commit();
    } catch (err) {
      if (err instanceof StoreLimitError) throw new PlutioError(400, `${err.message}.`, 'limit_reached');
      throw err;
    }
  }

  #table(collection: CollectionName): Table<string, JsonObject> {
    const table = this.#store.tables.get(collection);
    if (!table) throw new Error(`unknown collection ${collection}`);
    return table;
  }
}
