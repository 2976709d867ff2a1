import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../app/test-server.js';
import { createFixtureModule } from './fixture-module.js';

let t: TestServer;
let base: string;

beforeAll(async () => {
  t = await startTestServer({
    modules: [createFixtureModule()],
    faults: [{ api: 'fixture', operationId: 'crash', delay: 1 }],
  });
  base = `${t.url}/fixture`;
});
afterAll(() => t.close());
beforeEach(async () => {
  await fetch(`${t.url}/__crmkit/reset`, { method: 'POST' });
});

const addFault = (rule: unknown) =>
  fetch(`${t.url}/__crmkit/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
const listFaults = async () =>
  ((await (await fetch(`${t.url}/__crmkit/faults`)).json()) as { faults: unknown[] }).faults;
/** The logged requests to the API (control requests left out). */
const apiRequests = async () => {
  const body = (await (await fetch(`${t.url}/__crmkit/requests`)).json()) as {
    requests: { api?: string; status: number; fault?: string; operationId?: string }[];
  };
  return body.requests.filter((r) => r.api !== undefined);
};
const timed = async (url: string, init?: RequestInit) => {
  const started = performance.now();
  const res = await fetch(url, init);
  await res.text();
  return { res, ms: performance.now() - started };
};

test('latency: a rule delays one operation only; a header delays one request', async () => {
  expect((await addFault({ api: 'fixture', operationId: 'getItem', delay: 150 })).status).toBe(201);
  const slow = await timed(`${base}/items/1`);
  expect(slow.res.status).toBe(200);
  expect(slow.ms).toBeGreaterThanOrEqual(145);
  const header = await timed(`${base}/items`, { headers: { 'x-crmkit-fault': 'delay=120' } });
  expect(header.res.status).toBe(200);
  expect(header.ms).toBeGreaterThanOrEqual(115);
  expect((await apiRequests()).map((r) => r.fault)).toEqual(['delay=150', 'delay=120']);
});

test('a forced status answers without running the request: nothing is written', async () => {
  const res = await fetch(`${base}/items`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', prefer: 'return=minimal, status=503' },
    body: '{"name":"never"}',
  });
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('1');
  expect(await res.json()).toMatchObject({ error: { code: 'UNAVAILABLE', message: 'Service Unavailable' } });
  const list = (await (await fetch(`${base}/items`)).json()) as { items: unknown[] };
  expect(list.items).toHaveLength(1);
});

test('times: the fault applies N times, then requests succeed and the rule is gone', async () => {
  await addFault({ api: 'fixture', status: 500, times: 2 });
  expect(await listFaults()).toMatchObject([{ id: 1 }, { id: 2, status: 500, remaining: 2, hits: 0 }]);
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await fetch(`${base}/items/1`)).status);
  expect(statuses).toEqual([500, 500, 200, 200]);
  expect(await listFaults()).toHaveLength(1);
});

test('a dropped connection: the socket closes without an answer and the log says so', async () => {
  await addFault({ api: 'fixture', operationId: 'listItems', fault: 'reset' });
  await expect(fetch(`${base}/items`)).rejects.toThrow();
  expect((await fetch(`${base}/items/1`)).status).toBe(200);
  expect((await apiRequests())[0]).toMatchObject({ status: 0, fault: 'reset', operationId: 'listItems' });
});

test('a truncated answer: headers and half the body, then the connection closes', async () => {
  const res = await fetch(`${base}/items/1`, { headers: { prefer: 'fault=truncate' } });
  expect(res.status).toBe(200);
  expect(Number(res.headers.get('content-length'))).toBe('{"id":1,"name":"first"}'.length);
  await expect(res.text()).rejects.toThrow();
});

test('control endpoint: add a list all-or-nothing, delete one, delete all; reset restores start-up rules', async () => {
  const bad = await addFault([
    { api: 'fixture', status: 502 },
    { api: 'fixture', status: 200 },
  ]);
  expect(bad.status).toBe(400);
  expect(await bad.json()).toMatchObject({
    error: { message: 'faults[1]: status must be a whole number from 400 to 599' },
  });
  expect(await listFaults()).toHaveLength(1);
  const added = await addFault([{ api: 'fixture', status: 502 }, { delay: 5 }]);
  expect(added.status).toBe(201);
  const { faults } = (await added.json()) as { faults: { id: number }[] };
  const id = faults[0]?.id;
  expect(faults.map((f) => f.id)).toEqual([id, (id ?? 0) + 1]);
  expect((await fetch(`${t.url}/__crmkit/faults?id=${id}`, { method: 'DELETE' })).status).toBe(204);
  expect((await fetch(`${t.url}/__crmkit/faults?id=${id}`, { method: 'DELETE' })).status).toBe(404);
  expect((await fetch(`${base}/items/1`)).status).toBe(200);
  expect((await fetch(`${t.url}/__crmkit/faults`, { method: 'DELETE' })).status).toBe(204);
  expect(await listFaults()).toEqual([]);
  await fetch(`${t.url}/__crmkit/reset`, { method: 'POST' });
  expect(await listFaults()).toMatchObject([{ id: 1, api: 'fixture', operationId: 'crash', delay: 1 }]);
});

test('a malformed fault header is a 400; fault headers are ignored when the control endpoints are off', async () => {
  const bad = await fetch(`${base}/items/1`, { headers: { 'x-crmkit-fault': 'status=abc' } });
  expect(bad.status).toBe(400);
  expect(await bad.text()).toContain('X-Crmkit-Fault: status must be');
  const off = await startTestServer({ modules: [createFixtureModule()], control: false });
  try {
    const res = await fetch(`${off.url}/fixture/items/1`, { headers: { 'x-crmkit-fault': 'status=503' } });
    expect(res.status).toBe(200);
    expect((await fetch(`${off.url}/__crmkit/faults`)).status).toBe(404);
  } finally {
    await off.close();
  }
});

test('a failure rate is repeatable: the same seed gives the same faults, another seed others', async () => {
  const pattern = async (seed: number) => {
    const s = await startTestServer({ modules: [createFixtureModule()], seed, faults: [{ status: 500, rate: 0.5 }] });
    try {
      let out = '';
      for (let i = 0; i < 24; i++) out += (await fetch(`${s.url}/fixture/items/1`)).status === 500 ? 'x' : '.';
      return out;
    } finally {
      await s.close();
    }
  };
  const first = await pattern(3);
  expect(first).toMatch(/x/);
  expect(first).toMatch(/\./);
  expect(await pattern(3)).toBe(first);
  expect(await pattern(4)).not.toBe(first);
});
