import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ADMIN_KEY } from './support/credentials.js';
import { figure } from './support/figures.js';
import { send } from './support/http.js';
import { plutioSession } from './support/plutio.js';
import { type InProcessServer, startInProcess } from './support/servers.js';

const MiB = 1024 * 1024;
const CONTROL_LIMIT = 64 * MiB;
let srv: InProcessServer;

beforeAll(async () => {
  srv = await startInProcess({ apis: ['redmine', 'plutio'] });
});
afterAll(async () => {
  await srv?.close();
});

/** What a raw connection saw: every byte the server sent, how much was written, and whether the server closed. */
interface Exchange {
  text: string;
  sent: number;
  closed: boolean;
  /** Milliseconds from the first byte sent to the server's close (or to giving up). */
  ms: number;
}

/**
 * Sends `head` on a raw loopback connection, then `body` chunks for as long as the server reads them (`endless`
 * keeps writing until the server closes the connection or `giveUpMs` passes). Resolves with what came back.
 */
function exchange(head: string, opts: { chunk?: Buffer; endless?: boolean; giveUpMs?: number } = {}) {
  const { port } = new URL(srv.url);
  return new Promise<Exchange>((resolve) => {
    const started = performance.now();
    const socket: Socket = connect(Number(port), '127.0.0.1');
    const received: Buffer[] = [];
    let sent = 0;
    let finished = false;
    const finish = (closed: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(received).toString('latin1'), sent, closed, ms: performance.now() - started });
    };
    const timer = setTimeout(() => finish(false), opts.giveUpMs ?? 5000);
    socket.on('data', (d: Buffer) => received.push(d));
    socket.on('close', () => finish(true));
    socket.on('error', () => undefined);
    const pump = () => {
      while (!finished && !socket.destroyed && opts.endless && opts.chunk) {
        const frame = Buffer.concat([
          Buffer.from(`${opts.chunk.length.toString(16)}\r\n`),
          opts.chunk,
          Buffer.from('\r\n'),
        ]);
        sent += opts.chunk.length;
        if (!socket.write(frame)) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    socket.on('connect', () => {
      socket.write(head);
      pump();
    });
  });
}

