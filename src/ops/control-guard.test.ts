import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../app/test-server.js';
import { wireRequest } from '../server/test-support.js';
import { createControlGuard, hostAllowed, isLoopbackName } from './control-guard.js';
import { createFixtureModule } from './fixture-module.js';

let t: TestServer;
let port: number;
const logged: string[] = [];
beforeAll(async () => {
  t = await startTestServer({
    modules: [createFixtureModule()],
    allowedHosts: ['mock.internal', '.test.example'],
    log: (line) => logged.push(line),
  });
  port = Number(new URL(t.url).port);
});
afterAll(() => t.close());
beforeEach(() => {
  logged.length = 0;
});

/** A control request over a raw connection, so that Host is sent exactly as given (or not at all). */
function control(method: string, path: string, headers: string[], body = '') {
  return wireRequest(port, [`${method} /__crmkit/${path} HTTP/1.1`, ...headers].join('\r\n'), body);
}
const here = () => `Host: 127.0.0.1:${port}`;
const itemCount = async () =>
  ((await (await fetch(`${t.url}/fixture/items`)).json()) as { items: unknown[] }).items.length;
const addItem = () =>
  fetch(`${t.url}/fixture/items`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"name":"added"}',
  });

test('a DNS-rebinding request (Host: another name) cannot read the state: 403 with a JSON error, logged', async () => {
  const res = await control('GET', 'state', [`Host: evil.example:${port}`]);
  expect(res.status).toBe(403);
  expect(res.headers['content-type']).toContain('application/json');
  expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'FORBIDDEN' } });
  expect(res.body).toContain('evil.example');
  expect(res.body).not.toContain('"fixture"');
  expect(logged.join('\n')).toMatch(/refused control request GET \/__crmkit\/state from 127\.0\.0\.1: Host/);
});

test('Host must name this server: loopback names at its port, or an allowed host at any port', async () => {
  const status = async (host: string | undefined, version = '1.1') =>
    (
      await wireRequest(
        port,
        [`GET /__crmkit/health HTTP/${version}`, ...(host === undefined ? [] : [`Host: ${host}`])].join('\r\n'),
      )
    ).status;
  for (const host of [
    `127.0.0.1:${port}`,
    `127.1.2.3:${port}`,
    `localhost:${port}`,
    `LOCALHOST:${port}`,
    `app.localhost:${port}`,
    `[::1]:${port}`,
    'mock.internal',
    'mock.internal:8080',
    'test.example:1',
    'a.b.test.example',
  ]) {
    expect(await status(host), host).toBe(200);
  }
  for (const host of [
    '',
    `evil.example:${port}`,
    `localhost:${port + 1}`,
    'localhost',
    `127.0.0.1:${port}0`,
    `0.0.0.0:${port}`,
    `localhost.evil.example:${port}`,
    'mock.internal.evil.example',
    'xtest.example',
    `localhost:${port}:1`,
    `[::1:${port}`,
  ]) {
    expect(await status(host), host).toBe(403);
  }
  expect(await status(undefined, '1.0')).toBe(403);
});

test('a request from another web page (Origin) is refused, even one that changes nothing', async () => {
  const before = await itemCount();
  await addItem();
  for (const origin of [
    'http://evil.example',
    `http://evil.example:${port}`,
    `http://localhost:${port + 1}`,
    'null',
    `http://127.0.0.1:${port}/path`,
  ]) {
    const reset = await control('POST', 'reset', [here(), `Origin: ${origin}`]);
    expect(reset.status, origin).toBe(403);
    expect(JSON.parse(reset.body), origin).toMatchObject({ error: { code: 'FORBIDDEN' } });
  }
  expect(await itemCount()).toBe(before + 1);
  expect(logged.some((l) => l.includes('Origin "http://evil.example"'))).toBe(true);
  const read = await control('GET', 'state', [here(), 'Origin: http://evil.example']);
  expect(read.status).toBe(403);
  // A browser's request without Origin (an <img>, a link) says where it comes from in Sec-Fetch-Site.
  const img = await control('GET', 'state', [here(), 'Sec-Fetch-Site: cross-site']);
  expect(img.status).toBe(403);
  expect((await control('GET', 'state', [here(), 'Sec-Fetch-Site: same-site'])).status).toBe(403);
});

test('the server’s own pages may use the control endpoints', async () => {
  for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, 'https://mock.internal']) {
    const res = await control('GET', 'health', [here(), `Origin: ${origin}`, 'Sec-Fetch-Site: same-origin']);
    expect(res.status, origin).toBe(200);
  }
  expect((await control('GET', 'health', [here(), 'Sec-Fetch-Site: none'])).status).toBe(200);
});

