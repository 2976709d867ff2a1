import { CUSTOM_FIELD_DEFAULTS } from '../../redmine-family/index.js';
import type { Rng } from '../../store/prng.js';
import { grantCrmPermissions } from './permissions.js';
import { seedDeals, seedIssues, seedNotes } from './seed-activity.js';
import { seedContacts } from './seed-contacts.js';
import { seedContext } from './seed-context.js';
import { TAGS } from './seed-data.js';
import type { RedmineUpState } from './state.js';

/**
 * Seeds the CRM on top of the Redmine core: CRM permissions on the roles, contact / deal / note custom fields,
 * deal statuses (open, won, lost), tags, deal categories, then companies and people, deals, notes and linked
 * issues. The layout is fixed; names, values and dates vary with the seed.
 */
export function seedCrm(state: RedmineUpState, rng: Rng): void {
  grantCrmPermissions(state);
  const ctx = seedContext(state, rng);
  seedCustomFields(state);
  const statuses: [string, 0 | 1 | 2, number | null][] = [
    ['Pending', 0, 0xaaaaaa],
    ['Qualified', 0, 0x3366cc],
    ['Proposal', 0, 0xffcc00],
    ['Won', 1, 0x00ff00],
    ['Lost', 2, 0xff0000],
  ];
  statuses.forEach(([name, status_type, color], i) => {
    state.dealStatuses.insert({ name, position: i + 1, is_default: i === 0, status_type, color });
  });
  for (const [name, color] of TAGS) state.tags.insert({ name, color });
  for (const project of ctx.projects.slice(0, 4)) {
    for (const name of ['Hardware', 'Software', 'Services']) state.dealCategories.insert({ project_id: project, name });
  }
  seedContacts(ctx);
  seedDeals(ctx);
  seedNotes(ctx);
  seedIssues(ctx);
}

function seedCustomFields(state: RedmineUpState): void {
  const base = { ...CUSTOM_FIELD_DEFAULTS, is_filter: true };
  state.customFields.insert({
    ...base,
    name: 'License',
    customized_type: 'contact',
    field_format: 'list',
    possible_values: ['Starter', 'Professional', 'Enterprise'],
  });
  state.customFields.insert({ ...base, name: 'Purchase date', customized_type: 'contact', field_format: 'date' });
  state.customFields.insert({ ...base, name: 'Contract no.', customized_type: 'deal', field_format: 'string' });
  state.customFields.insert({ ...base, name: 'Outcome', customized_type: 'contact_note', field_format: 'string' });
}
