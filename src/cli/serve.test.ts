import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { encodeState } from '../ops/state-file.js';
import { runCli, startCli } from './commands/cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'crmkit-serve-'));
const cli = (args: string[]) => runCli(args, { cwd: dir });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a busy port is one line and exit code 1', async () => {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as { port: number };
  try {
    const run = await cli(['serve', '--api', 'redmine', '--port', String(port)]);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `crmkit: port ${port} is in use (use --port 0 for any free port)\n`,
    });
  } finally {
    blocker.close();
  }
});

test('an unknown --api is one line listing the API ids', async () => {
  const run = await cli(['serve', '--api', 'jira']);
  expect(run.code).not.toBe(0);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/jira.*redmine, planio, redmineup, plutio/);
});

test('a corrupt or wrong-version state file is refused in one line with exit code 1', async () => {
  const file = join(dir, 'corrupt.json');
  writeFileSync(
    file,
    encodeState({ redmine: { users: { nextId: 1, items: [] } } }).replace('"nextId":1', '"nextId":2'),
  );
  const run = await cli(['serve', '--api', 'redmine', '--port', '0', '--state-file', file]);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(`crmkit: state file ${file} is corrupt (checksum mismatch)\n`);
  const old = join(dir, 'old.json');
  writeFileSync(old, encodeState({}).replace('"version":1', '"version":0'));
  const again = await cli(['serve', '--api', 'redmine', '--port', '0', '--state-file', old]);
  expect(again.code).toBe(1);
  expect(again.stderr).toBe(`crmkit: state file ${old} has state version 0; this server reads version 1\n`);
});

test('the banner shows the docs URL and the Plutio flags reach the module; SIGTERM saves the state', async () => {
  const file = join(dir, 'plutio.json');
  const proc = startCli(
    [
      'serve',
      '--api',
      'plutio',
      '--port',
      '0',
      '--plutio-client-id',
      'initech-app',
      '--plutio-business',
      'initech',
      '--plutio-token-ttl',
      '120',
      '--state-file',
      file,
    ],
    { cwd: dir },
  );
  const url = (await proc.waitFor(/listening on (http:\S+)\n/))[1];
  await proc.waitFor(/state {5}/);
  expect(proc.output()).toContain(`docs      ${url}/docs/`);
  expect(proc.output()).toContain('client: initech-app / crmkit-secret, Business: initech');
  expect(proc.output()).toContain('tokens last 120 s');
  expect(proc.output()).toContain(`state     ${file} (new)`);
  expect(await proc.stop('SIGTERM')).toBe(0);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'crmkit-state', version: 1 });
});
