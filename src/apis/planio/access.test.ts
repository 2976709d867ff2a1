import { afterAll, beforeAll, expect, test } from 'vitest';
import { ADMIN_PASSWORD, DEFAULT_ADMIN_API_KEY, JSMITH_API_KEY } from '../../redmine-family/index.js';
import {
  basic,
  companyLinkedTo,
  fieldId,
  type Json,
  type PlanioTestServer,
  parseXml,
  startPlanio,
} from './test-support.js';

let srv: PlanioTestServer;

beforeAll(async () => {
  srv = await startPlanio();
});

afterAll(async () => {
  await srv.ts.close();
});

const snapshot = () => JSON.stringify({ c: srv.state().companies.export(), p: srv.state().contacts.export() });

test('every Planio operation refuses anonymous callers with an empty 401 and a Basic challenge', async () => {
  const company = srv.state().companies.all()[0];
  const contact = srv.state().contacts.find((c) => c.company_id === company?.id);
  const { publicMine } = srv.projects();
  const ops: [string, string][] = [
    ['GET', '/companies'],
    ['POST', '/companies'],
    ['GET', `/projects/${publicMine.identifier}/companies`],
    ['GET', `/companies/${company?.id}`],
    ['PUT', `/companies/${company?.id}`],
    ['DELETE', `/companies/${company?.id}`],
    ['GET', `/companies/${company?.id}/contacts`],
    ['POST', `/companies/${company?.id}/contacts`],
    ['GET', `/companies/${company?.id}/contacts/${contact?.id}`],
    ['PUT', `/companies/${company?.id}/contacts/${contact?.id}`],
    ['DELETE', `/companies/${company?.id}/contacts/${contact?.id}`],
  ];
  const before = snapshot();
  for (const [method, path] of ops) {
    for (const format of ['json', 'xml']) {
      const body = method === 'POST' || method === 'PUT' ? { company: { name: 'X' } } : undefined;
      const res = await srv.call(method, `${path}.${format}`, { as: 'anonymous', body });
      expect([res.status, res.text], `${method} ${path}.${format}`).toEqual([401, '']);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="Redmine API"');
      expect(res.headers.get('content-type')).toBe(`application/${format}`);
    }
  }
  expect(snapshot()).toBe(before);
});

test('the API key as key parameter or header, and Basic with login/password or key, authenticate', async () => {
  const anon = { as: 'anonymous' as const };
  const viaParam = await srv.call('GET', `/companies.json?limit=1&key=${DEFAULT_ADMIN_API_KEY}`, anon);
  const viaHeader = await srv.call('GET', '/companies.json?limit=1', {
    ...anon,
    headers: { 'x-redmine-api-key': DEFAULT_ADMIN_API_KEY },
  });
  const viaBasic = await srv.call('GET', '/companies.json?limit=1', {
    ...anon,
    headers: { authorization: basic('admin', ADMIN_PASSWORD) },
  });
  const viaBasicKey = await srv.call('GET', '/companies.json?limit=1', {
    ...anon,
    headers: { authorization: basic(JSMITH_API_KEY, 'x') },
  });
  for (const res of [viaParam, viaHeader, viaBasic, viaBasicKey]) expect(res.status).toBe(200);
  const total = (res: typeof viaParam) => res.json<{ total_count: number }>().total_count;
  expect(total(viaParam)).toBe(srv.state().companies.size);
  expect(total(viaBasicKey)).toBeLessThan(total(viaParam));
  const wrongKey = await srv.call('GET', '/companies.json?key=0000', anon);
  expect([wrongKey.status, wrongKey.text]).toEqual([401, '']);
  const wrongPassword = await srv.call('GET', '/companies.xml', {
    ...anon,
    headers: { authorization: basic('admin', 'x') },
  });
  expect(wrongPassword.status).toBe(401);
});

