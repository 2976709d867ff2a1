import { notFound } from './errors.js';
import { cloneJson, type JsonObject } from './json.js';
import { assertOperation, requireId } from './ops/common.js';
import { copyRecord } from './ops/copy.js';
import { createRecord } from './ops/create.js';
import { listRecords } from './ops/list.js';
import { moveRecord } from './ops/move.js';
import { removeRecord } from './ops/remove.js';
import { updateRecord } from './ops/update.js';
import type { QueryParams } from './query.js';
import {
  fromSnapshot,
  storeOf,
  toSnapshot,
  type WorkspaceData,
  type WorkspaceSnapshot,
  type WorkspaceUsage,
} from './store/state.js';
import { Tx } from './store/tx.js';

/** Who performs a write: a user id, or anything carrying one (such as an API app). */
export type Actor = string | { userId: string };

/** Construction options of a {@link Workspace}. */
export interface WorkspaceOptions {
  /** Current time for audit fields; `() => new Date()` by default. */
  clock?: () => Date;
  /** Rebuilds the seeded state for {@link Workspace.reset}. */
  reseed: () => WorkspaceData;
  /** The limits every write must keep to (`--max-records`, `--max-state-size`); unlimited when omitted. */
  usage?: WorkspaceUsage;
}

/**
 * The data of one Plutio business (the `Business` header) and every operation of the v1.8 API on it. Each write
 * runs in a transaction: it validates and stages everything, then applies it at once, so a failed write changes
 * nothing (records, id sequence, counters). Reads and write results are copies; callers may keep or change them
 * ({@link Workspace.readShared} excepted).
 */
export class Workspace {
  #data: WorkspaceData;
  readonly #clock: () => Date;
  readonly #reseed: () => WorkspaceData;
  readonly #usage: WorkspaceUsage | undefined;

  constructor(data: WorkspaceData, options: WorkspaceOptions) {
    this.#data = data;
    this.#clock = options.clock ?? (() => new Date());
    this.#reseed = options.reseed;
    this.#usage = options.usage;
  }

  /** Bytes of JSON the records of this business take. */
  get bytes(): number {
    return storeOf(this.#data, this.#usage).db.storedBytes();
  }

  /** The business slug, e.g. `acme`. */
  get business(): string {
    return this.#data.business;
  }

  /** `_id` of the business record; `businessId` of every record. */
  get businessId(): string {
    return this.#data.businessId;
  }

  /** The owner's user id, the actor of writes that name none. */
  get ownerUserId(): string {
    return this.#data.ownerUserId;
  }

  /** `GET /{resource}` (see `listRecords`): filters, `q`, `skip`, `limit`. */
  list(collection: string, params: QueryParams = {}): JsonObject[] {
    return listRecords(this.#data, collection, params);
  }

  /**
   * `GET /{resource}` as the real API answers it: with an `_id` parameter, the one matching record (after the other
   * filters and `q`) as an object, or a 404; otherwise the list.
   * @see docs/sources.md#plutio-read-one — with `_id` given the API answers one object, not an array.
   * @throws PlutioError 404 when `_id` is given and nothing matches; as {@link list} otherwise.
   */
  read(collection: string, params: QueryParams = {}): JsonObject | JsonObject[] {
    return this.#read(collection, params, false);
  }

  /**
   * {@link read} without the copies: the stored records themselves, deep-frozen, valid as they are now (a later
   * write stores new objects and leaves these alone). For callers that only serialise the answer, such as the HTTP
   * layer; changing them throws a `TypeError`.
   */
  readShared(collection: string, params: QueryParams = {}): Readonly<JsonObject> | ReadonlyArray<Readonly<JsonObject>> {
    return this.#read(collection, params, true);
  }

  #read(collection: string, params: QueryParams, shared: boolean): JsonObject | JsonObject[] {
    const records = listRecords(this.#data, collection, params, shared);
    if (params._id === undefined) return records;
    const [record] = records;
    if (!record) throw notFound(collection, String([params._id].flat()[0]));
    return record;
  }

  /**
   * One record by `_id`, as a copy.
   * @throws PlutioError 404 when there is none, 403 when the resource cannot be read.
   */
  get(collection: string, id: string): JsonObject {
    assertOperation(collection, 'read');
    const record = this.#data.collections.get(collection)?.get(requireId(id));
    if (!record) throw notFound(collection, id);
    return cloneJson(record);
  }

  /** Number of records in a collection (any collection, readable or not). */
  count(collection: string): number {
    return this.#data.collections.get(collection as never)?.size ?? 0;
  }

  /** `POST /{resource}` (see `createRecord`). */
  create(collection: string, input: unknown, actor?: Actor): JsonObject {
    return this.#write(actor, (tx) => createRecord(tx, collection, input));
  }

  /** `PUT /{resource}` (see `updateRecord`). */
  update(collection: string, input: unknown, actor?: Actor): JsonObject {
    return this.#write(actor, (tx) => updateRecord(tx, collection, input));
  }

  /** `DELETE /{resource}` (see `removeRecord`); `input` is the body `{_id}` or the id. */
  remove(collection: string, input: unknown, actor?: Actor): JsonObject {
    return this.#write(actor, (tx) => removeRecord(tx, collection, input));
  }

  /** `POST /{resource}/move` (see `moveRecord`). */
  move(collection: string, input: unknown, actor?: Actor): JsonObject {
    return this.#write(actor, (tx) => moveRecord(tx, collection, input));
  }

  /** `POST /{resource}/copy` (see `copyRecord`). */
  copy(collection: string, input: unknown, actor?: Actor): JsonObject {
    return this.#write(actor, (tx) => copyRecord(tx, collection, input));
  }

  /** `GET /trash-bin`. */
  listTrash(params: QueryParams = {}): JsonObject[] {
    return this.list('trash-bin', params);
  }

  /** `DELETE /trash-bin {_id}`: purges one entry for good. */
  purgeTrash(input: unknown, actor?: Actor): JsonObject {
    return this.remove('trash-bin', input, actor);
  }

  /** The whole state as JSON (a deep copy), for snapshots. */
  exportState(): WorkspaceSnapshot {
    return cloneJson(toSnapshot(this.#data));
  }

  /**
   * Replaces the state with a snapshot from {@link exportState}.
   * @throws Error when the snapshot is malformed or belongs to another business.
   */
  importState(snapshot: unknown): void {
    const data = fromSnapshot(cloneJson(snapshot));
    if (data.business !== this.#data.business) {
      throw new Error(`snapshot of business ${data.business} cannot be imported into ${this.#data.business}`);
    }
    this.#data = data;
  }

  /** Back to the seeded state. */
  reset(): void {
    this.#data = this.#reseed();
  }

  #write(actor: Actor | undefined, op: (tx: Tx) => JsonObject): JsonObject {
    const actorId = actor === undefined ? this.#data.ownerUserId : typeof actor === 'string' ? actor : actor.userId;
    const tx = new Tx(this.#data, this.#clock(), actorId, this.#usage);
    const result = op(tx);
    tx.commit();
    return cloneJson(result);
  }
}
