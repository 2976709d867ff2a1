import { type FamilyStateOptions, RedmineFamilyState } from '../../redmine-family/index.js';
import { CORE_RECORD_SCHEMAS, CUSTOM_VALUES } from '../../redmine-family/record-schemas.js';
import { field, type RecordSchemas, recordSchema } from '../../store/record-check.js';
import type { CompanyRecord, ContactRecord, Country, PhoneRecord } from './records.js';

/** Options of a Planio state: the family's, plus the country names a company may have. */
export interface PlanioStateOptions extends FamilyStateOptions {
  /** Planio's country list (the document's `Country` enum). */
  countries: readonly string[];
}

/**
 * The collections and rules of the Planio state: the Redmine core of the family plus customer companies and their
 * contacts. Export, import, reset and rollback cover the two collections like every other one. Seeding is added by
 * `PlanioState` (`state.ts`), so that the seed can fill these collections without importing the class that runs it.
 */
export class PlanioCollections extends RedmineFamilyState {
  readonly companies = this.db.define<CompanyRecord>('companies');
  readonly contacts = this.db.define<ContactRecord>('company_contacts');
  /** Country names a company's `country` must be one of. */
  readonly countries: ReadonlySet<string>;

  private readonly schemas: RecordSchemas;

  constructor(options: PlanioStateOptions) {
    super(options);
    this.countries = new Set(options.countries);
    this.schemas = planioRecordSchemas(options.countries);
  }

  /** True when `name` is one of the document's `Country` names. */
  isCountry(name: string): name is Country {
    return this.countries.has(name);
  }

  protected override recordSchemas(): RecordSchemas {
    return this.schemas;
  }

  /** Deleted projects drop out of every company's `project_ids`; the companies themselves stay. */
  override projectsDeleted(ids: readonly number[]): void {
    for (const company of this.companies.all((c) => c.project_ids.some((id) => ids.includes(id)))) {
      this.companies.update(company.id, { project_ids: company.project_ids.filter((id) => !ids.includes(id)) });
    }
  }
}

const { string, id, timestamp, nullable, array, oneOf } = field;
const PHONE = recordSchema<PhoneRecord>({ kind: string, value: string });

/**
 * Schemas of a Planio state's records: the Redmine core's, companies (whose `country` is one of the document's
 * `Country` names, or null) and company contacts.
 */
export function planioRecordSchemas(countries: readonly string[]): RecordSchemas {
  return {
    ...CORE_RECORD_SCHEMAS,
    companies: recordSchema<CompanyRecord>({
      id,
      name: string,
      address1: nullable(string),
      address2: nullable(string),
      zip: nullable(string),
      town: nullable(string),
      state: nullable(string),
      country: oneOf(...countries, null),
      mails: array(string),
      phones: array(PHONE),
      issue_priority_id: nullable(id),
      project_ids: array(id),
      custom_values: CUSTOM_VALUES,
      created_on: timestamp,
      updated_on: timestamp,
    }),
    company_contacts: recordSchema<ContactRecord>({
      id,
      company_id: id,
      firstname: string,
      lastname: nullable(string),
      gender: nullable(field.boolean),
      mails: array(string),
      phones: array(PHONE),
      custom_values: CUSTOM_VALUES,
      created_on: timestamp,
      updated_on: timestamp,
    }),
  };
}
