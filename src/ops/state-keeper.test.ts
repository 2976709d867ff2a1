import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startTestServer } from '../app/test-server.js';
import { handleControl } from './control.js';
import { FaultTable } from './fault-table.js';
import { createFixtureModule } from './fixture-module.js';
import { RequestLog } from './request-log.js';
import { readStateFile, writeFileAtomic } from './state-file.js';
import { StateKeeper } from './state-keeper.js';

const dir = mkdtempSync(join(tmpdir(), 'crmkit-keeper-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const JSON_TYPE = { 'content-type': 'application/json' };
const fsError = (code: string) => Object.assign(new Error(`${code}: simulated, write '${code}'`), { code });

/** Names of the fixture items saved in a state file. */
const savedNames = (file: string) =>
  (readStateFile(file) as { fixture: { items: { items: { name: string }[] } } }).fixture.items.items.map((i) => i.name);

/** A keeper over a fixture module whose writes fail while `failing.code` is set. */
function failingKeeper(file: string) {
  const module = createFixtureModule();
  const lines: string[] = [];
  const failing: { code: string | undefined; attempts: number } = { code: undefined, attempts: 0 };
  const keeper = new StateKeeper(file, [module], (line) => lines.push(line), {
    debounceMs: 5,
    retryMinMs: 10,
    retryMaxMs: 40,
    write: async (f, text) => {
      failing.attempts++;
      if (failing.code) throw fsError(failing.code);
      await writeFileAtomic(f, text);
    },
  });
  const add = (name: string) => {
    (module.state.define('items') as { insert(v: object): unknown }).insert({ name });
    keeper.changed();
  };
  return { module, keeper, lines, failing, add };
}

test('a failed save is retried with back-off until it works; health shows the streak, the log one line each way', async () => {
  const file = join(dir, 'retry.json');
  const { keeper, lines, failing, add } = failingKeeper(file);
  add('before');
  await expect.poll(() => keeper.health().lastSavedAt, { timeout: 2000 }).toBeDefined();
  const savedAt = keeper.health().lastSavedAt;

  failing.code = 'ENOSPC';
  add('during 1');
  await expect.poll(() => keeper.health().status, { timeout: 2000 }).toBe('degraded');
  add('during 2');
  await expect.poll(() => keeper.health().retries ?? 0, { timeout: 3000 }).toBeGreaterThanOrEqual(4);
  const degraded = keeper.health();
  expect(degraded).toMatchObject({
    status: 'degraded',
    file,
    lastSavedAt: savedAt,
    lastError: expect.stringContaining('ENOSPC'),
    failingSince: expect.any(String),
    nextRetryAt: expect.any(String),
  });
  expect(lines.filter((l) => l.includes('cannot save state'))).toHaveLength(1);
  expect(lines[0]).toContain(`cannot save state to ${file}: ENOSPC`);
  expect(savedNames(file)).toEqual(['first', 'before']);
  // Back-off: the delays double up to retryMaxMs, so a streak of ~300 ms makes far fewer than 300 / 10 tries.
  const before = failing.attempts;
  await new Promise((r) => setTimeout(r, 300));
  expect(failing.attempts - before).toBeLessThanOrEqual(10);

  failing.code = undefined;
  await expect.poll(() => keeper.health().status, { timeout: 2000 }).toBe('ok');
  expect(savedNames(file)).toEqual(['first', 'before', 'during 1', 'during 2']);
  expect(keeper.health()).toEqual({ status: 'ok', file, lastSavedAt: expect.any(String) });
  expect(lines.filter((l) => l.includes('cannot save state'))).toHaveLength(1);
  expect(lines.filter((l) => l.includes('saved to') && l.includes('again after'))).toHaveLength(1);
  await keeper.close();
});

test('POST /__crmkit/snapshot answers 507 for a full disk and 503 at the descriptor limit, never 400', async () => {
  const file = join(dir, 'snapshot.json');
  const { module, keeper, failing } = failingKeeper(file);
  const ctx = {
    modules: [module],
    log: new RequestLog(),
    faults: new FaultTable(1, new Map()),
    fixturesDir: undefined,
  };
  const post = () => handleControl({ method: 'POST' } as IncomingMessage, 'snapshot', {}, { ...ctx, keeper });
  failing.code = 'ENOSPC';
  const full = await post();
  expect(full.status).toBe(507);
  expect(JSON.parse(String(full.body)).error.message).toContain('ENOSPC');
  failing.code = 'EMFILE';
  const descriptors = await post();
  expect(descriptors.status).toBe(503);
  expect(descriptors.headers['retry-after']).toBe('1');
  failing.code = 'EIO';
  expect((await post()).status).toBe(500);
  const health = await handleControl({ method: 'GET' } as IncomingMessage, 'health', {}, { ...ctx, keeper });
  expect(JSON.parse(String(health.body))).toMatchObject({
    status: 'degraded',
    apis: ['fixture'],
    state: { status: 'degraded', lastError: expect.stringContaining('EIO'), retries: 2 },
  });
  failing.code = undefined;
  expect((await post()).status).toBe(200);
  await keeper.close();
});

test('state files are written owner-only (0600), an older 0644 file included (the temporary file is renamed over it)', async () => {
  const file = join(dir, 'mode.json');
  writeFileSync(file, 'old', { mode: 0o644 });
  expect(statSync(file).mode & 0o777).toBe(0o644);
  const keeper = new StateKeeper(file, [createFixtureModule()], () => {});
  await keeper.save();
  expect(statSync(file).mode & 0o777).toBe(0o600);
  await writeFileAtomic(join(dir, 'other.json'), 'x');
  expect(statSync(join(dir, 'other.json')).mode & 0o777).toBe(0o600);
});

test('a state file path that cannot be written for a while: the server keeps answering, then saves everything', async () => {
  const sub = join(dir, 'server');
  mkdirSync(sub);
  const file = join(sub, 'state.json');
  const t = await startTestServer({ modules: [createFixtureModule()], stateFile: file });
  const health = async () => (await (await fetch(`${t.url}/__crmkit/health`)).json()) as Record<string, unknown>;
  const create = async (name: string) =>
    (await fetch(`${t.url}/fixture/items`, { method: 'POST', body: JSON.stringify({ name }), headers: JSON_TYPE }))
      .status;
  try {
    expect(await create('saved')).toBe(201);
    await expect.poll(() => savedNames(file).includes('saved'), { timeout: 2000 }).toBe(true);
    expect(await health()).toMatchObject({ status: 'ok', state: { status: 'ok', file } });
    // The file's place is taken by a directory: every save fails (EISDIR), whoever runs the server.
    rmSync(file);
    mkdirSync(join(file, 'blocker'), { recursive: true });
    for (const name of ['a', 'b', 'c']) expect(await create(name)).toBe(201);
    await expect.poll(async () => (await health()).status, { timeout: 3000 }).toBe('degraded');
    const snapshot = await fetch(`${t.url}/__crmkit/snapshot`, { method: 'POST' });
    expect(snapshot.status).toBe(500);
    rmSync(file, { recursive: true });
    await expect.poll(async () => (await health()).status, { timeout: 8000 }).toBe('ok');
    expect(savedNames(file)).toEqual(['first', 'saved', 'a', 'b', 'c']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  } finally {
    await t.close();
  }
});
