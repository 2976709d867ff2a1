import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Json, type PlanioTestServer, parseXml, startPlanio } from './test-support.js';

let srv: PlanioTestServer;

beforeAll(async () => {
  srv = await startPlanio();
});

afterAll(async () => {
  await srv.ts.close();
});

test('GET /projects/{id}/companies lists only that project’s companies, by identifier or id, in both formats', async () => {
  const { publicMine } = srv.projects();
  const expected = srv
    .state()
    .companies.all((c) => c.project_ids.includes(publicMine.id))
    .map((c) => c.id)
    .sort((a, b) => a - b);
  expect(expected.length).toBeGreaterThan(0);
  const byIdentifier = await srv.call('GET', `/projects/${publicMine.identifier}/companies.json?limit=100`);
  expect(byIdentifier.status).toBe(200);
  const body = byIdentifier.json<{ companies: Json[]; total_count: number }>();
  expect(body.total_count).toBe(expected.length);
  expect(body.companies.map((c) => c.id as number).sort((a, b) => a - b)).toEqual(expected);
  for (const c of body.companies) expect(c.projects).toContainEqual({ id: publicMine.id, name: publicMine.name });
  const byId = await srv.call('GET', `/projects/${publicMine.id}/companies.xml?limit=100`);
  expect(byId.status).toBe(200);
  const doc = parseXml(byId.text);
  expect(doc.companies['@total_count']).toBe(String(expected.length));
  expect(doc.companies.company.map((c: Json) => Number(c.id)).sort((a: number, b: number) => a - b)).toEqual(expected);
});

test('unknown projects and companies give an empty 404 in both formats', async () => {
  for (const path of ['/projects/no-such-project/companies', '/projects/9999/companies', '/companies/9999']) {
    const json = await srv.call('GET', `${path}.json`);
    expect([json.status, json.text, json.headers.get('content-type')]).toEqual([404, '', 'application/json']);
    const xml = await srv.call('GET', `${path}.xml`);
    expect([xml.status, xml.text, xml.headers.get('content-type')]).toEqual([404, '', 'application/xml']);
  }
  expect((await srv.call('GET', '/companies/abc.json')).status).toBe(404);
});

test('no response broke the document', () => {
  expect(srv.ts.violations()).toEqual([]);
});