test('jsmith sees exactly the companies linked to a project he can see, never private-only or unlinked ones', async () => {
  const state = srv.state();
  const { privateOther } = srv.projects();
  const jsmith = state.users.find((u) => u.login === 'jsmith');
  const member = (projectId: number) =>
    !!state.memberships.find((m) => m.project_id === projectId && m.user_id === jsmith?.id);
  const visibleProjects = new Set(
    state.projects.all((p) => p.status !== 9 && (p.is_public || member(p.id))).map((p) => p.id),
  );
  const expected = state.companies
    .all((c) => c.project_ids.some((id) => visibleProjects.has(id)))
    .map((c) => c.id)
    .sort((a, b) => a - b);
  const res = await srv.call('GET', '/companies.json?limit=100', { as: 'jsmith' });
  const ids = res.json<{ companies: Json[] }>().companies.map((c) => c.id as number);
  expect([...ids].sort((a, b) => a - b)).toEqual(expected);
  const hidden = companyLinkedTo(state, [privateOther.id]);
  const unlinked = companyLinkedTo(state, []);
  expect(ids).not.toContain(hidden.id);
  expect(ids).not.toContain(unlinked.id);
  for (const company of [hidden, unlinked]) {
    for (const path of [`/companies/${company.id}`, `/companies/${company.id}/contacts`]) {
      const denied = await srv.call('GET', `${path}.json`, { as: 'jsmith' });
      expect([denied.status, denied.text], path).toEqual([403, '']);
    }
  }
  expect((await srv.call('GET', '/companies/9999.json', { as: 'jsmith' })).status).toBe(404);
});

test('jsmith gets 403 for a private project he is not a member of and 200 for his own', async () => {
  const { privateOther, privateMine } = srv.projects();
  const other = await srv.call('GET', `/projects/${privateOther.identifier}/companies.json`, { as: 'jsmith' });
  expect([other.status, other.text]).toEqual([403, '']);
  const mine = await srv.call('GET', `/projects/${privateMine.identifier}/companies.xml`, { as: 'jsmith' });
  expect(mine.status).toBe(200);
  const expected = srv.state().companies.all((c) => c.project_ids.includes(privateMine.id)).length;
  expect(parseXml(mine.text).companies['@total_count']).toBe(String(expected));
});

test('the projects of a shared company leave out the private project jsmith cannot see', async () => {
  const { privateMine, privateOther } = srv.projects();
  const shared = companyLinkedTo(srv.state(), [privateMine.id, privateOther.id]);
  const asJsmith = await srv.call('GET', `/companies/${shared.id}.json`, { as: 'jsmith' });
  expect(asJsmith.json<{ company: Json }>().company.projects).toEqual([{ id: privateMine.id, name: privateMine.name }]);
  const asAdmin = await srv.call('GET', `/companies/${shared.id}.json`);
  expect(asAdmin.json<{ company: Json }>().company.projects).toHaveLength(2);
});

test('jsmith creates companies only in projects he is a member of', async () => {
  const { publicMine, publicOther } = srv.projects();
  const ok = await srv.call('POST', '/companies.json', {
    as: 'jsmith',
    body: { company: { name: 'Smith Supplies Ltd', project_ids: [publicMine.id] } },
  });
  expect(ok.status).toBe(201);
  expect(ok.json<{ company: Json }>().company.projects).toEqual([{ id: publicMine.id, name: publicMine.name }]);
  const before = snapshot();
  const foreign = await srv.call('POST', '/companies.xml', {
    as: 'jsmith',
    headers: { 'content-type': 'application/xml' },
    body: `<company><name>Foreign</name><project_ids type="array"><project_id>${publicOther.id}</project_id></project_ids></company>`,
  });
  expect(foreign.status).toBe(422);
  expect(parseXml(foreign.text).errors.error).toEqual(['Project is invalid']);
  const unlinked = await srv.call('POST', '/companies.json', { as: 'jsmith', body: { company: { name: 'Nowhere' } } });
  expect([unlinked.status, unlinked.text]).toEqual([403, '']);
  expect(snapshot()).toBe(before);
});

