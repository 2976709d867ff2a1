import { type FamilyStateOptions, RedmineFamilyState } from '../../redmine-family/index.js';
import type { Rng } from '../../store/prng.js';
import type { CompanyRecord, ContactRecord } from './records.js';
import { seedPlanio } from './seed.js';

/** Options of a Planio state: the family's, plus the country names a company may have. */
export interface PlanioStateOptions extends FamilyStateOptions {
  /** Planio's country list (the document's `Country` enum). */
  countries: readonly string[];
}

/**
 * The state of the Planio API: the Redmine core of the family plus customer companies and their contacts, seeded
 * from the same seed. Export, import, reset and rollback cover the two collections like every other one.
 */
export class PlanioState extends RedmineFamilyState {
  readonly companies = this.db.define<CompanyRecord>('companies');
  readonly contacts = this.db.define<ContactRecord>('company_contacts');
  /** Country names a company's `country` must be one of. */
  readonly countries: ReadonlySet<string>;

  constructor(options: PlanioStateOptions) {
    super(options);
    this.countries = new Set(options.countries);
  }

  protected override seed(rng: Rng): void {
    super.seed(rng);
    seedPlanio(this, rng);
  }

  /** Deleted projects drop out of every company's `project_ids`; the companies themselves stay. */
  override projectsDeleted(ids: readonly number[]): void {
    for (const company of this.companies.all((c) => c.project_ids.some((id) => ids.includes(id)))) {
      this.companies.update(company.id, { project_ids: company.project_ids.filter((id) => !ids.includes(id)) });
    }
  }
}
