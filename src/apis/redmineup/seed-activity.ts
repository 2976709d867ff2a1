import { decimalText } from './input-values.js';
import type { NoteType } from './records.js';
import type { SeedContext } from './seed-context.js';
import { CURRENCIES, DEAL_TOPICS, ISSUE_STATUSES, ISSUE_SUBJECTS, NOTE_SUBJECTS, NOTE_TEXTS } from './seed-data.js';

const DEALS = 18;
const NOTES = 45;
const ISSUES = 10;

/** Seeds deals on the seeded companies (in the company's first project), in every status. */
export function seedDeals(ctx: SeedContext): void {
  const { state, rng, users } = ctx;
  const companies = state.contacts.all((c) => c.is_company);
  const statuses = state.dealStatuses.all();
  const contractNo = state.customFields.find((f) => f.name === 'Contract no.')?.id;
  for (let i = 0; i < DEALS; i++) {
    const company = companies[i % companies.length];
    const status = statuses[i % statuses.length];
    if (!company || !status) continue;
    const projectId = company.project_ids[0] as number;
    const people = state.contacts.all((c) => c.company === company.first_name).map((c) => c.id);
    const main = rng.chance(0.6) || people.length === 0 ? company.id : rng.pick(people);
    const categories = state.dealCategories.all((c) => c.project_id === projectId);
    const hourly = rng.chance(0.2);
    const created = ctx.at(60 + i * 4);
    ctx.state.deals.insert({
      project_id: projectId,
      name: `${company.first_name} ${rng.pick(DEAL_TOPICS).toLowerCase()}`,
      price: decimalText(String(hourly ? rng.int(60, 180) : rng.int(10, 2500) * 100)),
      currency: rng.pick(CURRENCIES),
      price_type: hourly ? 1 : 0,
      duration: hourly ? rng.int(10, 200) : null,
      probability: status.status_type === 1 ? 100 : status.status_type === 2 ? 0 : rng.pick([10, 25, 50, 75, 90]),
      due_date: rng.chance(0.7) ? ctx.date(rng.int(60, 420)) : null,
      background: rng.chance(0.4) ? 'Budget confirmed by the customer; timing depends on their board.' : null,
      status_id: status.id,
      category_id: categories.length > 0 && rng.chance(0.6) ? rng.pick(categories).id : null,
      author_id: rng.pick(users),
      assigned_to_id: rng.pick([null, ...users]),
      contact_id: main,
      related_contact_ids: people.filter((id) => id !== main && rng.chance(0.4)),
      custom_values: contractNo
        ? { [contractNo]: rng.chance(0.5) ? `SC-2024-${String(i + 1).padStart(3, '0')}` : null }
        : {},
      created_on: created,
      updated_on: rng.chance(0.5) ? created : ctx.at(60 + i * 4 + rng.int(1, 30)),
    });
  }
}

/** Seeds notes of every type on contacts and deals; every ninth note is jsmith's. */
export function seedNotes(ctx: SeedContext): void {
  const { state, rng, users } = ctx;
  const contacts = state.contacts.all();
  const deals = state.deals.all();
  const outcome = state.customFields.find((f) => f.name === 'Outcome')?.id;
  for (let i = 0; i < NOTES; i++) {
    const onDeal = i % 3 === 2 && deals.length > 0;
    const source = onDeal ? deals[(i * 5) % deals.length] : contacts[(i * 7) % contacts.length];
    if (!source) continue;
    const type = rng.pick<NoteType>([0, 1, 2, null]);
    const created = ctx.at(100 + i * 2);
    state.notes.insert({
      source_type: onDeal ? 'Deal' : 'Contact',
      source_id: source.id,
      subject: rng.pick(NOTE_SUBJECTS),
      content: rng.pick(NOTE_TEXTS[type ?? 3] ?? ['Note.']),
      type_id: type,
      author_id: i % 9 === 0 ? (users[1] as number) : rng.pick(users),
      custom_values: outcome ? { [outcome]: rng.chance(0.3) ? 'Follow-up scheduled' : null } : {},
      created_on: created,
      updated_on: created,
    });
  }
}

/** Seeds Redmine issues linked to contacts (shown with `include=tickets`), in the contact's first project. */
export function seedIssues(ctx: SeedContext): void {
  const { state, rng } = ctx;
  const contacts = state.contacts.all();
  for (let i = 0; i < ISSUES; i++) {
    const contact = contacts[(i * 4 + 1) % contacts.length];
    if (!contact) continue;
    const created = ctx.at(120 + i * 5);
    state.issues.insert({
      project_id: contact.project_ids[0] as number,
      subject: rng.pick(ISSUE_SUBJECTS),
      status: { ...rng.pick(ISSUE_STATUSES) },
      due_date: rng.chance(0.5) ? ctx.date(150 + i * 5 + rng.int(5, 40)) : null,
      contact_ids: [contact.id],
      created_on: created,
      updated_on: ctx.at(120 + i * 5 + rng.int(1, 20)),
    });
  }
}
