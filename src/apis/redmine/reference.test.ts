import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../app/test-server.js';
import { DEFAULT_ADMIN_API_KEY } from '../../redmine-family/credentials.js';
import { familyClient } from '../../redmine-family/test-client.js';

let t: TestServer;
let call: ReturnType<typeof familyClient>;

beforeAll(async () => {
  t = await startTestServer({ apis: ['redmine'] });
  call = familyClient(t.api('redmine'));
});
afterAll(async () => {
  expect(t.violations()).toEqual([]);
  await t.close();
});

test('the current user in JSON and XML, with the API key', async () => {
  const json = (await call('GET', '/users/current.json')).json<{ user: Record<string, unknown> }>();
  expect(Object.keys(json.user)).toEqual([
    'id',
    'login',
    'admin',
    'firstname',
    'lastname',
    'mail',
    'created_on',
    'updated_on',
    'last_login_on',
    'passwd_changed_on',
    'twofa_scheme',
    'api_key',
    'status',
  ]);
  expect(json.user).toMatchObject({ id: 1, login: 'admin', admin: true, api_key: DEFAULT_ADMIN_API_KEY, status: 1 });
  const xml = await call('GET', '/users/current.xml', { as: 'jsmith' });
  expect(xml.text).toContain('<login>jsmith</login><admin>false</admin>');
  expect(xml.text).toContain('<passwd_changed_on/><twofa_scheme/>');
});

test('issue priorities: Low, Normal (default), High, Urgent, Immediate, without meta, anonymous allowed', async () => {
  const res = await call('GET', '/enumerations/issue_priorities.json', { as: 'anonymous' });
  expect(res.text).toBe(
    '{"issue_priorities":[{"id":1,"name":"Low","is_default":false,"active":true},{"id":2,"name":"Normal","is_default":true,"active":true},{"id":3,"name":"High","is_default":false,"active":true},{"id":4,"name":"Urgent","is_default":false,"active":true},{"id":5,"name":"Immediate","is_default":false,"active":true}]}',
  );
});

test('custom fields for administrators, in both formats, with possible values and issue trackers', async () => {
  const json = (await call('GET', '/custom_fields.json')).json<{ custom_fields: Record<string, unknown>[] }>();
  expect(Object.keys(json)).toEqual(['custom_fields']);
  expect(json.custom_fields[0]).toEqual({
    id: 1,
    name: 'Cost center',
    customized_type: 'project',
    field_format: 'string',
    regexp: '',
    min_length: null,
    max_length: null,
    is_required: false,
    is_filter: false,
    searchable: false,
    multiple: false,
    default_value: '',
    visible: true,
  });
  const severity = json.custom_fields.find((f) => f.customized_type === 'issue')!;
  expect(severity.trackers).toEqual([
    { id: 1, name: 'Bug' },
    { id: 2, name: 'Feature' },
    { id: 3, name: 'Support' },
  ]);
  const xml = await call('GET', '/custom_fields.xml');
  expect(xml.text).toContain('<custom_fields type="array"><custom_field><id>1</id><name>Cost center</name>');
  expect(xml.text).toContain(
    '<possible_values type="array"><possible_value><value>EMEA</value><label>EMEA</label></possible_value>',
  );
  expect(xml.text).toContain('<roles type="array"></roles>');
});

test('the seed decides names but not the layout; the admin key can be overridden', async () => {
  const other = await startTestServer({
    apis: ['redmine'],
    seed: 7,
    apiOptions: { redmine: { adminApiKey: 'feedfeedfeedfeedfeedfeedfeedfeedfeedfeed' } },
  });
  try {
    const res = await fetch(`${other.api('redmine')}/projects.json`, {
      headers: { 'x-redmine-api-key': 'feedfeedfeedfeedfeedfeedfeedfeedfeedfeed' },
    });
    const body = (await res.json()) as { total_count: number; projects: { name: string }[] };
    expect(body.total_count).toBe(5);
    const mine = (await call('GET', '/projects.json')).json<{ projects: { name: string }[] }>();
    expect(body.projects.map((p) => p.name)).not.toEqual(mine.projects.map((p) => p.name));
    expect(other.violations()).toEqual([]);
  } finally {
    await other.close();
  }
});
