import { afterAll, beforeAll, expect, test } from 'vitest';
import { type PlutioTestServer, startPlutio } from './test-support.js';

let s: PlutioTestServer;
beforeAll(async () => {
  s = await startPlutio({ plutioRateLimit: 0 });
});
afterAll(async () => {
  expect(s.ts.violations()).toEqual([]);
  await s.close();
});

const control = (path: string, init?: RequestInit) =>
  fetch(`${s.ts.url}/__crmkit/${path}`, { headers: { 'content-type': 'application/json' }, ...init });

test('a state snapshot holds every business and puts the data back when imported; tokens stay valid', async () => {
  const snapshot = (await (await control('state?api=plutio')).json()) as { plutio: { workspaces: object } };
  expect(Object.keys(snapshot.plutio.workspaces).sort()).toEqual(['acme', 'globex']);
  const created = await s.call('POST', '/projects', { body: { name: 'Temporary' } });
  expect((await s.call('GET', `/projects?_id=${created.body._id}`)).status).toBe(200);
  const put = await control('state?api=plutio', { method: 'PUT', body: JSON.stringify(snapshot) });
  expect(put.status).toBe(204);
  expect((await s.call('GET', `/projects?_id=${created.body._id}`)).status).toBe(404);
});

test('a malformed snapshot is refused and changes nothing', async () => {
  const before = await (await control('state?api=plutio')).text();
  const put = await control('state?api=plutio', {
    method: 'PUT',
    body: JSON.stringify({ plutio: { version: 1, workspaces: { initech: {} } } }),
  });
  expect(put.status).toBe(400);
  expect(await (await control('state?api=plutio')).text()).toBe(before);
});

test('every record of every workspace is checked against the document: the 400 names workspace, collection, record and field', async () => {
  const before = await (await control('state?api=plutio')).text();
  const cases: [string, (r: Record<string, unknown>) => void, string][] = [
    ['people', (r) => Object.assign(r, { name: 'Ada Lovelace' }), 'field "name" must be object'],
    ['tasks', (r) => Object.assign(r, { createdAt: 'yesterday' }), 'field "createdAt" must match format "date-time"'],
    ['trash-bin', (r) => Object.assign(r, { _id: 5 }), 'field "_id" must be string'],
    ['invoices', (r) => delete r.businessId, 'field "businessId" is missing'],
  ];
  for (const [collection, change, problem] of cases) {
    const snapshot = JSON.parse(before) as {
      plutio: { workspaces: Record<string, { collections: Record<string, Record<string, unknown>[]> }> };
    };
    const record = snapshot.plutio.workspaces.globex?.collections[collection]?.[0];
    if (!record) throw new Error(`globex has no ${collection}`);
    const id = record._id;
    change(record);
    const put = await control('state?api=plutio', { method: 'PUT', body: JSON.stringify(snapshot) });
    expect(put.status, collection).toBe(400);
    const { error } = (await put.json()) as { error: { message: string } };
    const named = typeof record._id === 'string' ? ` (_id ${id})` : '';
    expect(error.message).toBe(`workspace "globex", collection "${collection}", record 0${named}: ${problem}`);
  }
  expect(await (await control('state?api=plutio')).text()).toBe(before);
});

test('a reset brings back the seed', async () => {
  const seeded = (await s.call('GET', '/projects?limit=1000')).body.length;
  await s.call('POST', '/projects', { body: { name: 'Gone after reset' } });
  expect((await s.call('GET', '/projects?limit=1000')).body).toHaveLength(seeded + 1);
  expect((await control('reset?api=plutio', { method: 'POST' })).status).toBe(204);
  expect((await s.call('GET', '/projects?limit=1000')).body).toHaveLength(seeded);
});

test('the start-up lines name the token call, both applications and the limits', () => {
  const lines = s.ts.server.modules[0]?.startupInfo() ?? [];
  expect(lines[0]).toMatch(/^token: {2}POST .*\/oauth\/token \(form: client_id, client_secret/);
  expect(lines).toContain('client: crmkit-client / crmkit-secret, Business: acme');
  expect(lines).toContain('client: globex-client / globex-secret, Business: globex');
  expect(lines.at(-1)).toBe('limits: no rate limit, tokens last 3600 s');
});
