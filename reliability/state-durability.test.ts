import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createServer } from '../src/app/app.js';
import { startTestServer } from '../src/app/test-server.js';
import { encodeState } from '../src/ops/state-file.js';
import { PROJECT_ROOT } from '../src/spec/load.js';
import { scaled } from './support/budget.js';
import { type ChildServer, spawnServer } from './support/child-server.js';
import { ADMIN_KEY } from './support/credentials.js';
import { figure, mb } from './support/figures.js';
import { send } from './support/http.js';

const admin = { 'x-redmine-api-key': ADMIN_KEY, 'content-type': 'application/json', accept: 'application/json' };
const control = { 'content-type': 'application/json' };
const dir = mkdtempSync(join(tmpdir(), 'crmkit-durability-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Numbers of the Planio companies called `<prefix> <n>` (a server started with `--api planio`). */
async function numbered(child: ChildServer, prefix: string): Promise<Set<number>> {
  const out = new Set<number>();
  for (let offset = 0; ; offset += 100) {
    const res = await send({
      method: 'GET',
      url: `${child.url}/companies.json?limit=100&offset=${offset}`,
      headers: admin,
    });
    expect(res.status, res.bodyText.slice(0, 200)).toBe(200);
    const page = JSON.parse(res.bodyText) as { companies: { name: string }[]; total_count: number };
    for (const c of page.companies)
      if (c.name.startsWith(`${prefix} `)) out.add(Number(c.name.slice(prefix.length + 1)));
    if (offset + 100 >= page.total_count) return out;
  }
}

/** Creates `<prefix> <n>` Planio companies (`--api planio`) until `stop(count)`; returns the numbers the server acknowledged with 201. */
async function writeWhile(
  child: ChildServer,
  prefix: string,
  first: number,
  stop: (count: number) => boolean,
): Promise<number[]> {
  const acked: number[] = [];
  for (let n = first; !stop(acked.length); n++) {
    const res = await send({
      method: 'POST',
      url: `${child.url}/companies.json`,
      headers: admin,
      body: JSON.stringify({ company: { name: `${prefix} ${n}` } }),
      timeoutMs: 5000,
    });
    expect(res.status, res.bodyText.slice(0, 200)).toBe(201);
    acked.push(n);
    // A steady trickle, not a flood: the run measures saves, and the state (saved whole each time) stays small.
    await new Promise((r) => setTimeout(r, 10));
  }
  return acked;
}

async function health(child: ChildServer): Promise<{ status: string; state?: Record<string, unknown> }> {
  const res = await send({ method: 'GET', url: `${child.url}/__crmkit/health` });
  return JSON.parse(res.bodyText) as { status: string; state?: Record<string, unknown> };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

/** Puts a directory where the file is (a save landing between removing the file and the mkdir is removed again). */
function blockWith(file: string): void {
  for (let attempt = 0; ; attempt++) {
    rmSync(file, { force: true });
    try {
      mkdirSync(join(file, 'in-the-way'), { recursive: true });
      return;
    } catch (err) {
      if (attempt > 100 || !['ENOTDIR', 'EEXIST'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
    }
  }
}

const FAILING_MS = scaled(1500, 20_000);
const CYCLES = scaled(1, 4);

test(`saves failing for ${FAILING_MS} ms, ${CYCLES} time(s): the server keeps answering, reports it, and once the cause is gone every acknowledged write reaches the file (then SIGKILL, restart)`, async () => {
  const file = join(dir, 'saves', 'state.json');
  mkdirSync(join(dir, 'saves'));
  // A long run writes more companies than the default --max-records allows.
  const args = ['--api', 'planio', '--state-file', file, '--max-records', '1000000', '--max-state-size', '60mb'];
  let child = await spawnServer(args);
  const acked: number[] = [];
  let retries = 0;
  let recoveredMs = 0;
  try {
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      acked.push(...(await writeWhile(child, 'Save', acked.length, (count) => count === 20)));
      // The file's place is taken by a directory: every save fails with EISDIR, whoever the server runs as.
      await until(
        'a save of the writes so far',
        async () => (await health(child)).state?.lastSavedAt !== undefined,
        5000,
      );
      blockWith(file);
      const stopAt = Date.now() + FAILING_MS;
      acked.push(...(await writeWhile(child, 'Save', acked.length, () => Date.now() > stopAt)));
      const degraded = await health(child);
      expect(degraded.status).toBe('degraded');
      expect(degraded.state).toMatchObject({ status: 'degraded', lastError: expect.stringContaining('EISDIR') });
      retries += Number(degraded.state?.retries ?? 0);
      const snapshot = await send({ method: 'POST', url: `${child.url}/__crmkit/snapshot`, headers: control });
      expect(snapshot.status, snapshot.bodyText).toBeGreaterThanOrEqual(500);
      rmSync(file, { recursive: true });
      recoveredMs = Math.max(
        recoveredMs,
        await until('a save after the cause was removed', async () => (await health(child)).status === 'ok', 10_000),
      );
    }
    expect(child.output().match(/cannot save state to/g)).toHaveLength(CYCLES);
    expect(child.output().match(/saved to .* again after/g)).toHaveLength(CYCLES);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const saved = readFileSync(file, 'utf8');
    const missingInFile = acked.filter((n) => !saved.includes(`"Save ${n}"`));
    expect(missingInFile, 'acknowledged writes missing from the state file').toEqual([]);
  } finally {
    await child.stop('SIGKILL');
  }
  child = await spawnServer(args);
  try {
    const held = await numbered(child, 'Save');
    const lost = acked.filter((n) => !held.has(n));
    figure('state save-failure', {
      cycles: CYCLES,
      'failing-ms': FAILING_MS,
      writes: acked.length,
      retries,
      'recovered-ms': recoveredMs,
      'lost-writes': lost.length,
    });
    expect(lost, 'acknowledged writes lost after the saves failed and the server was killed').toEqual([]);
    expect(held.size).toBe(acked.length);
  } finally {
    await child.stop('SIGKILL');
  }
}, 600_000);

test('an import of records of the wrong shape is refused (400 naming them), is never saved, and a restart serves every list', async () => {
  const file = join(dir, 'import.json');
  let server = await startTestServer({ stateFile: file, docsDir: false });
  try {
    const broken = [
      { planio: { companies: { nextId: 2, items: [{ id: 1, name: 'x' }] } } },
      { redmine: { users: { nextId: 2, items: [{ id: 1, login: 'x', admin: 'yes' }] } } },
      { redmineup: { contacts: { nextId: 2, items: [{ id: 1, first_name: 'x', tags: 'a,b' }] } } },
      { plutio: { version: 1, seed: 1, workspaces: { acme: { collections: { people: [{ _id: 'x' }] } } } } },
    ];
    for (const body of broken) {
      const api = Object.keys(body)[0] as string;
      for (const path of ['state', 'fixtures']) {
        const res = await send({
          method: path === 'state' ? 'PUT' : 'POST',
          url: `${server.url}/__crmkit/${path}`,
          headers: control,
          body: JSON.stringify(body),
        });
        expect(res.status, `${api} ${path}: ${res.bodyText}`).toBe(400);
        expect(res.bodyText, api).toMatch(/collection \\"[a-z_]+\\", record 0/);
      }
    }
    const snapshot = await send({ method: 'POST', url: `${server.url}/__crmkit/snapshot`, headers: control });
    expect(snapshot.status).toBe(200);
  } finally {
    await server.close();
  }
  server = await startTestServer({ stateFile: file, docsDir: false });
  try {
    for (const url of ['/planio/companies.json', '/redmine/users/current.json', '/redmineup/contacts.json']) {
      const res = await send({ method: 'GET', url: `${server.url}${url}`, headers: admin });
      expect(res.status, `${url}: ${res.bodyText.slice(0, 200)}`).toBe(200);
    }
    expect(server.violations()).toEqual([]);
  } finally {
    await server.close();
  }
  // A state file edited by hand into the same shape is refused at start, with the record named.
  const edited = join(dir, 'edited.json');
  writeFileSync(edited, encodeState({ planio: { companies: { nextId: 2, items: [{ id: 1, name: 'x' }] } } }));
  await expect(createServer({ apis: ['planio'], stateFile: edited, docsDir: false })).rejects.toThrow(
    /does not fit this server: collection "companies", record 0 \(id 1\)/,
  );
}, 120_000);

test('fixture files: FIFOs never block (four at once, then SIGTERM exits), a 300 MB file is refused unread', async () => {
  const fixtures = join(dir, 'fixtures');
  mkdirSync(fixtures);
  for (const n of [1, 2, 3, 4]) execFileSync('mkfifo', [join(fixtures, `pipe${n}.json`)]);
  writeFileSync(join(fixtures, 'huge.json'), '');
  truncateSync(join(fixtures, 'huge.json'), 300 * 1024 * 1024);
  const child = await spawnServer(['--api', 'planio', '--fixtures-dir', fixtures]);
  try {
    const rssBefore = child.rssBytes();
    const pipes = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        send({
          method: 'POST',
          url: `${child.url}/__crmkit/fixtures?file=pipe${n}.json`,
          headers: control,
          timeoutMs: 3000,
        }),
      ),
    );
    for (const res of pipes) {
      expect(res.timedOut).toBe(false);
      expect(res.status, res.bodyText).toBe(400);
      expect(res.bodyText).toContain('is not a regular file');
    }
    const huge = await send({ method: 'POST', url: `${child.url}/__crmkit/fixtures?file=huge.json`, headers: control });
    expect(huge.status, huge.bodyText).toBe(413);
    const read = await send({ method: 'GET', url: `${child.url}/companies.json?limit=1`, headers: admin });
    expect(read.status).toBe(200);
    const grown = child.rssBytes() - rssBefore;
    const started = Date.now();
    await child.stop('SIGTERM', 5000);
    const exitMs = Date.now() - started;
    figure('fixture files', { fifos: 4, 'huge-mb': 300, 'rss-growth-mb': mb(grown), 'sigterm-exit-ms': exitMs });
    expect(child.proc.signalCode === 'SIGKILL', 'SIGTERM did not end the server within 5 s').toBe(false);
    expect(grown).toBeLessThan(100 * 1024 * 1024);
  } finally {
    await child.stop('SIGKILL');
  }
}, 120_000);

/** Sends one raw HTTP/1.1 request on a kept-open socket; the answer's text, or `closed`/`timeout` and what came. */
function exchange(socket: Socket, request: string, timeoutMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const done = (result: string) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const [head, body = ''] = text.split('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(head ?? '')?.[1] ?? 0);
      if (text.includes('\r\n\r\n') && Buffer.byteLength(body) >= length) done(text);
    };
    const onClose = () => done(`closed ${text}`);
    const timer = setTimeout(() => done(`timeout ${text}`), timeoutMs);
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.write(request);
  });
}

