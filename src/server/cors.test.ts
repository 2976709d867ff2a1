import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../app/test-server.js';
import { createFixtureModule } from '../ops/fixture-module.js';
import { allowMethods, CORS_MAX_AGE, EXPOSED_HEADERS, preflightResponse } from './cors.js';

const KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
const APP = 'http://app.example:5173';
const EXPOSE = EXPOSED_HEADERS.join(', ');

let t: TestServer;
/** Token of the acme application, whose 4 calls an hour the first test uses up; globex's has its own 4. */
let plutioToken: string;
let globexToken: string;
beforeAll(async () => {
  // A fault on every Planio company read and a Plutio limit of 4 calls: preflights must pass both.
  t = await startTestServer({
    faults: [{ api: 'planio', operationId: 'getCompany', status: 503 }],
    apiOptions: { plutio: { plutioRateLimit: 4 } },
    docsDir: false,
  });
  plutioToken = await token('crmkit-client', 'crmkit-secret');
  globexToken = await token('globex-client', 'globex-secret');
});
afterAll(async () => {
  expect(t.violations()).toEqual([]);
  await t.close();
});

async function token(client: string, secret: string): Promise<string> {
  const res = await fetch(`${t.api('plutio')}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: APP },
    body: `client_id=${client}&client_secret=${secret}&grant_type=client_credentials`,
  });
  expect(res.headers.get('access-control-allow-origin')).toBe(APP);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

const send = (url: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  fetch(url, { ...init, headers: { origin: APP, ...init.headers } });

/** The CORS headers of an answer (null where absent). */
const corsOf = (res: Response) => ({
  origin: res.headers.get('access-control-allow-origin'),
  credentials: res.headers.get('access-control-allow-credentials'),
  expose: res.headers.get('access-control-expose-headers'),
  vary: res.headers.get('vary'),
});
const ANSWERED = { origin: APP, credentials: 'true', expose: EXPOSE, vary: 'Origin' };
const NONE = { origin: null, credentials: null, expose: null, vary: null };

const preflight = (url: string, method: string, headers: string | undefined, origin = APP) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      ...(headers === undefined ? {} : { 'access-control-request-headers': headers }),
    },
  });

test('a preflight is answered 204 before routing, authentication, injected faults and the rate limit', async () => {
  const planio = await preflight(`${t.api('planio')}/companies/1.json`, 'GET', 'x-redmine-api-key');
  expect(planio.status).toBe(204);
  expect(Object.fromEntries(planio.headers)).toMatchObject({
    'access-control-allow-origin': APP,
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': 'GET, HEAD, POST, PUT, DELETE',
    'access-control-allow-headers': 'x-redmine-api-key',
    'access-control-max-age': String(CORS_MAX_AGE),
  });
  expect(planio.headers.get('vary')).toContain('Origin');
  // The injected 503 of getCompany applies to the request itself, not to its preflight.
  expect((await send(`${t.api('planio')}/companies/1.json`, { headers: { 'x-redmine-api-key': KEY } })).status).toBe(
    503,
  );

  const people = `${t.api('plutio')}/people`;
  for (let i = 0; i < 4; i++) {
    await send(people, { headers: { authorization: `Bearer ${plutioToken}`, business: 'acme' } });
  }
  const limited = await send(people, { headers: { authorization: `Bearer ${plutioToken}`, business: 'acme' } });
  expect(limited.status).toBe(429);
  expect(corsOf(limited)).toEqual(ANSWERED);
  expect(limited.headers.get('retry-after')).not.toBeNull();
  const plutio = await preflight(people, 'GET', 'Authorization, Business');
  expect(plutio.status).toBe(204);
  expect(plutio.headers.get('access-control-allow-headers')).toBe('Authorization, Business');
  expect(plutio.headers.get('access-control-allow-methods')).toBe('GET, HEAD, POST, PUT, DELETE');

  // No route and no credentials needed: a preflight of any path inside a mounted API.
  const nowhere = await preflight(`${t.api('redmine')}/nowhere`, 'PUT', 'X-Redmine-API-Key, Content-Type');
  expect(nowhere.status).toBe(204);
  expect(nowhere.headers.get('access-control-allow-headers')).toBe('X-Redmine-API-Key, Content-Type');
});

test('a method the API does not have is allowed too, so that the request gets the API’s own answer', async () => {
  const res = await preflight(`${t.api('plutio')}/people`, 'PATCH', undefined);
  expect(res.status).toBe(204);
  expect(res.headers.get('access-control-allow-methods')).toBe('GET, HEAD, POST, PUT, DELETE, PATCH');
  expect(res.headers.get('access-control-allow-headers')).toBeNull();
  const patch = await send(`${t.api('plutio')}/people`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${globexToken}`, business: 'globex' },
  });
  expect(patch.status).toBe(403);
  expect(corsOf(patch)).toEqual(ANSWERED);
});

