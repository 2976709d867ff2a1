import { type FamilyStateOptions, RedmineFamilyState } from '../../redmine-family/index.js';
import { CORE_RECORD_SCHEMAS, CUSTOM_VALUES } from '../../redmine-family/record-schemas.js';
import type { Rng } from '../../store/prng.js';
import { field, type RecordSchemas, recordSchema } from '../../store/record-check.js';
import type {
  AddressRecord,
  ContactRecord,
  CrmIssueRecord,
  DealCategoryRecord,
  DealRecord,
  DealStatusRecord,
  NoteRecord,
  TagRecord,
} from './records.js';

/** Seeds the CRM collections of a state whose Redmine core is seeded already (`seedCrm` in `seed.ts`). */
export type CrmSeeder = (state: RedmineUpState, rng: Rng) => void;

/**
 * The RedmineUP state: the Redmine core of the family plus the CRM collections (contacts, tags, notes, deals, deal
 * statuses and categories, and the issues linked to contacts). Export, import, reset and rollback cover them all.
 * `reset()` seeds the core, then the CRM with the seeder the module passes in.
 */
export class RedmineUpState extends RedmineFamilyState {
  readonly contacts = this.db.define<ContactRecord>('contacts');
  readonly tags = this.db.define<TagRecord>('contact_tags');
  readonly notes = this.db.define<NoteRecord>('notes');
  readonly dealStatuses = this.db.define<DealStatusRecord>('deal_statuses');
  readonly dealCategories = this.db.define<DealCategoryRecord>('deal_categories');
  readonly deals = this.db.define<DealRecord>('deals');
  readonly issues = this.db.define<CrmIssueRecord>('contact_issues');

  constructor(
    options: FamilyStateOptions,
    private readonly seedCrm: CrmSeeder,
  ) {
    super(options);
  }

  protected override seed(rng: Rng): void {
    super.seed(rng);
    this.seedCrm(this, rng);
  }

  protected override recordSchemas(): RecordSchemas {
    return REDMINEUP_RECORD_SCHEMAS;
  }

  /**
   * Deleting projects takes their deals, deal categories and linked issues with them, unlinks contacts from them,
   * and deletes the contacts left without any project (with their notes).
   */
  override projectsDeleted(ids: readonly number[]): void {
    const gone = new Set(ids);
    for (const deal of this.deals.all((d) => gone.has(d.project_id))) this.removeDeal(deal.id);
    for (const c of this.dealCategories.all((x) => gone.has(x.project_id))) this.dealCategories.remove(c.id);
    for (const issue of this.issues.all((i) => gone.has(i.project_id))) this.issues.remove(issue.id);
    for (const contact of this.contacts.all((c) => c.project_ids.some((id) => gone.has(id)))) {
      const remaining = contact.project_ids.filter((id) => !gone.has(id));
      if (remaining.length === 0) this.removeContact(contact.id);
      else this.contacts.update(contact.id, { project_ids: remaining });
    }
  }

  /** Deletes a contact with its notes and unlinks it from deals and issues (call inside a transaction). */
  removeContact(id: number): void {
    this.contacts.remove(id);
    this.removeNotesOf('Contact', id);
    for (const deal of this.deals.all((d) => d.contact_id === id || d.related_contact_ids.includes(id))) {
      this.deals.update(deal.id, {
        contact_id: deal.contact_id === id ? null : deal.contact_id,
        related_contact_ids: deal.related_contact_ids.filter((c) => c !== id),
      });
    }
    for (const issue of this.issues.all((i) => i.contact_ids.includes(id))) {
      this.issues.update(issue.id, { contact_ids: issue.contact_ids.filter((c) => c !== id) });
    }
  }

  /** Deletes a deal with its notes (call inside a transaction). */
  removeDeal(id: number): void {
    this.deals.remove(id);
    this.removeNotesOf('Deal', id);
  }

  private removeNotesOf(type: NoteRecord['source_type'], id: number): void {
    for (const note of this.notes.all((n) => n.source_type === type && n.source_id === id)) this.notes.remove(note.id);
  }
}

const { string, integer, boolean, id, timestamp, date, nullable, array, oneOf } = field;
const nstring = nullable(string);
const COLOR = nullable({ type: 'integer', minimum: 0, maximum: 0xffffff });

/** Schemas of a RedmineUP state's records: the Redmine core's and the CRM plugin's (`records.ts`). */
export const REDMINEUP_RECORD_SCHEMAS: RecordSchemas = {
  ...CORE_RECORD_SCHEMAS,
  contacts: recordSchema<ContactRecord>({
    id,
    is_company: boolean,
    first_name: string,
    last_name: nstring,
    middle_name: nstring,
    company: nstring,
    website: nstring,
    skype_name: nstring,
    birthday: nullable(date),
    job_title: nstring,
    background: nstring,
    phone: nstring,
    email: nstring,
    visibility: oneOf(0, 1, 2),
    author_id: id,
    assigned_to_id: nullable(id),
    avatar_attachment_id: nullable(id),
    address: nullable(
      recordSchema<AddressRecord>({
        street1: nstring,
        street2: nstring,
        city: nstring,
        region: nstring,
        postcode: nstring,
        country_code: nstring,
        full_address: nstring,
      }),
    ),
    tags: array(string),
    project_ids: { ...array(id), minItems: 1 },
    custom_values: CUSTOM_VALUES,
    created_on: timestamp,
    updated_on: timestamp,
  }),
  contact_tags: recordSchema<TagRecord>({ id, name: string, color: COLOR }),
  notes: recordSchema<NoteRecord>({
    id,
    source_type: oneOf('Contact', 'Deal'),
    source_id: id,
    subject: nstring,
    content: string,
    type_id: oneOf(0, 1, 2, null),
    author_id: id,
    custom_values: CUSTOM_VALUES,
    created_on: timestamp,
    updated_on: timestamp,
  }),
  deal_statuses: recordSchema<DealStatusRecord>({
    id,
    name: string,
    position: integer,
    is_default: boolean,
    status_type: oneOf(0, 1, 2),
    color: COLOR,
  }),
  deal_categories: recordSchema<DealCategoryRecord>({ id, project_id: id, name: string }),
  deals: recordSchema<DealRecord>({
    id,
    project_id: id,
    name: string,
    price: nullable({ type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' }),
    currency: nstring,
    price_type: nullable(integer),
    duration: nullable(integer),
    probability: nullable(integer),
    due_date: nullable(date),
    background: nstring,
    status_id: id,
    category_id: nullable(id),
    author_id: id,
    assigned_to_id: nullable(id),
    contact_id: nullable(id),
    related_contact_ids: array(id),
    custom_values: CUSTOM_VALUES,
    created_on: timestamp,
    updated_on: timestamp,
  }),
  contact_issues: recordSchema<CrmIssueRecord>({
    id,
    project_id: id,
    subject: string,
    status: recordSchema<CrmIssueRecord['status']>({ id, name: string }),
    due_date: nullable(date),
    contact_ids: array(id),
    created_on: timestamp,
    updated_on: timestamp,
  }),
};
