import { Database } from '../store/database.js';
import type { StoreLimits } from '../store/limits.js';
import { createRng, type Rng } from '../store/prng.js';
import { type RecordSchemas, recordCheck } from '../store/record-check.js';
import { CORE_RECORD_SCHEMAS } from './record-schemas.js';
import type {
  ActivityRecord,
  CustomFieldRecord,
  DocumentCategoryRecord,
  EnabledModuleRecord,
  IssueCategoryRecord,
  IssueStatusRecord,
  MembershipRecord,
  PriorityRecord,
  ProjectRecord,
  RoleRecord,
  TrackerRecord,
  UserRecord,
} from './records.js';
import type { VersionRecord } from './version-records.js';

/** Options of a Redmine-family state. */
export interface FamilyStateOptions {
  seed: number;
  /** The administrator's API key (default `c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00`). */
  adminApiKey?: string;
  /** Records per collection and bytes of records in all (`--max-records`, `--max-state-size`); default unlimited. */
  limits?: StoreLimits;
}

/**
 * The collections of one Redmine-family API instance, the Redmine core every family API has; reset, export, import
 * and rollback cover every collection of `db`. Seeding lives a level up, in `RedmineFamilyState` (`state.ts`), so
 * that seeding code can fill these collections without importing the class that runs it. An API that adds
 * resources does the same: its collections in a subclass of `RedmineFamilyState` that its seed may import, and the
 * seed in a subclass of that one, overriding `seed` and calling `super.seed(rng)` first:
 *
 * ```ts
 * class PlanioCollections extends RedmineFamilyState {
 *   readonly companies = this.db.define<CompanyRecord>('companies');
 * }
 * class PlanioState extends PlanioCollections {
 *   protected override seed(rng: Rng): void { super.seed(rng); seedPlanio(this, rng); }
 * }
 * const state = new PlanioState(options); state.reset();
 * ```
 */
export class FamilyCollections {
  readonly db = new Database();
  readonly users = this.db.define<UserRecord>('users');
  readonly roles = this.db.define<RoleRecord>('roles');
  readonly memberships = this.db.define<MembershipRecord>('memberships');
  readonly projects = this.db.define<ProjectRecord>('projects');
  readonly enabledModules = this.db.define<EnabledModuleRecord>('enabled_modules');
  readonly trackers = this.db.define<TrackerRecord>('trackers');
  readonly issueCategories = this.db.define<IssueCategoryRecord>('issue_categories');
  readonly versions = this.db.define<VersionRecord>('versions');
  readonly activities = this.db.define<ActivityRecord>('time_entry_activities');
  readonly priorities = this.db.define<PriorityRecord>('issue_priorities');
  readonly customFields = this.db.define<CustomFieldRecord>('custom_fields');
  readonly issueStatuses = this.db.define<IssueStatusRecord>('issue_statuses');
  readonly documentCategories = this.db.define<DocumentCategoryRecord>('document_categories');

  constructor(readonly options: FamilyStateOptions) {
    if (options.limits) this.db.setLimits(options.limits);
  }

  /** Empties every collection and seeds it again from `options.seed`: the same seed gives the same data. */
  reset(): void {
    this.db.clear();
    this.seed(createRng(this.options.seed));
  }

  /** Seeds the data; nothing here (`RedmineFamilyState` seeds the core), subclasses after `super.seed(rng)`. */
  protected seed(_rng: Rng): void {}

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