test('every API answer to a request with Origin carries the CORS headers: success, errors, faults, 404s', async () => {
  const planio = t.api('planio');
  const key = { 'x-redmine-api-key': KEY };
  const ok = await send(`${planio}/companies.json?limit=1`, { headers: key });
  expect(ok.status).toBe(200);
  expect(corsOf(ok)).toEqual(ANSWERED);

  const created = await send(`${planio}/companies.json`, {
    method: 'POST',
    headers: { ...key, 'content-type': 'application/json' },
    body: JSON.stringify({ company: { name: 'Browser GmbH' } }),
  });
  expect(created.status).toBe(201);
  expect(corsOf(created)).toEqual(ANSWERED);
  expect(created.headers.get('location')).toMatch(/\/planio\/companies\/\d+$/);

  const invalid = await send(`${planio}/companies.json`, {
    method: 'POST',
    headers: { ...key, 'content-type': 'application/json' },
    body: JSON.stringify({ company: { name: '' } }),
  });
  expect(invalid.status).toBe(422);
  expect(corsOf(invalid)).toEqual(ANSWERED);

  const anonymous = await send(`${planio}/companies.json`);
  expect(anonymous.status).toBe(401);
  expect(corsOf(anonymous)).toEqual(ANSWERED);
  expect(anonymous.headers.get('www-authenticate')).not.toBeNull();

  const faulted = await send(`${planio}/companies/1.json`, { headers: key });
  expect(faulted.status).toBe(503);
  expect(corsOf(faulted)).toEqual(ANSWERED);

  const perRequest = await send(`${t.api('redmine')}/projects.json`, { headers: { ...key, prefer: 'status=429' } });
  expect(perRequest.status).toBe(429);
  expect(corsOf(perRequest)).toEqual(ANSWERED);

  for (const path of ['/nowhere.json', '/companies/999999.json', '/projects']) {
    const res = await send(`${t.api('redmine')}${path}`, { headers: key });
    expect(res.status, path).toBeGreaterThanOrEqual(404);
    expect(corsOf(res), path).toEqual(ANSWERED);
  }
  const plutio404 = await send(`${t.api('plutio')}/people?_id=nope`, {
    headers: { authorization: `Bearer ${globexToken}`, business: 'globex' },
  });
  expect(plutio404.status).toBeGreaterThanOrEqual(400);
  expect(corsOf(plutio404)).toEqual(ANSWERED);
});

test('a request without Origin gets no CORS header, nor does a path outside every API or the control plane', async () => {
  const plain = await fetch(`${t.api('redmine')}/projects.json`, { headers: { 'x-redmine-api-key': KEY } });
  expect(plain.status).toBe(200);
  expect(corsOf(plain)).toEqual(NONE);
  const options = await fetch(`${t.api('redmine')}/projects.json`, {
    method: 'OPTIONS',
    headers: { 'access-control-request-method': 'GET' },
  });
  expect(options.status).not.toBe(204);
  expect(corsOf(options)).toEqual(NONE);

  const outside = await send(`${t.url}/elsewhere`);
  expect(outside.status).toBe(404);
  expect(corsOf(outside)).toEqual(NONE);
  const outsidePreflight = await preflight(`${t.url}/elsewhere`, 'GET', undefined);
  expect(outsidePreflight.status).toBe(404);
  expect(outsidePreflight.headers.get('access-control-allow-origin')).toBeNull();
  const control = await preflight(`${t.url}/__crmkit/state`, 'GET', undefined);
  expect(control.headers.get('access-control-allow-origin')).toBeNull();
  const controlGet = await send(`${t.url}/__crmkit/health`);
  expect(controlGet.headers.get('access-control-allow-origin')).toBeNull();
});

test('only an Origin a browser sends is echoed: "null" is, two joined origins are not', async () => {
  const nul = await send(`${t.api('redmine')}/projects.json`, { headers: { origin: 'null' } });
  expect(nul.headers.get('access-control-allow-origin')).toBe('null');
  for (const origin of ['http://a.example, http://b.example', 'app.example', 'http://a.example/path', '']) {
    const res = await send(`${t.api('redmine')}/projects.json`, { headers: { origin } });
    expect(corsOf(res), origin).toEqual(NONE);
    const pre = await preflight(`${t.api('redmine')}/projects.json`, 'GET', undefined, origin);
    expect(pre.status, origin).not.toBe(204);
  }
});

