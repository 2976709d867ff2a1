import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFixtureModule } from '../ops/fixture-module.js';
import { createServer } from './app.js';
import { startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
let base: string;

beforeAll(async () => {
  t = await startTestServer({ modules: [createFixtureModule()], bodyLimit: 64, log: () => {} });
  base = `${t.url}/fixture`;
});
afterAll(() => t.close());

const post = (path: string, body: string, type = 'application/json') =>
  fetch(base + path, { method: 'POST', headers: { 'content-type': type }, body });

test('a handler result is serialised as JSON and path parameters are coerced', async () => {
  const res = await fetch(`${base}/items/1`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(await res.json()).toEqual({ id: 1, name: 'first' });
});

test('a request body is parsed, validated and refused when it breaks the schema', async () => {
  expect((await post('/items', '{"name":"second"}')).status).toBe(201);
  expect((await post('/items', '{"name":5}')).status).toBe(400);
  expect((await post('/items', '{"name":')).status).toBe(400);
  expect((await post('/items', 'name=x', 'text/plain')).status).toBe(415);
});

test('a body over the limit gets 413 and the server keeps serving', async () => {
  const res = await post('/items', JSON.stringify({ name: 'x'.repeat(200) }));
  expect(res.status).toBe(413);
  expect((await fetch(`${base}/items`)).status).toBe(200);
});

test('an unexpected exception becomes a 500 and the server keeps running', async () => {
  expect((await fetch(`${base}/crash`)).status).toBe(500);
  expect((await fetch(`${base}/items/1`)).status).toBe(200);
});

test('a result that breaks the spec becomes a 500 describing the violation, and is recorded', async () => {
  const res = await fetch(`${base}/broken`);
  const body = (await res.json()) as { operationId: string; issues: { pointer: string }[] };
  expect(res.status).toBe(500);
  expect(body.operationId).toBe('broken');
  expect(body.issues.map((i) => i.pointer)).toContain('/id');
  const undeclared = await fetch(`${base}/forbidden`);
  expect(undeclared.status).toBe(500);
  expect(t.violations().map((v) => v.operationId)).toEqual(['broken', 'forbidden']);
  t.server.log.violations.length = 0;
});

test('unknown routes, wrong methods, HEAD and unknown API prefixes', async () => {
  expect((await fetch(`${base}/nothing`)).status).toBe(404);
  const wrong = await fetch(`${base}/items/1`, { method: 'DELETE' });
  expect(wrong.status).toBe(405);
  expect(wrong.headers.get('allow')).toBe('GET');
  const head = await fetch(`${base}/items/1`, { method: 'HEAD' });
  expect(head.status).toBe(200);
  expect(await head.text()).toBe('');
  expect((await fetch(`${t.url}/elsewhere/items`)).status).toBe(404);
});

test('control endpoints: health, requests, state export/import and reset', async () => {
  expect(await (await fetch(`${t.url}/__crmkit/health`)).json()).toEqual({ status: 'ok', apis: ['fixture'] });
  await post('/items', '{"name":"temp"}');
  const requests = (await (await fetch(`${t.url}/__crmkit/requests`)).json()) as { requests: { path: string }[] };
  expect(requests.requests.at(-1)).toMatchObject({ method: 'POST', path: '/fixture/items', status: 201 });
  const state = (await (await fetch(`${t.url}/__crmkit/state`)).json()) as { fixture: { items: { items: unknown[] } } };
  expect(state.fixture.items.items.length).toBeGreaterThan(1);
  expect((await fetch(`${t.url}/__crmkit/reset`, { method: 'POST' })).status).toBe(204);
  expect(((await (await fetch(`${base}/items`)).json()) as { items: unknown[] }).items).toHaveLength(1);
  const put = await fetch(`${t.url}/__crmkit/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(state),
  });
  expect(put.status).toBe(204);
  expect(((await (await fetch(`${base}/items`)).json()) as { items: unknown[] }).items.length).toBeGreaterThan(1);
  const bad = await fetch(`${t.url}/__crmkit/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: '{"fixture":{"nope":{}}}',
  });
  expect(bad.status).toBe(400);
  expect((await fetch(`${t.url}/__crmkit/reset?api=unknown`, { method: 'POST' })).status).toBe(404);
});

test('the control endpoints can be switched off', async () => {
  const off = await startTestServer({ modules: [createFixtureModule()], control: false });
  try {
    expect((await fetch(`${off.url}/__crmkit/health`)).status).toBe(404);
  } finally {
    await off.close();
  }
});

test('a handler map must cover exactly the operations of the document', async () => {
  const missing = createFixtureModule();
  delete (missing.handlers as Record<string, unknown>).crash;
  await expect(createServer({ modules: [missing] })).rejects.toThrow('no handler for operation(s) crash');
  const extra = createFixtureModule();
  (extra.handlers as Record<string, unknown>).listWidgets = () => ({ status: 200 });
  await expect(createServer({ modules: [extra] })).rejects.toThrow('Unknown operationId listWidgets');
});
