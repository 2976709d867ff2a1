import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../app/test-server.js';
import { ApiError } from '../server/errors.js';
import { FIXTURE_FILE_LIMIT, readFixtureFile } from './control-state.js';
import { createFixtureModule } from './fixture-module.js';

const dir = mkdtempSync(join(tmpdir(), 'crmkit-fixture-files-'));
const fixtures = join(dir, 'fixtures');
let t: TestServer;

const load = (file: string) =>
  fetch(`${t.url}/__crmkit/fixtures?file=${encodeURIComponent(file)}`, {
    method: 'POST',
    signal: AbortSignal.timeout(5000),
  });

beforeAll(async () => {
  mkdirSync(fixtures);
  writeFileSync(join(fixtures, 'ok.json'), JSON.stringify({ fixture: createFixtureModule().exportState() }));
  execFileSync('mkfifo', [join(fixtures, 'pipe.json')]);
  writeFileSync(join(fixtures, 'huge.json'), '');
  truncateSync(join(fixtures, 'huge.json'), FIXTURE_FILE_LIMIT + 1);
  mkdirSync(join(fixtures, 'folder.json'));
  t = await startTestServer({ modules: [createFixtureModule()], fixturesDir: fixtures });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a FIFO in the fixtures directory is refused at once (400), four at a time too, and the server still answers', async () => {
  const started = Date.now();
  const answers = await Promise.all([1, 2, 3, 4].map(() => load('pipe.json')));
  for (const res of answers) {
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('fixture file pipe.json is not a regular file');
  }
  // Every libuv thread would be blocked by a blocking open of a FIFO: a file read after them must still work.
  expect((await load('ok.json')).status).toBe(200);
  expect(Date.now() - started).toBeLessThan(3000);
});

test('a fixture file over the limit is refused with 413 before it is read; a directory with 400', async () => {
  const huge = await load('huge.json');
  expect(huge.status).toBe(413);
  expect(await huge.text()).toContain(`fixture file huge.json is larger than ${FIXTURE_FILE_LIMIT} bytes`);
  const folder = await load('folder.json');
  expect(folder.status).toBe(400);
  expect(await folder.text()).toContain('is not a regular file');
});

test('readFixtureFile: limit, symbolic links never followed, a missing file', async () => {
  const small = join(dir, 'small.json');
  writeFileSync(small, '{"a":1}');
  expect(await readFixtureFile(small, 'small.json', 7)).toBe('{"a":1}');
  await expect(readFixtureFile(small, 'small.json', 6)).rejects.toMatchObject({ status: 413 });
  execFileSync('ln', ['-s', small, join(dir, 'link.json')]);
  const link = readFixtureFile(join(dir, 'link.json'), 'link.json');
  await expect(link).rejects.toBeInstanceOf(ApiError);
  await expect(link).rejects.toMatchObject({ status: 400, message: 'fixture file link.json is a symbolic link' });
  await expect(readFixtureFile(join(dir, 'none.json'), 'none.json')).rejects.toMatchObject({ status: 404 });
});
