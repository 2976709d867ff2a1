import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createServer } from '../app/app.js';
import { startTestServer } from '../app/test-server.js';
import { createFixtureModule } from './fixture-module.js';
import {
  decodeEnvelope,
  encodeState,
  readStateFile,
  removeStaleTemps,
  STATE_VERSION,
  StateFileError,
  writeFileAtomic,
} from './state-file.js';

const dir = mkdtempSync(join(tmpdir(), 'crmkit-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ADMIN = { 'x-redmine-api-key': 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00', 'content-type': 'application/json' };

test('a state file round-trips; damage, truncation and another version are recognised', () => {
  const file = join(dir, 'envelope.json');
  const text = encodeState({ planio: { companies: [1, 2] } });
  writeFileSync(file, text);
  expect(readStateFile(file)).toEqual({ planio: { companies: [1, 2] } });
  expect(readStateFile(join(dir, 'missing.json'))).toBeUndefined();
  writeFileSync(file, text.slice(0, text.length - 10));
  expect(() => readStateFile(file)).toThrow(/is truncated or not JSON/);
  writeFileSync(file, text.replace('[1,2]', '[1,3]'));
  expect(() => readStateFile(file)).toThrow(/is corrupt \(checksum mismatch\)/);
  writeFileSync(file, text.replace(`"version":${STATE_VERSION}`, '"version":99'));
  expect(() => readStateFile(file)).toThrow(/has state version 99; this server reads version 1/);
  writeFileSync(file, '');
  expect(() => readStateFile(file)).toThrow(StateFileError);
  expect(() => readStateFile(dir)).toThrow(`state file ${dir} is not a regular file`);
  const fifo = join(dir, 'fifo.json');
  execFileSync('mkfifo', [fifo]);
  expect(() => readStateFile(fifo)).toThrow(`state file ${fifo} is not a regular file`);
  expect(() => decodeEnvelope({ planio: {} }, 'x')).toThrow('x is not a crmkit state file');
});

test('atomic writes leave no temporary file; leftovers of an interrupted write are removed', async () => {
  const file = join(dir, 'atomic.json');
  await writeFileAtomic(file, 'one');
  await writeFileAtomic(file, 'two');
  expect(readFileSync(file, 'utf8')).toBe('two');
  writeFileSync(join(dir, '.atomic.json.123.4.tmp'), 'half');
  writeFileSync(join(dir, '.atomic.json.keep'), 'other');
  removeStaleTemps(file);
  expect(readdirSync(dir).filter((n) => n.startsWith('.atomic'))).toEqual(['.atomic.json.keep']);
});

test('a restart keeps a created company; changes reach the file shortly after the write', async () => {
  const file = join(dir, 'planio.json');
  const first = await startTestServer({ apis: ['planio'], stateFile: file });
  const created = await fetch(`${first.api('planio')}/companies.json`, {
    method: 'POST',
    headers: ADMIN,
    body: JSON.stringify({ company: { name: 'Restart GmbH' } }),
  });
  expect(created.status).toBe(201);
  const { id } = ((await created.json()) as { company: { id: number } }).company;
  await expect.poll(() => readFileSync(file, 'utf8').includes('Restart GmbH'), { timeout: 2000 }).toBe(true);
  await first.close();
  const second = await startTestServer({ apis: ['planio'], stateFile: file });
  try {
    expect(second.server.stateKeeper?.loaded).toBe(true);
    const res = await fetch(`${second.api('planio')}/companies/${id}.json`, { headers: ADMIN });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { company: { name: string } }).company.name).toBe('Restart GmbH');
  } finally {
    await second.close();
  }
});

test('a corrupt state file is refused and left as it is', async () => {
  const file = join(dir, 'corrupt.json');
  const text = encodeState({ fixture: createFixtureModule().exportState() }).replace('first', 'fir5t');
  writeFileSync(file, text);
  await expect(createServer({ modules: [createFixtureModule()], stateFile: file })).rejects.toThrow(
    `state file ${file} is corrupt (checksum mismatch)`,
  );
  const unfit = join(dir, 'unfit.json');
  writeFileSync(unfit, encodeState({ fixture: { widgets: { nextId: 1, items: [] } } }));
  await expect(createServer({ modules: [createFixtureModule()], stateFile: unfit })).rejects.toThrow(
    'does not fit this server: unknown collection "widgets"',
  );
  expect(readFileSync(file, 'utf8')).toBe(text);
});

test('POST /__crmkit/snapshot writes at once; states of APIs not served are carried over', async () => {
  const file = join(dir, 'carried.json');
  writeFileSync(file, encodeState({ fixture: createFixtureModule().exportState(), other: { kept: true } }));
  const t = await startTestServer({ modules: [createFixtureModule()], stateFile: file });
  try {
    await fetch(`${t.url}/fixture/items`, { method: 'POST', body: '{"name":"saved"}', headers: ADMIN });
    const res = await fetch(`${t.url}/__crmkit/snapshot`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ file, bytes: expect.any(Number) });
    const saved = readStateFile(file) as { fixture: { items: { items: { name: string }[] } }; other: unknown };
    expect(saved.fixture.items.items.map((i) => i.name)).toEqual(['first', 'saved']);
    expect(saved.other).toEqual({ kept: true });
  } finally {
    await t.close();
  }
  const plain = await startTestServer({ modules: [createFixtureModule()] });
  try {
    expect((await fetch(`${plain.url}/__crmkit/snapshot`, { method: 'POST' })).status).toBe(409);
  } finally {
    await plain.close();
  }
});
