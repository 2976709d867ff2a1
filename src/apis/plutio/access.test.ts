import { afterAll, beforeAll, expect, test } from 'vitest';
import { type PlutioTestServer, startPlutio } from './test-support.js';

let s: PlutioTestServer;
let globex: string;
beforeAll(async () => {
  s = await startPlutio();
  globex = await s.tokenFor('globex-client', 'globex-secret');
});
afterAll(async () => {
  expect(s.ts.violations()).toEqual([]);
  await s.close();
});

const JSON_UTF8 = 'application/json; charset=utf-8';

test('no Authorization header is 401 with the oauth2-server text', async () => {
  const res = await s.call('GET', '/projects', { token: null });
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toBe(JSON_UTF8);
  expect(res.body).toEqual({ statusCode: 401, code: 401, message: 'Unauthorized request: no authentication given' });
});

test('an unknown token, or another scheme, is 401', async () => {
  const unknown = await s.call('GET', '/projects', { token: 'f'.repeat(40) });
  expect(unknown.status).toBe(401);
  expect(unknown.body).toEqual({ statusCode: 401, code: 401, message: 'Invalid token: access token is invalid' });
  const basic = await s.call('GET', '/projects', { token: null, headers: { authorization: 'Basic YTpi' } });
  expect(basic.status).toBe(401);
  expect(basic.body.message).toBe('Unauthorized request: no authentication given');
});

test('the token is checked before the route: an unknown path without a token is 401', async () => {
  const res = await s.call('GET', '/wikis', { token: null });
  expect(res.status).toBe(401);
});

test('a missing Business header is 400 "Business undefined is not enabled for this client."', async () => {
  const res = await s.call('GET', '/projects', { business: null });
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toBe(JSON_UTF8);
  expect(res.body).toEqual({
    statusCode: 400,
    code: 400,
    message: 'Business undefined is not enabled for this client.',
  });
});

test('a business the application is not enabled for is 400 naming the slug', async () => {
  const res = await s.call('GET', '/projects', { business: 'globex' });
  expect(res.status).toBe(400);
  expect(res.body.message).toBe('Business globex is not enabled for this client.');
  const other = await s.call('GET', '/projects', { token: globex, business: 'acme' });
  expect(other.body.message).toBe('Business acme is not enabled for this client.');
});

test('the Business header name and slug are case-insensitive', async () => {
  const res = await s.call('GET', '/projects?limit=1', { business: null, headers: { BUSINESS: 'Acme' } });
  expect(res.status).toBe(200);
  expect(res.body).toHaveLength(1);
});

test('each business sees only its own records', async () => {
  const acmeProjects = await s.call('GET', '/projects?limit=1000');
  const globexProjects = await s.call('GET', '/projects?limit=1000', { token: globex, business: 'globex' });
  expect(acmeProjects.status).toBe(200);
  expect(globexProjects.status).toBe(200);
  const acmeIds = new Set(acmeProjects.body.map((p: { _id: string }) => p._id));
  expect(globexProjects.body.some((p: { _id: string }) => acmeIds.has(p._id))).toBe(false);

  const created = await s.call('POST', '/projects', { body: { name: 'Acme only' } });
  expect(created.status).toBe(200);
  const id = created.body._id as string;
  const fromGlobex = await s.call('GET', `/projects?_id=${id}`, { token: globex, business: 'globex' });
  expect(fromGlobex.status).toBe(404);
  const update = await s.call('PUT', '/projects', { token: globex, business: 'globex', body: { _id: id, name: 'x' } });
  expect(update.status).toBe(404);
  const remove = await s.call('DELETE', '/projects', { token: globex, business: 'globex', body: { _id: id } });
  expect(remove.status).toBe(404);
  const fromAcme = await s.call('GET', `/projects?_id=${id}`);
  expect(fromAcme.body).toMatchObject({ _id: id, name: 'Acme only' });
});

test.each([
  ['GET', '/people/aP7sCAturRLp6KJAv'],
  ['PUT', '/people/aP7sCAturRLp6KJAv'],
  ['DELETE', '/tasks/aP7sCAturRLp6KJAv'],
  ['PATCH', '/tasks'],
  ['GET', '/wikis'],
  ['GET', '/wiki-pages'],
  ['GET', '/roles'],
  ['POST', '/people/move'],
  ['POST', '/trash-bin'],
  ['DELETE', '/trash-bin/all'],
  ['GET', '/tasks/move'],
  ['POST', '/invoices/aP7sCAturRLp6KJAv/send'],
])('%s %s is 403 Method not allowed', async (method, path) => {
  const res = await s.call(method, path, { body: method === 'GET' ? undefined : { _id: 'aP7sCAturRLp6KJAv' } });
  expect(res.status).toBe(403);
  expect(res.headers.get('content-type')).toBe(JSON_UTF8);
  expect(res.headers.get('allow')).toBeNull();
  expect(res.body).toEqual({ statusCode: 403, code: 403, message: 'Method not allowed' });
});
