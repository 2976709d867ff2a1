import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../app/test-server.js';
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

test('credentials that match nobody leave the caller anonymous, as in Redmine 5.0 (public projects, no 401)', async () => {
  const identifiers = async (headers: Record<string, string>, query = '') => {
    const res = await call('GET', `/projects.json${query}`, { as: 'anonymous', headers });
    expect(res.status).toBe(200);
    return res
      .json<{ projects: { identifier: string }[] }>()
      .projects.map((p) => p.identifier)
      .join(',');
  };
  const anonymous = await identifiers({});
  expect(await identifiers({}, `?key=${DEFAULT_ADMIN_API_KEY}`)).not.toBe(anonymous);
  expect(await identifiers({ 'x-redmine-api-key': 'nope' })).toBe(anonymous);
  expect(await identifiers({}, '?key=nope')).toBe(anonymous);
  expect(await identifiers({ authorization: basic('nope', 'x') })).toBe(anonymous);
});

test("a key parameter that is a list or a hash is nobody's key, and the header is not looked at", async () => {
  const admin = DEFAULT_ADMIN_API_KEY;
  for (const query of [
    `?key[]=${admin}`,
    `?key[a]=${admin}`,
    `?key[][a]=${admin}`,
    '?key[]=',
    `?key[]=${admin}&key[]=x`,
  ]) {
    const res = await login({}, query);
    expect(res.status, query).toBe(401);
    expect(res.res.headers.get('www-authenticate'), query).toBe('Basic realm="Redmine API"');
    expect((await login({ 'x-redmine-api-key': admin }, query)).status, `${query} with the header`).toBe(401);
  }
  // A plain key after the list wins, as the later assignment does in Rack.
  expect((await login({}, `?key[]=${admin}&key=${admin}`)).login).toBe('admin');
  // Anonymous where anonymous callers are served: the public projects only.
  const projects = async (query: string) =>
    (await call('GET', `/projects.json${query}`, { as: 'anonymous' })).json<{ total_count: number }>().total_count;
  expect(await projects(`?key[]=${admin}`)).toBe(await projects(''));
  expect(await projects(`?key[a]=${admin}`)).toBe(await projects(''));
  expect(await projects(`?key=${admin}`)).toBeGreaterThan(await projects(''));
});

test("a body key that is not a string: a list or a number is nobody's key; an empty list or false is no key", async () => {
  const put = (key: unknown) =>
    call('PUT', '/projects/nonexistent.json', {
      as: 'anonymous',
      headers: { 'x-redmine-api-key': DEFAULT_ADMIN_API_KEY },
      body: { key, project: { name: 'x' } },
    });
  // 404 means the administrator was found (the project is looked up); 401 that nobody was.
  expect((await put([DEFAULT_ADMIN_API_KEY])).status).toBe(401);
  expect((await put({ a: DEFAULT_ADMIN_API_KEY })).status).toBe(401);
  expect((await put(123)).status).toBe(401);
  expect((await put([])).status).toBe(404);
  expect((await put(false)).status).toBe(404);
  expect((await put(DEFAULT_ADMIN_API_KEY)).status).toBe(404);
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
