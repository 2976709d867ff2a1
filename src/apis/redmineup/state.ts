import { RedmineFamilyState } from '../../redmine-family/index.js';
import type { Rng } from '../../store/prng.js';
import type {
  ContactRecord,
  CrmIssueRecord,
  DealCategoryRecord,
  DealRecord,
  DealStatusRecord,
  NoteRecord,
  TagRecord,
} from './records.js';
import { seedCrm } from './seed.js';

/**
 * The RedmineUP state: the Redmine core of the family plus the CRM collections (contacts, tags, notes, deals, deal
 * statuses and categories, and the issues linked to contacts). Export, import, reset and rollback cover them all.
 */
export class RedmineUpState extends RedmineFamilyState {
  readonly contacts = this.db.define<ContactRecord>('contacts');
  readonly tags = this.db.define<TagRecord>('contact_tags');
  readonly notes = this.db.define<NoteRecord>('notes');
  readonly dealStatuses = this.db.define<DealStatusRecord>('deal_statuses');
  readonly dealCategories = this.db.define<DealCategoryRecord>('deal_categories');
  readonly deals = this.db.define<DealRecord>('deals');
  readonly issues = this.db.define<CrmIssueRecord>('contact_issues');

  protected override seed(rng: Rng): void {
    super.seed(rng);
    seedCrm(this, rng);
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
