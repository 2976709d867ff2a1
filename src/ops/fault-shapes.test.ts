import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../app/test-server.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({
    apis: ['redmine', 'plutio'],
    faults: [
      { api: 'redmine', operationId: 'listProjects', status: 503, retryAfter: 30 },
      { api: 'plutio', status: 429 },
    ],
  });
});
afterAll(() => t.close());

test('a forced 503 on Redmine is an empty Redmine error with Rails headers and Retry-After', async () => {
  const res = await fetch(`${t.api('redmine')}/projects.json`);
  expect(res.status).toBe(503);
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(res.headers.get('retry-after')).toBe('30');
  expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(await res.text()).toBe('');
  const xml = await fetch(`${t.api('redmine')}/projects.xml`);
  expect(xml.headers.get('content-type')).toBe('application/xml');
});

test('a forced 500 from a header on Redmine, while other operations answer normally', async () => {
  const res = await fetch(`${t.api('redmine')}/users/current.json`, { headers: { 'x-crmkit-fault': 'status=500' } });
  expect(res.status).toBe(500);
  expect(await res.text()).toBe('');
  expect((await fetch(`${t.api('redmine')}/users/current.json`)).status).toBe(401);
});

test('a forced 429 on Plutio is a Plutio JSON error, before authentication and outside the rate budget', async () => {
  const res = await fetch(`${t.api('plutio')}/people`);
  expect(res.status).toBe(429);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(res.headers.get('retry-after')).toBe('1');
  expect(await res.json()).toEqual({ statusCode: 429, code: 429, message: 'Too Many Requests' });
  const unavailable = await fetch(`${t.api('plutio')}/people`, { headers: { prefer: 'status=503' } });
  expect(unavailable.status).toBe(503);
  expect(await unavailable.json()).toEqual({ statusCode: 503, code: 503, message: 'Service Unavailable' });
  expect(t.violations()).toEqual([]);
});
