import { expect, test } from 'vitest';
import { canSeeCompany } from './access.js';
import { isValidMail } from './mail.js';
import { SEEDED_COMPANY_COUNT } from './seed.js';
import { PlanioState } from './state.js';

const COUNTRIES = ['Germany', 'Austria', 'Switzerland', 'Netherlands', 'Belgium', 'France', 'Italy', 'Spain'].concat([
  'United Kingdom',
  'Ireland',
  'Denmark',
  'Sweden',
  'Poland',
  'Czechia',
  'United States',
  'Canada',
]);

const seeded = (seed: number) => {
  const state = new PlanioState({ seed, countries: COUNTRIES });
  state.reset();
  return state;
};

test('the same seed gives the same companies and contacts; another seed gives others', () => {
  expect(JSON.stringify(seeded(7).export())).toBe(JSON.stringify(seeded(7).export()));
  const names = (s: PlanioState) => s.companies.all().map((c) => c.name);
  expect(names(seeded(7))).not.toEqual(names(seeded(8)));
});

test('seeded companies are complete and realistic: addresses, countries, mails, phones, contacts', () => {
  const state = seeded(1);
  const companies = state.companies.all();
  expect(companies).toHaveLength(SEEDED_COMPANY_COUNT);
  expect(new Set(companies.map((c) => c.name)).size).toBe(SEEDED_COMPANY_COUNT);
  for (const company of companies) {
    expect(COUNTRIES).toContain(company.country);
    expect(company.address1 && company.zip && company.town).toBeTruthy();
    expect(company.mails.length).toBeGreaterThan(0);
    expect(company.mails.every(isValidMail)).toBe(true);
    expect(company.phones[0]?.kind).toBe('work');
    const contacts = state.contacts.all((c) => c.company_id === company.id);
    expect(contacts.length).toBeGreaterThanOrEqual(2);
    expect(contacts.length).toBeLessThanOrEqual(5);
    for (const contact of contacts) {
      expect(contact.firstname).not.toBe('');
      expect(contact.mails.every(isValidMail)).toBe(true);
      expect(contact.created_on >= company.created_on).toBe(true);
    }
  }
  expect(new Set(companies.map((c) => c.country)).size).toBeGreaterThan(5);
  expect(companies.some((c) => c.issue_priority_id !== null)).toBe(true);
  const customerNumber = state.customFields.find((f) => f.name === 'Customer number')?.id;
  expect(companies.some((c) => c.custom_values[String(customerNumber)] === 'K-1001')).toBe(true);
});

test('every kind of visibility exists whatever the seed', () => {
  for (const seed of [1, 2, 42]) {
    const state = seeded(seed);
    const jsmith = state.users.find((u) => u.login === 'jsmith') ?? null;
    const principal = { user: jsmith, switchedBy: null, via: 'key' as const };
    const admin = { user: state.users.find((u) => u.admin) ?? null, switchedBy: null, via: 'key' as const };
    const companies = state.companies.all();
    expect(companies.some((c) => c.project_ids.length === 0)).toBe(true);
    expect(companies.some((c) => c.project_ids.length > 1)).toBe(true);
    expect(companies.filter((c) => canSeeCompany(state, principal, c)).length).toBeGreaterThan(10);
    expect(companies.filter((c) => !canSeeCompany(state, principal, c)).length).toBeGreaterThan(3);
    expect(companies.every((c) => canSeeCompany(state, admin, c))).toBe(true);
  }
});

test('export, import and reset cover companies and contacts', () => {
  const state = seeded(3);
  const snapshot = state.export() as Record<string, { items: unknown[] }>;
  expect(snapshot.companies?.items).toHaveLength(SEEDED_COMPANY_COUNT);
  expect(snapshot.company_contacts?.items.length).toBeGreaterThan(SEEDED_COMPANY_COUNT);
  const first = state.companies.all()[0];
  if (!first) throw new Error('no company');
  state.contacts.remove(state.contacts.all()[0]?.id ?? 0);
  state.companies.update(first.id, { name: 'Changed' });
  const changed = JSON.stringify(state.export());
  state.import(snapshot);
  expect(state.companies.get(first.id)?.name).toBe(first.name);
  expect(JSON.stringify(state.export())).toBe(JSON.stringify(snapshot));
  expect(() => state.import({ companies: { items: 'x' } })).toThrow();
  expect(JSON.stringify(state.export())).toBe(JSON.stringify(snapshot));
  state.import(JSON.parse(changed));
  state.reset();
  expect(JSON.stringify(state.export())).toBe(JSON.stringify(snapshot));
});

test('deleting projects drops them from company project lists', () => {
  const state = seeded(5);
  const linked = state.companies.all((c) => c.project_ids.length > 1);
  const target = linked[0]?.project_ids[0] as number;
  state.projectsDeleted([target]);
  expect(state.companies.all((c) => c.project_ids.includes(target))).toEqual([]);
  expect(state.companies.size).toBe(SEEDED_COMPANY_COUNT);
});

test('an import checks every record: a country not in the list, a phone without a value, a missing field', () => {
  const state = seeded(3);
  const before = JSON.stringify(state.export());
  const bad = (change: (s: { companies: { items: Record<string, unknown>[] } }) => void) => {
    const snapshot = JSON.parse(before);
    change(snapshot);
    return () => state.import(snapshot);
  };
  expect(
    bad((s) => {
      (s.companies.items[1] as Record<string, unknown>).country = 'Atlantis';
    }),
  ).toThrow(/^collection "companies", record 1 \(id 2\): field "country" must be one of "Germany", "Austria"/);
  expect(
    bad((s) => {
      (s.companies.items[0] as Record<string, unknown>).phones = [{ kind: 'work' }];
    }),
  ).toThrow('collection "companies", record 0 (id 1): field "phones[0].value" is missing');
  expect(
    bad((s) => {
      delete s.companies.items[0]?.mails;
    }),
  ).toThrow('collection "companies", record 0 (id 1): field "mails" is missing');
  expect(JSON.stringify(state.export())).toBe(before);
});
