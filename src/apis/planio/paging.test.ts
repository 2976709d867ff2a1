import { afterAll, beforeAll, expect, test } from 'vitest';
import { SEEDED_COMPANY_COUNT } from './seed.js';
import { type Json, type PlanioTestServer, parseXml, startPlanio } from './test-support.js';

let srv: PlanioTestServer;

beforeAll(async () => {
  srv = await startPlanio();
});

afterAll(async () => {
  await srv.ts.close();
});

type Page = { companies: Json[]; total_count?: number; offset?: number; limit?: number };

const page = async (query: string, headers?: Record<string, string>) => {
  const res = await srv.call('GET', `/companies.json${query}`, { headers });
  expect(res.status).toBe(200);
  return res.json<Page>();
};

test('limit=0 falls back to 25 and limit=1000 is capped at 100', async () => {
  const zero = await page('?limit=0');
  expect([zero.limit, zero.companies.length]).toEqual([25, 25]);
  const big = await page('?limit=1000');
  expect([big.limit, big.companies.length, big.total_count]).toEqual([100, SEEDED_COMPANY_COUNT, SEEDED_COMPANY_COUNT]);
  const junk = await page('?limit=abc&offset=-5');
  expect([junk.limit, junk.offset]).toEqual([25, 0]);
});

test('offset and page select the same slices of the full list', async () => {
  const all = (await page('?limit=100')).companies.map((c) => c.id);
  const byOffset = await page('?offset=10&limit=10');
  expect(byOffset.offset).toBe(10);
  expect(byOffset.companies.map((c) => c.id)).toEqual(all.slice(10, 20));
  const byPage = await page('?page=2&limit=10');
  expect(byPage.offset).toBe(10);
  expect(byPage.companies.map((c) => c.id)).toEqual(all.slice(10, 20));
  const offsetWins = await page('?page=3&offset=5&limit=5');
  expect(offsetWins.companies.map((c) => c.id)).toEqual(all.slice(5, 10));
});

test('an offset past the end gives an empty page with the real total, in JSON and XML', async () => {
  expect(await page('?offset=500')).toEqual({
    companies: [],
    total_count: SEEDED_COMPANY_COUNT,
    offset: 500,
    limit: 25,
  });
  const xml = await srv.call('GET', '/companies.xml?offset=500');
  expect(xml.text).toBe(
    `<?xml version="1.0" encoding="UTF-8"?><companies total_count="${SEEDED_COMPANY_COUNT}" offset="500" limit="25" type="array"></companies>`,
  );
});

test('nometa and X-Redmine-Nometa drop the meta fields in JSON and XML', async () => {
  const param = await page('?nometa=1&limit=2');
  expect(Object.keys(param)).toEqual(['companies']);
  expect(param.companies).toHaveLength(2);
  const header = await page('?limit=2', { 'x-redmine-nometa': '1' });
  expect(Object.keys(header)).toEqual(['companies']);
  const xml = await srv.call('GET', '/companies.xml?limit=1', { headers: { 'x-redmine-nometa': '1' } });
  expect(xml.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><companies type="array"><company>/);
  const blank = await page('?nometa=&limit=2');
  expect(blank.total_count).toBe(SEEDED_COMPANY_COUNT);
});

test('project companies and contacts are paged the same way', async () => {
  const { publicMine } = srv.projects();
  const total = srv.state().companies.all((c) => c.project_ids.includes(publicMine.id)).length;
  const res = await srv.call('GET', `/projects/${publicMine.id}/companies.json?limit=1&offset=1`);
  const body = res.json<Page>();
  expect([body.total_count, body.offset, body.limit, body.companies.length]).toEqual([total, 1, 1, 1]);
  const nometa = await srv.call('GET', `/projects/${publicMine.id}/companies.xml?nometa=1`);
  expect(nometa.text).toMatch(/<companies type="array">/);

  const company = srv.state().companies.all()[0];
  const contacts = srv.state().contacts.all((c) => c.company_id === company?.id);
  const first = await srv.call('GET', `/companies/${company?.id}/contacts.json?limit=1`);
  const second = await srv.call('GET', `/companies/${company?.id}/contacts.json?page=2&limit=1`);
  expect(first.json<{ contacts: Json[] }>().contacts.map((c) => c.id)).toEqual([contacts[0]?.id]);
  expect(second.json<{ contacts: Json[]; offset: number }>()).toMatchObject({
    offset: 1,
    total_count: contacts.length,
  });
  expect(second.json<{ contacts: Json[] }>().contacts.map((c) => c.id)).toEqual([contacts[1]?.id]);
  const past = parseXml((await srv.call('GET', `/companies/${company?.id}/contacts.xml?offset=99`)).text);
  expect(past.contacts['@total_count']).toBe(String(contacts.length));
  const bare = await srv.call('GET', `/companies/${company?.id}/contacts.json`, {
    headers: { 'x-redmine-nometa': 'yes' },
  });
  expect(Object.keys(bare.json())).toEqual(['contacts']);
});

test('no response broke the document', () => {
  expect(srv.ts.violations()).toEqual([]);
});