test('a requested header list that is not one is not echoed', () => {
  const res = preflightResponse(
    APP,
    { 'access-control-request-method': 'GET', 'access-control-request-headers': 'a b' },
    'GET',
  );
  expect(res.headers['access-control-allow-headers']).toBeUndefined();
  const pna = preflightResponse(
    APP,
    { 'access-control-request-method': 'G(E)T', 'access-control-request-private-network': 'true' },
    'GET',
  );
  expect(pna.headers['access-control-allow-methods']).toBe('GET');
  expect(pna.headers['access-control-allow-private-network']).toBe('true');
  expect(allowMethods(['post', 'get', 'delete', 'PROPFIND'])).toBe('GET, HEAD, POST, DELETE, PROPFIND');
});

test('cors: false (--no-cors) sends no CORS header and leaves preflights to the API, as the real servers', async () => {
  const off = await startTestServer({ apis: ['planio', 'plutio'], cors: false, docsDir: false });
  try {
    const res = await send(`${off.api('planio')}/companies.json`, { headers: { 'x-redmine-api-key': KEY } });
    expect(res.status).toBe(200);
    expect(corsOf(res)).toEqual(NONE);
    for (const url of [`${off.api('planio')}/companies.json`, `${off.api('plutio')}/people`]) {
      const pre = await preflight(url, 'GET', 'authorization');
      expect(pre.status, url).not.toBe(204);
      expect(pre.headers.get('access-control-allow-origin'), url).toBeNull();
    }
  } finally {
    await off.close();
  }
});

/** Headers a browser lets scripts read anyway, and those no client needs (framing, security policies). */
const READABLE_OR_UNNEEDED = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'vary',
  'x-frame-options',
  'x-xss-protection',
  'x-content-type-options',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'referrer-policy',
]);

test('Access-Control-Expose-Headers names every header the APIs send that a script could need', async () => {
  const key = { 'x-redmine-api-key': KEY };
  const plutio = { authorization: `Bearer ${globexToken}`, business: 'globex' };
  const json = { 'content-type': 'application/json' };
  const requests: [string, RequestInit & { headers?: Record<string, string> }][] = [
    [`${t.api('redmine')}/projects.json`, { headers: key }],
    [`${t.api('redmine')}/projects.xml`, { headers: { ...key, prefer: 'status=503' } }],
    [`${t.api('planio')}/companies.json`, {}],
    [`${t.api('redmine')}/projects.json`, { method: 'PATCH', headers: key }],
    [`${t.api('redmine')}/projects`, { headers: key }],
    [
      `${t.api('redmine')}/projects.json`,
      { method: 'POST', headers: { ...key, ...json }, body: '{"project":{"name":"Exposed","identifier":"exposed"}}' },
    ],
    [
      `${t.api('redmineup')}/contacts.json`,
      { method: 'POST', headers: { ...key, ...json }, body: '{"contact":{"first_name":"Ex","project_id":1}}' },
    ],
    [
      `${t.api('redmineup')}/contacts/1.json`,
      { method: 'DELETE', headers: { 'x-redmine-switch-user': 'nobody', ...key } },
    ],
    [`${t.api('planio')}/companies.json`, { method: 'POST', headers: { ...key, ...json }, body: '{"company":{}}' }],
    [`${t.api('plutio')}/people`, { headers: plutio }],
    [`${t.api('plutio')}/people`, { headers: { ...plutio, prefer: 'status=429' } }],
    [`${t.api('plutio')}/projects`, { method: 'POST', headers: { ...plutio, ...json }, body: '{"name":"Exposed"}' }],
    [`${t.api('plutio')}/people`, { headers: { business: 'acme' } }],
    [`${t.api('plutio')}/nowhere`, { method: 'PATCH', headers: plutio }],
  ];
  const seen = new Set<string>();
  const unlisted = new Set<string>();
  const exposed = new Set(EXPOSED_HEADERS.map((h) => h.toLowerCase()));
  for (const [url, init] of requests) {
    const res = await send(url, init);
    expect(res.headers.get('access-control-allow-origin'), url).toBe(APP);
    for (const [name] of res.headers) {
      if (name.startsWith('access-control-')) continue;
      seen.add(name);
      if (!exposed.has(name) && !READABLE_OR_UNNEEDED.has(name)) unlisted.add(name);
    }
  }
  expect([...unlisted]).toEqual([]);
  // The list names what is sent, not more: each exposed header was seen in one of these answers, but Allow, which
  // only APIs using the plain JSON errors send (a 405 of an embedded module; Redmine answers 404, Plutio 403).
  expect(EXPOSED_HEADERS.filter((h) => !seen.has(h.toLowerCase()))).toEqual(['Allow']);
  const embedded = await startTestServer({ modules: [createFixtureModule()] });
  try {
    const res = await send(`${embedded.url}/fixture/items`, { method: 'PATCH' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).not.toBeNull();
    expect(res.headers.get('access-control-expose-headers')).toContain('Allow');
  } finally {
    await embedded.close();
  }
});
