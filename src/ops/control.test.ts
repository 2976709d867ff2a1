import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../app/test-server.js';
import { createFixtureModule } from './fixture-module.js';
import { encodeState } from './state-file.js';

const dir = mkdtempSync(join(tmpdir(), 'crmkit-fixtures-'));
const fixtures = join(dir, 'fixtures');
let t: TestServer;

/** A fixture with items named `names` (after the seeded "first"). */
const snapshot = (...names: string[]) => {
  const m = createFixtureModule();
  for (const name of names) (m.state.define('items') as { insert(v: object): unknown }).insert({ name });
  return m.exportState();
};
const second = () => ({ ...createFixtureModule(), id: 'second', basePath: '/second' });
const names = async (api = 'fixture') =>
  ((await (await fetch(`${t.url}/${api}/items`)).json()) as { items: { name: string }[] }).items.map((i) => i.name);
const post = (path: string, body?: unknown) =>
  fetch(`${t.url}/__crmkit/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

beforeAll(async () => {
  mkdirSync(fixtures);
  writeFileSync(join(fixtures, 'two.json'), JSON.stringify({ fixture: snapshot('from file') }));
  writeFileSync(join(dir, 'outside.json'), JSON.stringify({ fixture: snapshot('outside') }));
  symlinkSync(join(dir, 'outside.json'), join(fixtures, 'link.json'));
  t = await startTestServer({ modules: [createFixtureModule(), second()], fixturesDir: fixtures });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

test('POST /__crmkit/fixtures loads an export body; known APIs not served are skipped', async () => {
  const res = await post('fixtures', { fixture: snapshot('loaded'), redmine: {} });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ loaded: ['fixture'], skipped: ['redmine'] });
  expect(await names()).toEqual(['first', 'loaded']);
  expect((await post('fixtures', { jira: {} })).status).toBe(400);
  expect((await post('fixtures', [1])).status).toBe(400);
});

test('a state file is a fixture too; its checksum is checked', async () => {
  const envelope = JSON.parse(encodeState({ second: snapshot('enveloped') }));
  expect((await post('fixtures', envelope)).status).toBe(200);
  expect(await names('second')).toEqual(['first', 'enveloped']);
  envelope.state.second.items.items[1].name = 'edited';
  const bad = await post('fixtures', envelope);
  expect(bad.status).toBe(400);
  expect(await bad.text()).toContain('checksum mismatch');
  delete envelope.sha256;
  expect((await post('fixtures', envelope)).status).toBe(200);
  expect(await names('second')).toEqual(['first', 'edited']);
});

test('?file= loads a file under --fixtures-dir and nothing outside it', async () => {
  expect((await post('fixtures?file=two.json')).status).toBe(200);
  expect(await names()).toEqual(['first', 'from file']);
  expect((await post('fixtures?file=../outside.json')).status).toBe(403);
  expect((await post('fixtures?file=link.json')).status).toBe(403);
  expect((await post(`fixtures?file=${encodeURIComponent(join(dir, 'outside.json'))}`)).status).toBe(403);
  expect((await post('fixtures?file=missing.json')).status).toBe(404);
  expect((await post('fixtures?api=second&file=two.json')).status).toBe(200);
  expect(await names()).toEqual(['first', 'from file']);
});

test('without --fixtures-dir, ?file= is refused', async () => {
  const plain = await startTestServer({ modules: [createFixtureModule()] });
  try {
    const res = await fetch(`${plain.url}/__crmkit/fixtures?file=two.json`, { method: 'POST' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('--fixtures-dir');
  } finally {
    await plain.close();
  }
});

test('loading several APIs is all or nothing', async () => {
  await post('reset');
  const res = await fetch(`${t.url}/__crmkit/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fixture: snapshot('partial'), second: { items: 'broken' } }),
  });
  expect(res.status).toBe(400);
  expect(await names()).toEqual(['first']);
});

test('--no-control turns every control endpoint off', async () => {
  const off = await startTestServer({ modules: [createFixtureModule()], control: false, fixturesDir: fixtures });
  try {
    for (const [method, path] of [
      ['GET', 'health'],
      ['POST', 'reset'],
      ['POST', 'fixtures?file=two.json'],
      ['GET', 'faults'],
      ['POST', 'snapshot'],
      ['GET', 'state'],
    ]) {
      expect((await fetch(`${off.url}/__crmkit/${path}`, { method })).status).toBe(404);
    }
  } finally {
    await off.close();
  }
});
