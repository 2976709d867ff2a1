import { shuffled } from '../../redmine-family/seed-data.js';
import { mergeAddress } from './address.js';
import { type ContactRecord, UNSET_CONTACT_FIELDS, type Visibility } from './records.js';
import type { SeedContext } from './seed-context.js';
import {
  COMPANIES,
  COMPANY_BACKGROUNDS,
  type CompanySeed,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  MIDDLE_NAMES,
  TAGS,
} from './seed-data.js';

/** Project (by seed index) of each seeded company; a second index adds a second project. */
const COMPANY_PROJECTS: readonly (readonly number[])[] = [[0], [1], [2], [3], [0, 1], [2], [0], [4], [5], [1]];
const PEOPLE_PER_COMPANY = 3;
/**
 * Visibility of chosen people (others are project contacts): 2 and 12 are private contacts in the private project
 * jsmith develops in (2 by another member, 12 by jsmith), 20 a private contact in jsmith's managed project, 4 and 23
 * public contacts (23 in a private project jsmith is not a member of).
 */
const PERSON_VISIBILITY: Readonly<Record<number, Visibility>> = { 2: 2, 12: 2, 20: 2, 4: 1, 23: 1 };
/** Authors of chosen people, by user index (0 admin, 1 jsmith, 2 the other member). */
const PERSON_AUTHOR: Readonly<Record<number, number>> = { 2: 2, 12: 1, 20: 2 };
const CALLING_CODES: Readonly<Record<string, string>> = {
  GB: '44',
  DE: '49',
  ES: '34',
  US: '1',
  NL: '31',
  AU: '61',
  FR: '33',
  RU: '7',
  SG: '65',
  IT: '39',
  CA: '1',
  SE: '46',
};

/** Seeds ten companies and three people per company (a few without a company name), in fixed projects. */
export function seedContacts(ctx: SeedContext): void {
  const { state, rng } = ctx;
  const companies = shuffled(COMPANIES, rng.next).slice(0, COMPANY_PROJECTS.length);
  const firsts = shuffled(FIRST_NAMES, rng.next);
  const lasts = shuffled(LAST_NAMES, rng.next);
  const license = state.customFields.find((f) => f.name === 'License')?.id;
  const purchase = state.customFields.find((f) => f.name === 'Purchase date')?.id;
  const noValues = Object.fromEntries([license, purchase].filter((id) => id !== undefined).map((id) => [id, null]));
  companies.forEach((co, i) => {
    const projects = (COMPANY_PROJECTS[i] ?? [0]).map((j) => ctx.projects[j] as number);
    const customValues: Record<string, string | null> = {};
    if (license) customValues[license] = rng.pick(['Starter', 'Professional', 'Enterprise']);
    if (purchase) customValues[purchase] = rng.chance(0.6) ? ctx.date(rng.int(-400, 0)) : null;
    insert(ctx, i * 2, projects, {
      is_company: true,
      first_name: co.name,
      website: `https://${co.domain}`,
      job_title: co.business,
      background: rng.pick(COMPANY_BACKGROUNDS),
      phone: phone(ctx, co),
      email: `info@${co.domain}`,
      visibility: 0,
      avatar_attachment_id: i === 0 || i === 4 ? i + 1 : null,
      address: mergeAddress(null, {
        street1: co.street,
        city: co.city,
        postcode: co.postcode,
        region: co.region,
        country_code: co.country,
      }),
      custom_values: customValues,
    });
  });
  for (let i = 0; i < companies.length * PEOPLE_PER_COMPANY; i++) {
    const co = companies[i % companies.length] as CompanySeed;
    const projects = (COMPANY_PROJECTS[i % companies.length] ?? [0]).map((j) => ctx.projects[j] as number);
    if (i % 7 === 0 && !projects.includes(ctx.projects[1] as number)) projects.push(ctx.projects[1] as number);
    const first = firsts[i % firsts.length] as string;
    const last = lasts[(i * 7) % lasts.length] as string;
    const mailbox = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    const withCompany = i % 6 !== 5;
    const authorIndex = PERSON_AUTHOR[i];
    insert(ctx, 20 + i * 3, projects, {
      first_name: first,
      last_name: last,
      middle_name: rng.chance(0.2) ? rng.pick(MIDDLE_NAMES) : null,
      company: withCompany ? co.name : null,
      skype_name: rng.chance(0.3) ? mailbox : null,
      birthday: rng.chance(0.5) ? ctx.date(-365 * rng.int(25, 60) - rng.int(0, 364)) : null,
      job_title: rng.pick(JOB_TITLES),
      background: rng.chance(0.25) ? 'Prefers e-mail over phone calls.' : null,
      phone: rng.chance(0.8) ? [phone(ctx, co), ...(rng.chance(0.3) ? [phone(ctx, co)] : [])].join(', ') : null,
      email: withCompany ? `${mailbox}@${co.domain}` : `${mailbox}@mail.example.com`,
      visibility: PERSON_VISIBILITY[i] ?? 0,
      custom_values: noValues,
      author_id: authorIndex === undefined ? undefined : ctx.users[authorIndex],
      address: rng.chance(0.5)
        ? mergeAddress(null, {
            street1: co.street,
            street2: `Floor ${rng.int(1, 9)}`,
            city: co.city,
            postcode: co.postcode,
            country_code: co.country,
          })
        : null,
    });
  }
}

function insert(ctx: SeedContext, days: number, projectIds: number[], fields: Partial<ContactRecord>): void {
  const { rng, users } = ctx;
  const created = ctx.at(days);
  const tags = shuffled(TAGS, rng.next)
    .slice(0, rng.int(0, 3))
    .map(([name]) => name);
  ctx.state.contacts.insert({
    ...UNSET_CONTACT_FIELDS,
    assigned_to_id: rng.pick([null, ...users]),
    ...fields,
    author_id: fields.author_id ?? rng.pick([users[0], users[0], ...users]) ?? 1,
    tags,
    project_ids: projectIds,
    created_on: created,
    updated_on: rng.chance(0.5) ? created : ctx.at(days + rng.int(1, 40)),
  });
}

function phone(ctx: SeedContext, co: CompanySeed): string {
  const { rng } = ctx;
  return `+${CALLING_CODES[co.country] ?? '1'} ${rng.int(10, 99)} ${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}`;
}
