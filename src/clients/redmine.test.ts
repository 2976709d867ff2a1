import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../app/test-server.js';
import { DEFAULT_ADMIN_API_KEY, JSMITH_API_KEY } from '../redmine-family/credentials.js';
import { createRedmineClient, type RedmineClient } from './redmine.js';

let ts: TestServer;
let admin: RedmineClient;

beforeAll(async () => {
  ts = await startTestServer({ apis: ['redmine'] });
  admin = createRedmineClient({ baseUrl: ts.api('redmine'), apiKey: DEFAULT_ADMIN_API_KEY });
});

afterAll(async () => {
  await ts.close();
});

const whoAmI = async (client: RedmineClient) => (await client.GET('/users/current.{format}')).data?.user.login;

test('project round trip: create 201, get with include (comma-separated), update 204, list, delete 204, then 404', async () => {
  const created = await admin.POST('/projects.{format}', {
    body: { project: { name: 'Typed client', identifier: 'typed-client', is_public: false } },
  });
  expect(created.response.status).toBe(201);
  expect(created.data?.project).toMatchObject({ name: 'Typed client', identifier: 'typed-client', is_public: false });
  const path = { project_id: 'typed-client' };

  const read = await admin.GET('/projects/{project_id}.{format}', {
    params: { path, query: { include: ['trackers', 'enabled_modules'] } },
  });
  expect(new URL(read.response.url).search).toBe('?include=trackers,enabled_modules');
  expect(read.data?.project.trackers).toBeInstanceOf(Array);
  expect(read.data?.project.enabled_modules).toBeInstanceOf(Array);

  const updated = await admin.PUT('/projects/{project_id}.{format}', {
    params: { path },
    body: { project: { description: 'Made by the typed client' } },
  });
  expect(updated.response.status).toBe(204);
  const list = await admin.GET('/projects.{format}', { params: { query: { limit: 100 } } });
  const listed = list.data?.projects.find((p) => p.identifier === 'typed-client');
  expect(listed?.description).toBe('Made by the typed client');

  expect((await admin.DELETE('/projects/{project_id}.{format}', { params: { path } })).response.status).toBe(204);
  const gone = await admin.GET('/projects/{project_id}.{format}', { params: { path } });
  expect([gone.response.status, gone.data]).toEqual([404, undefined]);
});

test('authenticates by API key, by Basic login and password, and anonymously', async () => {
  const baseUrl = ts.api('redmine');
  expect(await whoAmI(admin)).toBe('admin');
  expect(await whoAmI(createRedmineClient({ baseUrl, apiKey: JSMITH_API_KEY }))).toBe('jsmith');
  expect(await whoAmI(createRedmineClient({ baseUrl, username: 'jsmith', password: 'jsmith' }))).toBe('jsmith');
  const anonymous = createRedmineClient({ baseUrl });
  const projects = await anonymous.GET('/projects.{format}');
  expect(projects.data?.projects.length).toBeGreaterThan(0);
  expect(projects.data?.projects.every((p) => p.is_public)).toBe(true);
});

test('switchUser acts as another user; a call can switch on its own through the typed header parameter', async () => {
  const baseUrl = ts.api('redmine');
  const asJsmith = createRedmineClient({ baseUrl, apiKey: DEFAULT_ADMIN_API_KEY, switchUser: 'jsmith' });
  expect(await whoAmI(asJsmith)).toBe('jsmith');
  const oneCall = await admin.GET('/users/current.{format}', {
    params: { header: { 'X-Redmine-Switch-User': 'jsmith' } },
  });
  expect(oneCall.data?.user.login).toBe('jsmith');
  const unknown = createRedmineClient({ baseUrl, apiKey: DEFAULT_ADMIN_API_KEY, switchUser: 'nobody' });
  expect((await unknown.GET('/users/current.{format}')).response.status).toBe(412);
});

test('wrong credentials surface as an error response with status 401', async () => {
  const wrong = createRedmineClient({ baseUrl: ts.api('redmine'), username: 'admin', password: 'wrong' });
  const { data, error, response } = await wrong.GET('/users/current.{format}');
  expect([response.status, data, error]).toEqual([401, undefined, undefined]);
});

test('the server saw no contract violation', () => {
  expect(ts.violations()).toEqual([]);
});
