import { Database } from '../store/database.js';
import type { StoreLimits } from '../store/limits.js';
import { createRng, type Rng } from '../store/prng.js';
import { type RecordSchemas, recordCheck } from '../store/record-check.js';
import { CORE_RECORD_SCHEMAS } from './record-schemas.js';
import type {
  ActivityRecord,
  CustomFieldRecord,
  EnabledModuleRecord,
  IssueCategoryRecord,
  MembershipRecord,
  PriorityRecord,
  ProjectRecord,
  RoleRecord,
  TrackerRecord,
  UserRecord,
} from './records.js';
import { seedCore } from './seed.js';

/** Options of a Redmine-family state. */
export interface FamilyStateOptions {
  seed: number;
  /** The administrator's API key (default `c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00`). */
  adminApiKey?: string;
  /** Records per collection and bytes of records in all (`--max-records`, `--max-state-size`); default unlimited. */
  limits?: StoreLimits;
}

/**
 * The state of one Redmine-family API instance: the Redmine core collections every family API has. An API that
 * adds resources subclasses it, defines its collections on `db` in field initialisers, and overrides `seed` (calling
 * `super.seed(rng)` first):
 *
 * ```ts
 * class PlanioState extends RedmineFamilyState {
 *   readonly companies = this.db.define<CompanyRecord>('companies');
 *   protected override seed(rng: Rng): void { super.seed(rng); seedCompanies(this, rng); }
 * }
 * const state = new PlanioState(options); state.reset();
 * ```
 *
 * Construct, then call `reset()` once to seed. Export, import and rollback cover every collection of `db`.
 */
export class RedmineFamilyState {
  readonly db = new Database();
  readonly users = this.db.define<UserRecord>('users');
  readonly roles = this.db.define<RoleRecord>('roles');
  readonly memberships = this.db.define<MembershipRecord>('memberships');
  readonly projects = this.db.define<ProjectRecord>('projects');
  readonly enabledModules = this.db.define<EnabledModuleRecord>('enabled_modules');
  readonly trackers = this.db.define<TrackerRecord>('trackers');
  readonly issueCategories = this.db.define<IssueCategoryRecord>('issue_categories');
  readonly activities = this.db.define<ActivityRecord>('time_entry_activities');
  readonly priorities = this.db.define<PriorityRecord>('issue_priorities');
  readonly customFields = this.db.define<CustomFieldRecord>('custom_fields');

  constructor(readonly options: FamilyStateOptions) {
    if (options.limits) this.db.setLimits(options.limits);
  }

  /** Empties every collection and seeds it again from `options.seed`: the same seed gives the same data. */
  reset(): void {
    this.db.clear();
    this.seed(createRng(this.options.seed));
  }

  /** Seeds the data; subclasses add theirs after calling `super.seed(rng)`. */
  protected seed(rng: Rng): void {
    seedCore(this, rng);
  }

  /**
   * Called (inside the deleting transaction) with the ids of deleted projects; subclasses override it to delete
   * what belongs to those projects.
   */
  projectsDeleted(_ids: readonly number[]): void {}

  /** Snapshot of every collection. */
  export(): unknown {
    return this.db.export();
  }

  /** Schemas of the stored records by collection, checked on import; subclasses add their collections'. */
  protected recordSchemas(): RecordSchemas {
    return CORE_RECORD_SCHEMAS;
  }

  /** Replaces the state with a snapshot (all or nothing; every record checked against `recordSchemas()`). */
  import(snapshot: unknown): void {
    this.db.import(snapshot, recordCheck(this.recordSchemas()));
  }

  /** Runs a multi-step write atomically: if `fn` throws, nothing it wrote stays. */
  transaction<R>(fn: () => R): R {
    return this.db.transaction(fn);
  }
}