test('a write with a body that is not application/json is refused (a cross-site form or text post)', async () => {
  await addItem();
  const before = await itemCount();
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
    const res = await control('POST', 'reset', [here(), ...(type === '' ? [] : [`Content-Type: ${type}`])], '{}');
    expect(res.status, type).toBe(415);
    expect(JSON.parse(res.body), type).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  }
  const rule = JSON.stringify({ api: 'fixture', status: 503 });
  expect((await control('POST', 'faults', [here(), 'Content-Type: text/plain;charset=UTF-8'], rule)).status).toBe(415);
  expect(t.server.faults.size).toBe(0);
  expect(await itemCount()).toBe(before);
  // JSON is accepted (with parameters, in any case), and so is a write without a body.
  const added = await control('POST', 'faults', [here(), 'Content-Type: Application/JSON; charset=utf-8'], rule);
  expect(added.status).toBe(201);
  expect((await control('DELETE', 'faults', [here(), 'Content-Length: 0'])).status).toBe(204);
  expect((await control('POST', 'reset', [here()])).status).toBe(204);
  expect(before).toBeGreaterThan(1);
  expect(await itemCount()).toBe(1); // the seed
});

test('with a control token every control request needs it, and the APIs do not', async () => {
  const secured = await startTestServer({
    modules: [createFixtureModule()],
    controlToken: 's3cret-t0ken',
    log: () => {},
  });
  try {
    const health = `${secured.url}/__crmkit/health`;
    const missing = await fetch(health);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="crmkit control"');
    expect(await missing.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect((await fetch(health, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(health, { headers: { authorization: 'Basic czNjcmV0LXQwa2Vu' } })).status).toBe(401);
    expect((await fetch(health, { headers: { 'x-crmkit-control-token': 's3cret-t0kenX' } })).status).toBe(401);
    expect((await fetch(health, { headers: { authorization: 'Bearer s3cret-t0ken' } })).status).toBe(200);
    expect((await fetch(health, { headers: { authorization: 'bearer s3cret-t0ken' } })).status).toBe(200);
    expect((await fetch(health, { headers: { 'x-crmkit-control-token': 's3cret-t0ken' } })).status).toBe(200);
    const reset = await fetch(`${secured.url}/__crmkit/reset`, { method: 'POST' });
    expect(reset.status).toBe(401);
    expect((await fetch(`${secured.url}/fixture/items`)).status).toBe(200);
  } finally {
    await secured.close();
  }
});

/** A request as the guard sees it, from `remote` on a connection to 10.0.0.5:4010. */
const fake = (headers: Record<string, string>, remote: string) =>
  ({
    headers,
    socket: { remoteAddress: remote, localAddress: '10.0.0.5', localPort: 4010 },
  }) as unknown as IncomingMessage;

test('without a token, control requests from another machine are refused; with one they are served', () => {
  const open = createControlGuard({ allowedHosts: [], controlToken: undefined, log: () => {} });
  const lan = { host: '10.0.0.5:4010' };
  expect(open(fake(lan, '10.0.0.7'), 'GET', '/__crmkit/state')?.status).toBe(403);
  expect(open(fake(lan, '::ffff:10.0.0.7'), 'GET', '/__crmkit/state')?.status).toBe(403);
  expect(open(fake(lan, '127.0.0.1'), 'GET', '/__crmkit/state')).toBeUndefined();
  expect(open(fake(lan, '::1'), 'GET', '/__crmkit/state')).toBeUndefined();
  const secured = createControlGuard({ allowedHosts: [], controlToken: 'k', log: () => {} });
  expect(secured(fake({ ...lan, authorization: 'Bearer k' }, '10.0.0.7'), 'GET', '/__crmkit/state')).toBeUndefined();
  // The address the connection arrived on is this server too (a rebinding page sends a name, never an address).
  expect(secured(fake({ host: '10.0.0.5:4011', authorization: 'Bearer k' }, '10.0.0.7'), 'GET', '/x')?.status).toBe(
    403,
  );
});

test('host names: loopback names, ports and allowed hosts', () => {
  expect(
    ['localhost', 'a.localhost', '127.0.0.1', '127.255.0.9', '::1', '::ffff:127.0.0.1'].map(isLoopbackName),
  ).toEqual([true, true, true, true, true, true]);
  expect(['localhost.example', '128.0.0.1', '127.0.0', '0.0.0.0', '::', 'example.com'].map(isLoopbackName)).toEqual([
    false,
    false,
    false,
    false,
    false,
    false,
  ]);
  expect(hostAllowed('localhost', 80, 80, '127.0.0.1', [])).toBe(true);
  expect(hostAllowed('localhost.', 80, 80, '127.0.0.1', [])).toBe(true);
  expect(hostAllowed('[::1]:4010', 80, 4010, '::1', [])).toBe(true);
  expect(hostAllowed('[fe80::1%25eth0]:4010', 80, 4010, '::1', [])).toBe(false);
  expect(hostAllowed('localhost:04010', 80, 4010, '127.0.0.1', [])).toBe(true);
  expect(hostAllowed('localhost:99999', 80, 4010, '127.0.0.1', [])).toBe(false);
  expect(hostAllowed('MOCK.internal:1', 80, 4010, '127.0.0.1', ['mock.internal'])).toBe(true);
});