test('jsmith may change companies of his projects, not those he only sees through a public project', async () => {
  const { publicMine, publicOther } = srv.projects();
  const state = srv.state();
  const mine = companyLinkedTo(state, [publicMine.id]);
  const notMine = companyLinkedTo(state, [publicOther.id]);
  const ok = await srv.call('PUT', `/companies/${mine.id}.json`, { as: 'jsmith', body: { company: { town: 'Bonn' } } });
  expect(ok.status).toBe(204);
  expect(state.companies.get(mine.id)?.town).toBe('Bonn');
  const contact = await srv.call('POST', `/companies/${mine.id}/contacts.json`, {
    as: 'jsmith',
    body: { contact: { firstname: 'Sam' } },
  });
  expect(contact.status).toBe(201);

  const before = snapshot();
  const someContact = state.contacts.find((c) => c.company_id === notMine.id);
  const attempts: [string, string, unknown][] = [
    ['PUT', `/companies/${notMine.id}.json`, { company: { town: 'Bonn' } }],
    ['DELETE', `/companies/${notMine.id}.json`, undefined],
    ['POST', `/companies/${notMine.id}/contacts.json`, { contact: { firstname: 'Sam' } }],
    ['PUT', `/companies/${notMine.id}/contacts/${someContact?.id}.json`, { contact: { firstname: 'Sam' } }],
    ['DELETE', `/companies/${notMine.id}/contacts/${someContact?.id}.xml`, undefined],
  ];
  for (const [method, path, body] of attempts) {
    const res = await srv.call(method, path, { as: 'jsmith', body });
    expect([res.status, res.text], `${method} ${path}`).toEqual([403, '']);
  }
  expect((await srv.call('GET', `/companies/${notMine.id}/contacts.json`, { as: 'jsmith' })).status).toBe(200);
  expect(snapshot()).toBe(before);
});

test('a project list from jsmith keeps the links to private projects he cannot see', async () => {
  const { privateMine, privateOther, publicMine } = srv.projects();
  const shared = companyLinkedTo(srv.state(), [privateMine.id, privateOther.id]);
  const res = await srv.call('PUT', `/companies/${shared.id}.json`, {
    as: 'jsmith',
    body: { company: { project_ids: [publicMine.id] } },
  });
  expect(res.status).toBe(204);
  expect(srv.state().companies.get(shared.id)?.project_ids).toEqual([publicMine.id, privateOther.id]);
});

test('a custom field hidden from jsmith is neither shown nor writable by him', async () => {
  const { publicMine } = srv.projects();
  const creditLimit = fieldId(srv.state(), 'Credit limit');
  const mine = companyLinkedTo(srv.state(), [publicMine.id]);
  const before = srv.state().companies.get(mine.id)?.custom_values[String(creditLimit)];
  const res = await srv.call('GET', `/companies/${mine.id}.json`, { as: 'jsmith' });
  const names = res.json<{ company: { custom_fields: Json[] } }>().company.custom_fields.map((f) => f.name);
  expect(names).toEqual(['Customer number', 'Industry', 'Key account']);
  const write = await srv.call('PUT', `/companies/${mine.id}.json`, {
    as: 'jsmith',
    body: { company: { custom_fields: [{ id: creditLimit, value: '999999' }] } },
  });
  expect(write.status).toBe(204);
  expect(srv.state().companies.get(mine.id)?.custom_values[String(creditLimit)]).toEqual(before);
});

test('X-Redmine-Switch-User lets the administrator act as jsmith; an unknown login gives 412', async () => {
  const { privateOther } = srv.projects();
  const hidden = companyLinkedTo(srv.state(), [privateOther.id]);
  const switched = await srv.call('GET', `/companies/${hidden.id}.json`, {
    headers: { 'x-redmine-switch-user': 'jsmith' },
  });
  expect(switched.status).toBe(403);
  const unknown = await srv.call('GET', '/companies.json', { headers: { 'x-redmine-switch-user': 'nobody' } });
  expect([unknown.status, unknown.text]).toEqual([412, '']);
  const ignored = await srv.call('GET', `/companies/${hidden.id}.json`, {
    as: 'jsmith',
    headers: { 'x-redmine-switch-user': 'admin' },
  });
  expect(ignored.status).toBe(403);
});

test('no response broke the document', () => {
  expect(srv.ts.violations()).toEqual([]);
});