const headOf = (path: string, headers: Record<string, string>, method = 'POST') =>
  `${method} ${path} HTTP/1.1\r\nHost: ${new URL(srv.url).host}\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
const family = { 'X-Redmine-API-Key': ADMIN_KEY, 'Content-Type': 'application/json' };
const chunk = Buffer.alloc(64 * 1024, 0x61);

test('a chunked body that never ends is refused with 413 as soon as it passes the limit, and the connection closes', async () => {
  const before = srv.digest();
  const path = `${new URL(srv.api('redmine')).pathname}/projects.json`;
  const res = await exchange(headOf(path, { ...family, 'Transfer-Encoding': 'chunked' }), { chunk, endless: true });
  figure('body-limit chunked', { limit: MiB, sentMiB: res.sent / MiB, ms: res.ms, closed: res.closed });
  expect(res.text).toMatch(/^HTTP\/1\.1 413 /);
  expect(res.text.toLowerCase()).toContain('connection: close');
  expect(res.closed).toBe(true);
  // What the kernel buffers took before the server stopped reading, not gigabytes.
  expect(res.sent).toBeLessThan(32 * MiB);
  expect(srv.digest()).toBe(before);
  expect((await send({ method: 'GET', url: `${srv.url}/__crmkit/health` })).status).toBe(200);
});

test('a Content-Length over the limit is refused at once, before any body byte, and the connection closes', async () => {
  const path = `${new URL(srv.api('redmine')).pathname}/projects.json`;
  const res = await exchange(headOf(path, { ...family, 'Content-Length': String(50 * MiB) }));
  expect(res.text).toMatch(/^HTTP\/1\.1 413 /);
  expect(res.text.toLowerCase()).toContain('connection: close');
  expect(res.closed).toBe(true);
  expect(res.ms).toBeLessThan(2000);
});

test('Expect: 100-continue over the limit gets 413 without 100 Continue; within it, 100 Continue then the answer', async () => {
  const path = `${new URL(srv.api('redmine')).pathname}/projects.json`;
  const over = await exchange(headOf(path, { ...family, 'Content-Length': String(2 * MiB), Expect: '100-continue' }));
  expect(over.text).toMatch(/^HTTP\/1\.1 413 /);
  expect(over.text).not.toContain('100 Continue');
  expect(over.closed).toBe(true);

  const body = '{"project":{"name":"Expecting","identifier":"expecting"}}';
  const { port } = new URL(srv.url);
  const within = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let text = '';
    socket.on('error', reject);
    socket.on('data', (d: Buffer) => {
      const first = text === '';
      text += d.toString('latin1');
      if (first && text.startsWith('HTTP/1.1 100 Continue')) socket.write(body);
      if (/\r\n\r\n[\s\S]*\r\n\r\n/.test(text) && /HTTP\/1\.1 201/.test(text)) {
        socket.destroy();
        resolve(text);
      }
    });
    socket.write(headOf(path, { ...family, 'Content-Length': String(body.length), Expect: '100-continue' }));
    setTimeout(() => {
      socket.destroy();
      resolve(text);
    }, 5000);
  });
  expect(within).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 201 /);

  // No route: answered without asking for the body, so the connection is not reused.
  const nowhere = await exchange(
    headOf(`${new URL(srv.api('redmine')).pathname}/nowhere.json`, {
      ...family,
      'Content-Length': '10',
      Expect: '100-continue',
    }),
  );
  expect(nowhere.text).toMatch(/^HTTP\/1\.1 404 /);
  expect(nowhere.text.toLowerCase()).toContain('connection: close');
  expect(nowhere.closed).toBe(true);
});

test('Plutio refuses in its own error shape; the control endpoints refuse past their own limit the same way', async () => {
  const path = `${new URL(srv.api('plutio')).pathname}/people`;
  const { headers } = await plutioSession(srv.api('plutio'), 'acme');
  const plutio = await exchange(
    headOf(path, { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(2 * MiB) }),
  );
  expect(plutio.text).toMatch(/^HTTP\/1\.1 413 /);
  expect(plutio.text).toContain('"statusCode":413');
  expect(plutio.closed).toBe(true);

  const declared = await exchange(
    headOf('/__crmkit/faults', { 'Content-Type': 'application/json', 'Content-Length': String(CONTROL_LIMIT + 1) }),
  );
  expect(declared.text).toMatch(/^HTTP\/1\.1 413 /);
  expect(declared.text.toLowerCase()).toContain('connection: close');
  expect(declared.closed).toBe(true);

  const endless = await exchange(
    headOf('/__crmkit/state', { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }, 'PUT'),
    { chunk: Buffer.alloc(256 * 1024, 0x20), endless: true, giveUpMs: 15_000 },
  );
  figure('body-limit control', { limit: CONTROL_LIMIT, sentMiB: endless.sent / MiB, ms: endless.ms });
  expect(endless.text).toMatch(/^HTTP\/1\.1 413 /);
  expect(endless.closed).toBe(true);
  expect(endless.sent).toBeLessThan(CONTROL_LIMIT + 32 * MiB);
});

test('a body nobody reads (no route, no format) is thrown away up to the body limit, then the connection closes', async () => {
  const base = new URL(srv.api('redmine')).pathname;
  for (const [path, status] of [
    [`${base}/nowhere.json`, 404],
    [`${base}/projects`, 406],
  ] as const) {
    const res = await exchange(headOf(path, { ...family, 'Transfer-Encoding': 'chunked' }), { chunk, endless: true });
    figure('body-limit unread', { status, sentMiB: res.sent / MiB, ms: res.ms });
    expect(res.text).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(res.closed).toBe(true);
    expect(res.sent).toBeLessThan(32 * MiB);
  }
  // A small body nobody reads, and one that is read, keep the connection open for the next request.
  for (const [path, status] of [
    ['/nowhere.json', 404],
    ['/projects.json', 201],
  ] as const) {
    const res = await send({
      method: 'POST',
      url: `${srv.api('redmine')}${path}`,
      headers: family,
      body: '{"project":{"name":"Kept","identifier":"kept-open"}}',
    });
    expect(res.status).toBe(status);
    expect(res.headers.connection).toBe('keep-alive');
  }
});
