import { Prng } from '../../../../store/prng.js';
import { IdGenerator } from '../ids.js';
import type { JsonObject } from '../json.js';
import { type FieldsOf, type RecordOf, schemaTyped } from '../records.js';
import type { CollectionName } from '../resources.js';
import { emptyCollections, type WorkspaceData } from '../store/state.js';

/** The moment seeded data is anchored to (the v1.8 era: the trash-bin changelog date). */
export const SEED_EPOCH = Date.parse('2022-09-01T09:00:00.000Z');

const DAY = 86_400_000;

/**
 * Collections whose seeded records are written field by field in the document's terms (`FieldsOf`), so that a field
 * renamed or retyped in the document fails to compile in the seed. The others carry fields the document does not
 * name (their schemas are open) and stay plain JSON objects.
 */
type TypedCollection =
  | 'people'
  | 'companies'
  | 'custom-fields'
  | 'categories'
  | 'projects'
  | 'task-boards'
  | 'task-groups'
  | 'tasks'
  | 'comments'
  | 'time-tracks';

/** What a seed step writes for a record of `C`. */
export type SeedFields<C extends CollectionName> = C extends TypedCollection ? FieldsOf<C> : JsonObject;

/**
 * Builds a seeded workspace: one deterministic random stream for choices, one id sequence (the same one the
 * workspace continues with at runtime), and methods that stamp audit fields.
 */
export class SeedContext {
  readonly prng: Prng;
  readonly ids: IdGenerator;
  readonly businessId: string;
  readonly #collections = emptyCollections();
  readonly #counters: Record<string, number> = {};

  constructor(
    readonly business: string,
    seed: number,
    readonly ownerUserId: string,
  ) {
    this.prng = Prng.fromSeed(`${seed}:${business}:data`);
    this.ids = new IdGenerator(`${seed}:${business}:ids`);
    this.businessId = this.ids.next();
  }

  /** An ISO date `days` from the seed epoch (negative: before), at `hour` UTC. */
  date(days: number, hour = 9): string {
    return new Date(SEED_EPOCH + days * DAY + (hour - 9) * 3_600_000).toISOString();
  }

  /** Adds a record with `_id` (unless given) and audit fields, created `ageDays` days before the epoch. */
  add<C extends CollectionName>(collection: C, fields: SeedFields<C>, ageDays = this.prng.int(1, 300)): RecordOf<C> {
    const given: JsonObject = fields;
    const createdAt = this.date(-ageDays, this.prng.int(8, 17));
    const record: JsonObject = {
      _id: given._id ?? this.ids.next(),
      ...given,
      createdAt,
      updatedAt: createdAt,
      createdBy: this.ownerUserId,
      businessId: this.businessId,
    };
    this.#collections.get(collection)?.set(record._id as string, record);
    return schemaTyped(collection, record);
  }

  /** Records added so far to a collection. */
  all<C extends CollectionName>(collection: C): RecordOf<C>[] {
    return schemaTyped(collection, [...(this.#collections.get(collection)?.values() ?? [])]);
  }

  /** Advances a counter (task numbers, invoice numbers) and returns the new value. */
  counter(name: string): number {
    this.#counters[name] = (this.#counters[name] ?? 0) + 1;
    return this.#counters[name];
  }

  /** The finished workspace data. */
  finish(): WorkspaceData {
    return {
      business: this.business,
      businessId: this.businessId,
      ownerUserId: this.ownerUserId,
      collections: this.#collections,
      ids: this.ids.state,
      counters: { ...this.#counters },
    };
  }
}
