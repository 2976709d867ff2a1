import { type CustomValues, formatTimestamp } from '../../redmine-family/index.js';
import type { Rng } from '../../store/prng.js';
import type { PlanioCollections } from './collections.js';
import { mailLocalPart } from './mail.js';
import type { PhoneRecord } from './records.js';
import { type PlanioFieldIds, seedPlanioFields } from './seed-fields.js';
import { LOCALES, type Locale } from './seed-locales.js';
import { COMPANY_POOL, POSITIONS, type PoolCompany } from './seed-pool.js';

const DAY = 86_400_000;
/** Seeded companies are created from here on, a few weeks after the seeded projects. */
const EPOCH = Date.UTC(2024, 1, 5, 8, 0, 0);
/** Number of seeded companies (out of the pool). */
export const SEEDED_COMPANY_COUNT = 36;

/**
 * Project links of the seeded companies, by index into the seeded projects (see the family seed: 0 public with
 * jsmith as Manager, 1 public, 2 private with jsmith as Developer, 3 private without jsmith, 4 public subproject of
 * 0, 5 public and closed). Cycled over the companies, so every kind of visibility exists whatever the seed:
 * companies only in a private project jsmith cannot see, companies in no project (administrators only), and
 * companies shared between projects.
 */
const PROJECT_LINKS: readonly (readonly number[])[] = [
  [0],
  [1],
  [2],
  [3],
  [0, 1],
  [],
  [4],
  [2, 3],
  [1, 5],
  [3],
  [0, 2],
  [1],
];

/**
 * Seeds Planio's custom fields, then customer companies (addresses, mails, phones, priorities, project links and
 * custom values) with two to five contacts each. The same seed gives the same data.
 */
export function seedPlanio(state: PlanioCollections, rng: Rng): void {
  const fields = seedPlanioFields(state);
  const projectIds = state.projects.all().map((p) => p.id);
  const priorities = state.priorities.all().map((p) => p.id);
  const pool = shuffled(COMPANY_POOL, rng).slice(0, SEEDED_COMPANY_COUNT);
  pool.forEach((entry, i) => {
    const links = (PROJECT_LINKS[i % PROJECT_LINKS.length] ?? []).map((n) => projectIds[n]);
    seedCompany(state, rng, fields, entry, i, {
      projectIds: links.filter((id): id is number => id !== undefined),
      priorityId: rng.chance(0.7) ? rng.pick(priorities) : null,
    });
  });
}

function seedCompany(
  state: PlanioCollections,
  rng: Rng,
  fields: PlanioFieldIds,
  [name, localeKey, industry, domain]: PoolCompany,
  index: number,
  links: { projectIds: number[]; priorityId: number | null },
): void {
  const locale: Locale = LOCALES[localeKey];
  const [town, zip, region, area] = rng.pick(locale.cities);
  const street = rng.pick(locale.streets);
  const number = String(rng.int(1, 120));
  const created = EPOCH + index * 2 * DAY + rng.int(0, 9 * 3600) * 1000;
  const updated = rng.chance(0.4) ? created + rng.int(1, 60) * DAY : created;
  const mailboxes = shuffled(locale.mailboxes, rng).slice(0, rng.int(1, Math.min(2, locale.mailboxes.length)));
  const phones: PhoneRecord[] = [{ kind: 'work', value: phoneNumber(locale, area, rng) }];
  if (rng.chance(0.5)) phones.push({ kind: 'work_fax', value: phoneNumber(locale, area, rng) });
  const custom: CustomValues = {
    [fields.customerNumber]: `K-${1001 + index}`,
    [fields.industry]: industry,
    [fields.keyAccount]: rng.chance(0.25) ? '1' : '0',
    [fields.creditLimit]: rng.chance(0.6) ? String(rng.int(1, 20) * 2500) : null,
  };
  const company = state.companies.insert({
    name,
    address1: locale.numberFirst ? `${number} ${street}` : `${street} ${number}`,
    address2: rng.chance(0.15) ? rng.pick(['Aufgang B', '2nd Floor', 'Suite 200', 'Gebäude 3']) : null,
    zip,
    town,
    state: region,
    country: locale.country,
    mails: mailboxes.map((box) => `${box}@${domain}`),
    phones,
    issue_priority_id: links.priorityId,
    project_ids: links.projectIds,
    custom_values: custom,
    created_on: formatTimestamp(created),
    updated_on: formatTimestamp(updated),
  });
  const count = rng.int(2, 5);
  for (let n = 0; n < count; n++) {
    seedContact(state, rng, fields, locale, company.id, domain, area, created + (n + 1) * 3600_000);
  }
}

function seedContact(
  state: PlanioCollections,
  rng: Rng,
  fields: PlanioFieldIds,
  locale: Locale,
  companyId: number,
  domain: string,
  area: string,
  createdAt: number,
): void {
  const male = rng.chance(0.5);
  const firstname = rng.pick(male ? locale.male : locale.female);
  const lastname = rng.pick(locale.last);
  const phones: PhoneRecord[] = [{ kind: 'work', value: phoneNumber(locale, area, rng) }];
  if (rng.chance(0.4)) phones.push({ kind: 'mobile', value: phoneNumber(locale, area, rng) });
  const created = formatTimestamp(createdAt);
  state.contacts.insert({
    company_id: companyId,
    firstname,
    lastname: rng.chance(0.05) ? null : lastname,
    gender: rng.chance(0.1) ? null : male,
    mails: [`${mailLocalPart(`${firstname}.${lastname}`)}@${domain}`],
    phones,
    custom_values: {
      [fields.position]: rng.chance(0.8) ? rng.pick(POSITIONS) : null,
      [fields.language]: rng.chance(0.9) ? locale.language : 'English',
    },
    created_on: created,
    updated_on: created,
  });
}

/** A phone number from the locale's pattern: `{a}` becomes the area code, each `#` a random digit. */
function phoneNumber(locale: Locale, area: string, rng: Rng): string {
  return locale.phone.replace('{a}', area).replace(/#/g, () => String(rng.int(0, 9)));
}

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
