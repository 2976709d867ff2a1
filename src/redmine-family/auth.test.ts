import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../server/test-server.js';
import { DEFAULT_ADMIN_API_KEY, JSMITH_API_KEY } from './credentials.js';
import { basic, familyClient } from './test-client.js';

let t: TestServer;
let call: ReturnType<typeof familyClient>;
let api: string;

beforeAll(async () => {
  t = await startTestServer({ apis: ['redmine'] });
  api = t.api('redmine');
  call = familyClient(api);
});
afterAll(async () => {
  expect(t.violations()).toEqual([]);
  await t.close();
});

const login = async (headers: Record<string, string>, query = '') => {
  const res = await call('GET', `/users/current.json${query}`, { as: 'anonymous', headers });
  return {
    status: res.status,
    login: res.status === 200 ? res.json<{ user: { login: string } }>().user.login : undefined,
    res,
  };
};

test('the X-Redmine-API-Key header authenticates', async () => {
  expect((await login({ 'x-redmine-api-key': JSMITH_API_KEY })).login).toBe('jsmith');
});

test('the key parameter comes first, before the header', async () => {
  expect((await login({ 'x-redmine-api-key': JSMITH_API_KEY }, `?key=${DEFAULT_ADMIN_API_KEY}`)).login).toBe('admin');
});

test('the key can be a form field of the body', async () => {
  const res = await call('PUT', '/projects/nonexistent.json', {
    as: 'anonymous',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `key=${DEFAULT_ADMIN_API_KEY}&project[name]=x`,
  });
  expect(res.status).toBe(404);
});

test('Basic with login and password, and Basic with the API key as user name', async () => {
  const byPassword = await login({ authorization: basic('jsmith', 'jsmith') });
  expect(byPassword.login).toBe('jsmith');
  expect(byPassword.res.json<{ user: { last_login_on: string | null } }>().user.last_login_on).not.toBeNull();
  expect((await login({ authorization: basic(DEFAULT_ADMIN_API_KEY, 'anything') })).login).toBe('admin');
});

test('wrong credentials give an empty 401 with WWW-Authenticate', async () => {
  const attempts: Record<string, string>[] = [
    { 'x-redmine-api-key': 'wrong' },
    { authorization: basic('admin', 'wrong') },
    {},
  ];
  for (const headers of attempts) {
    const { status, res } = await login(headers);
    expect(status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="Redmine API"');
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.text).toBe('');
  }
  const xml = await call('GET', '/users/current.xml', { as: 'anonymous' });
  expect(xml.headers.get('content-type')).toBe('application/xml');
});

test('a wrong key is refused even where anonymous access is allowed', async () => {
  expect(
    (await call('GET', '/projects.json', { as: 'anonymous', headers: { 'x-redmine-api-key': 'nope' } })).status,
  ).toBe(401);
  expect((await call('GET', '/projects.json', { as: 'anonymous' })).status).toBe(200);
});

test('a locked user cannot authenticate', async () => {
  const state = (await (await fetch(`${t.url}/__crmkit/state?api=redmine`)).json()) as {
    redmine: { users: { items: { login: string; password: string; status: number; api_key: string }[] } };
  };
  const locked = state.redmine.users.items.find((u) => u.status === 3)!;
  expect((await login({ authorization: basic(locked.login, locked.password) })).status).toBe(401);
  expect((await login({ 'x-redmine-api-key': locked.api_key })).status).toBe(401);
});

test('X-Redmine-Switch-User: admins impersonate, unknown login is 412, non-admins are ignored', async () => {
  const switched = await login({ 'x-redmine-api-key': DEFAULT_ADMIN_API_KEY, 'x-redmine-switch-user': 'jsmith' });
  expect(switched.login).toBe('jsmith');
  expect(switched.res.json<{ user: Record<string, unknown> }>().user.mail).toBeUndefined();
  const unknown = await login({ 'x-redmine-api-key': DEFAULT_ADMIN_API_KEY, 'x-redmine-switch-user': 'nobody' });
  expect(unknown.status).toBe(412);
  expect(unknown.res.text).toBe('');
  const ignored = await login({ 'x-redmine-api-key': JSMITH_API_KEY, 'x-redmine-switch-user': 'admin' });
  expect(ignored.login).toBe('jsmith');
});

test('a non-admin gets an empty 403 where administrators only are allowed', async () => {
  const res = await call('GET', '/custom_fields.json', { as: 'jsmith' });
  expect(res.status).toBe(403);
  expect(res.text).toBe('');
  expect(res.headers.get('cache-control')).toBe('no-cache');
  expect((await call('GET', '/custom_fields.json', { as: 'anonymous' })).status).toBe(401);
});
