import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createServer } from '../app/app.js';
import { startTestServer, type TestServer } from '../app/test-server.js';
import { API_IDS, type ApiId } from '../spec/load.js';
import { encodeState, readStateFile } from './state-file.js';

const dir = mkdtempSync(join(tmpdir(), 'crmkit-import-'));
const file = join(dir, 'state.json');
let t: TestServer;

type Snapshot = Record<string, unknown>;
const JSON_TYPE = { 'content-type': 'application/json' };

/** For each API: a snapshot with one record of the wrong shape, the message naming it, and a read that used to fail. */
const BROKEN: Record<ApiId, { state: () => Snapshot; message: string; read: string }> = {
  planio: {
    state: () => ({ companies: { nextId: 2, items: [{ id: 1, name: 'x' }] } }),
    message: 'collection "companies", record 0 (id 1): fields "address1", "address2", "zip", "town", "state"',
    read: '/planio/companies.json',
  },
  redmine: {
    state: () => ({
      projects: { nextId: 2, items: [{ ...project(), tracker_ids: 'all' }] },
    }),
    message: 'collection "projects", record 0 (id 1): field "tracker_ids" must be array',
    read: '/redmine/projects.json',
  },
  redmineup: {
    state: () => ({
      deals: { nextId: 9, items: [{ ...deal(), related_contact_ids: [7, 'eight'] }] },
    }),
    message: 'collection "deals", record 0 (id 7): field "related_contact_ids[1]" must be integer',
    read: '/redmineup/deals.json',
  },
  plutio: {
    state: () => {
      const snap = structuredClone(exported.plutio) as {
        workspaces: { acme: { collections: { people: Record<string, unknown>[] } } };
      };
      const people = snap.workspaces.acme.collections.people;
      people[2] = { ...people[2], contactEmails: 'anna@example.com' };
      return snap;
    },
    message: 'workspace "acme", collection "people", record 2 (_id ',
    read: '/plutio/v1.8/people',
  },
};

let exported: Record<string, unknown>;
const project = () => ({
  id: 1,
  name: 'P',
  identifier: 'p',
  description: null,
  homepage: '',
  status: 1,
  is_public: true,
  inherit_members: false,
  parent_id: null,
  tracker_ids: [1],
  issue_custom_field_ids: [],
  default_assigned_to_id: null,
  custom_values: {},
  created_on: '2024-01-08T09:00:00Z',
  updated_on: '2024-01-08T09:00:00Z',
});
const deal = () => (exported.redmineup as { deals: { items: Record<string, unknown>[] } }).deals.items[6];

beforeAll(async () => {
  t = await startTestServer({ stateFile: file });
  exported = (await (await fetch(`${t.url}/__crmkit/state`)).json()) as Record<string, unknown>;
  await fetch(`${t.url}/__crmkit/snapshot`, { method: 'POST' });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

test.each(API_IDS)(
  '%s: a record of the wrong shape is refused with 400 naming it; state and file stay as they were',
  async (api) => {
    const broken = BROKEN[api];
    const fileBefore = readFileSync(file, 'utf8');
    const stateBefore = await (await fetch(`${t.url}/__crmkit/state?api=${api}`)).text();
    const put = await fetch(`${t.url}/__crmkit/state`, {
      method: 'PUT',
      body: JSON.stringify({ [api]: broken.state() }),
      headers: JSON_TYPE,
    });
    expect(put.status).toBe(400);
    const { error } = (await put.json()) as { error: { message: string } };
    expect(error.message).toContain(broken.message);
    const fixture = await fetch(`${t.url}/__crmkit/fixtures`, {
      method: 'POST',
      body: JSON.stringify({ [api]: broken.state() }),
      headers: JSON_TYPE,
    });
    expect(fixture.status).toBe(400);
    expect(((await fixture.json()) as { error: { message: string } }).error.message).toContain(broken.message);
    expect(await (await fetch(`${t.url}/__crmkit/state?api=${api}`)).text()).toBe(stateBefore);
    await new Promise((r) => setTimeout(r, 250));
    expect(readFileSync(file, 'utf8')).toBe(fileBefore);
    const read = await fetch(`${t.url}${broken.read}`, {
      headers: { 'x-redmine-api-key': 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00' },
    });
    expect(read.status).not.toBe(500);
    expect(t.violations()).toEqual([]);
  },
);

test.each(API_IDS)(
  '%s: a state file holding a record of the wrong shape is refused at start and left alone',
  async (api) => {
    const bad = join(dir, `bad-${api}.json`);
    const text = encodeState({ [api]: BROKEN[api].state() });
    writeFileSync(bad, text);
    await expect(createServer({ apis: [api], stateFile: bad, docsDir: false })).rejects.toThrow(
      `state file ${bad} does not fit this server: ${BROKEN[api].message}`,
    );
    expect(readFileSync(bad, 'utf8')).toBe(text);
  },
);

test('every API imports its own export unchanged (the record schemas describe what the APIs store)', async () => {
  const put = await fetch(`${t.url}/__crmkit/state`, {
    method: 'PUT',
    body: JSON.stringify(exported),
    headers: JSON_TYPE,
  });
  expect(put.status).toBe(204);
  expect(await (await fetch(`${t.url}/__crmkit/state`)).json()).toEqual(exported);
  expect(readStateFile(file)).toBeDefined();
});