test('at the file descriptor limit POST /__crmkit/snapshot answers 503 (not 400), and the save goes through once descriptors are free', async () => {
  const file = join(dir, 'emfile.json');
  const serve = `${process.execPath} bin/crmkit.js serve --api planio --host 127.0.0.1 --port 0 --state-file ${file}`;
  const proc = spawn('bash', ['-c', `ulimit -n 120 && exec ${serve}`], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const sockets: Socket[] = [];
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start-up line:\n${out}`)), 30_000);
      const onData = (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      proc.stdout.on('data', onData);
      proc.stderr.on('data', onData);
    });
    const open = () =>
      new Promise<Socket>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => resolve(socket));
        socket.once('error', reject);
      });
    const request = (method: string, path: string) =>
      `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 0\r\n\r\n`;
    const first = await open();
    expect(await exchange(first, request('GET', '/__crmkit/health'))).toMatch(/^HTTP\/1\.1 200/);
    // Connections until the server cannot accept one more: every descriptor of the process is in use.
    let full = false;
    for (let i = 0; i < 200 && !full; i++) {
      const socket = await open();
      sockets.push(socket);
      full = !(await exchange(socket, request('GET', '/__crmkit/health'), 1000)).startsWith('HTTP/1.1 200');
    }
    expect(full, 'the server never ran out of descriptors').toBe(true);
    const snapshot = await exchange(first, request('POST', '/__crmkit/snapshot'), 5000);
    expect(snapshot).toMatch(/^HTTP\/1\.1 503/);
    expect(snapshot).toContain('EMFILE');
    for (const socket of sockets) socket.destroy();
    const started = Date.now();
    let health = '';
    while (Date.now() - started < 10_000) {
      health = await exchange(first, request('GET', '/__crmkit/health'));
      if (health.includes('"status":"ok"')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(health).toContain('"status":"ok"');
    expect(out.match(/cannot save state to/g)).toHaveLength(1);
    figure('state descriptor limit', { connections: sockets.length, 'snapshot-status': 503 });
    first.destroy();
  } finally {
    for (const socket of sockets) socket.destroy();
    proc.kill('SIGKILL');
  }
}, 120_000);
