import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../app/test-server.js';
import { familyClient } from '../../redmine-family/test-client.js';

let t: TestServer;
let call: ReturnType<typeof familyClient>;

beforeAll(async () => {
  t = await startTestServer({ apis: ['redmine', 'planio', 'redmineup'], seed: 7 });
  call = familyClient(t.api('redmine'));
});
afterAll(async () => {
  expect(t.violations()).toEqual([]);
  await t.close();
});

const FIELDS =
  '["assigned_to_id","category_id","fixed_version_id","parent_issue_id","start_date","due_date","estimated_hours","done_ratio","description"]';
const tracker = (id: number, name: string) =>
  `{"id":${id},"name":"${name}","default_status":{"id":1,"name":"New"},"description":null,"enabled_standard_fields":${FIELDS}}`;
const XML_FIELDS =
  '<enabled_standard_fields type="array"><field>assigned_to_id</field><field>category_id</field><field>fixed_version_id</field><field>parent_issue_id</field><field>start_date</field><field>due_date</field><field>estimated_hours</field><field>done_ratio</field><field>description</field></enabled_standard_fields>';
const DECL = '<?xml version="1.0" encoding="UTF-8"?>';

/** What a fresh Redmine 5.0 answers, byte for byte (recorded from one). */
const REDMINE_DEFAULT = {
  '/trackers.json': `{"trackers":[${tracker(1, 'Bug')},${tracker(2, 'Feature')},${tracker(3, 'Support')}]}`,
  '/trackers.xml': `${DECL}<trackers type="array">${[
    [1, 'Bug'],
    [2, 'Feature'],
    [3, 'Support'],
  ]
    .map(
      ([id, name]) =>
        `<tracker><id>${id}</id><name>${name}</name><default_status id="1" name="New"/><description/>${XML_FIELDS}</tracker>`,
    )
    .join('')}</trackers>`,
  '/issue_statuses.json':
    '{"issue_statuses":[{"id":1,"name":"New","is_closed":false},{"id":2,"name":"In Progress","is_closed":false},{"id":3,"name":"Resolved","is_closed":false},{"id":4,"name":"Feedback","is_closed":false},{"id":5,"name":"Closed","is_closed":true},{"id":6,"name":"Rejected","is_closed":true}]}',
  '/issue_statuses.xml': `${DECL}<issue_statuses type="array"><issue_status><id>1</id><name>New</name><is_closed>false</is_closed></issue_status><issue_status><id>2</id><name>In Progress</name><is_closed>false</is_closed></issue_status><issue_status><id>3</id><name>Resolved</name><is_closed>false</is_closed></issue_status><issue_status><id>4</id><name>Feedback</name><is_closed>false</is_closed></issue_status><issue_status><id>5</id><name>Closed</name><is_closed>true</is_closed></issue_status><issue_status><id>6</id><name>Rejected</name><is_closed>true</is_closed></issue_status></issue_statuses>`,
  '/enumerations/time_entry_activities.json':
    '{"time_entry_activities":[{"id":8,"name":"Design","is_default":false,"active":true},{"id":9,"name":"Development","is_default":false,"active":true}]}',
  '/enumerations/time_entry_activities.xml': `${DECL}<time_entry_activities type="array"><time_entry_activity><id>8</id><name>Design</name><is_default>false</is_default><active>true</active></time_entry_activity><time_entry_activity><id>9</id><name>Development</name><is_default>false</is_default><active>true</active></time_entry_activity></time_entry_activities>`,
  '/enumerations/document_categories.json':
    '{"document_categories":[{"id":6,"name":"User documentation","is_default":false,"active":true},{"id":7,"name":"Technical documentation","is_default":false,"active":true}]}',
  '/enumerations/document_categories.xml': `${DECL}<document_categories type="array"><document_category><id>6</id><name>User documentation</name><is_default>false</is_default><active>true</active></document_category><document_category><id>7</id><name>Technical documentation</name><is_default>false</is_default><active>true</active></document_category></document_categories>`,
};

test.each(Object.entries(REDMINE_DEFAULT))(
  '%s answers as a fresh Redmine 5.0 does, to every caller',
  async (path, body) => {
    for (const as of ['admin', 'jsmith', 'anonymous'] as const) {
      const res = await call('GET', path, { as });
      expect(res.status, `${path} as ${as}`).toBe(200);
      expect(res.headers.get('content-type')).toBe(
        path.endsWith('.xml') ? 'application/xml; charset=utf-8' : 'application/json; charset=utf-8',
      );
      expect(res.text, `${path} as ${as}`).toBe(body);
    }
    // Credentials that match nobody make the caller anonymous, who may read these lists.
    const wrongKey = await call('GET', path, { as: 'anonymous', headers: { 'x-redmine-api-key': 'nope' } });
    expect([wrongKey.status, wrongKey.text]).toEqual([200, body]);
  },
);

test('a project includes the same activities and trackers, by the same ids', async () => {
  const res = await call('GET', '/projects/1.json?include=time_entry_activities,trackers');
  const { project } = res.json<{ project: Record<string, unknown> }>();
  expect(project.time_entry_activities).toEqual([
    { id: 8, name: 'Design' },
    { id: 9, name: 'Development' },
  ]);
  expect(project.trackers).toEqual([
    { id: 1, name: 'Bug' },
    { id: 2, name: 'Feature' },
    { id: 3, name: 'Support' },
  ]);
});

test('Planio and RedmineUP serve the same lists', async () => {
  for (const api of ['planio', 'redmineup'] as const) {
    const other = familyClient(t.api(api));
    for (const [path, body] of Object.entries(REDMINE_DEFAULT)) expect((await other('GET', path)).text).toBe(body);
  }
});

test('the lists are not paged: limit, offset and nometa change nothing; project_id is ignored by activities', async () => {
  for (const query of ['limit=1', 'offset=2&limit=1', 'nometa=1', 'limit=abc']) {
    expect((await call('GET', `/trackers.json?${query}`)).text).toBe(REDMINE_DEFAULT['/trackers.json']);
    expect((await call('GET', `/issue_statuses.xml?${query}`)).text).toBe(REDMINE_DEFAULT['/issue_statuses.xml']);
  }
  for (const project of ['1', 'data-warehouse', '999', '']) {
    const res = await call('GET', `/enumerations/time_entry_activities.json?project_id=${project}`);
    expect(res.text).toBe(REDMINE_DEFAULT['/enumerations/time_entry_activities.json']);
  }
});

test('without a suffix: 406; with a switch-user header naming nobody: 412', async () => {
  for (const path of Object.keys(REDMINE_DEFAULT).filter((p) => p.endsWith('.json'))) {
    expect((await call('GET', path.replace('.json', ''))).status).toBe(406);
    const res = await call('GET', path, { headers: { 'x-redmine-switch-user': 'nobody' } });
    expect(res.status).toBe(412);
  }
});

test('the reference data is the same for every seed', async () => {
  const other = await startTestServer({ apis: ['redmine'], seed: 12345 });
  try {
    const otherCall = familyClient(other.api('redmine'));
    for (const [path, body] of Object.entries(REDMINE_DEFAULT)) expect((await otherCall('GET', path)).text).toBe(body);
  } finally {
    await other.close();
  }
});

test('a state saved before trackers had statuses and fields, without statuses and categories, still imports', async () => {
  const state = `${t.url}/__crmkit/state`;
  const put = (body: unknown) =>
    fetch(state, { method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  try {
    const old = {
      redmine: {
        trackers: {
          nextId: 3,
          items: [
            { id: 1, name: 'Bug' },
            { id: 2, name: 'Task' },
          ],
        },
        time_entry_activities: { nextId: 3, items: [{ id: 1, name: 'Meeting', active: false }] },
      },
    };
    expect((await put(old)).status).toBe(204);
    const trackers = (await call('GET', '/trackers.json')).json<{ trackers: unknown[] }>().trackers;
    expect(trackers).toEqual([
      JSON.parse(tracker(1, 'Bug')),
      { ...JSON.parse(tracker(1, 'Bug')), id: 2, name: 'Task' },
    ]);
    expect((await call('GET', '/enumerations/time_entry_activities.json')).json()).toEqual({
      time_entry_activities: [{ id: 1, name: 'Meeting', is_default: false, active: false }],
    });
    // Collections the snapshot does not name keep what they hold.
    expect((await call('GET', '/issue_statuses.json')).text).toBe(REDMINE_DEFAULT['/issue_statuses.json']);

    // A tracker whose default status is gone has none, as Redmine leaves out a nil one; its own fields stay.
    const custom = {
      redmine: {
        trackers: {
          nextId: 5,
          items: [
            {
              id: 4,
              name: 'Chore',
              default_status_id: 9,
              description: 'Upkeep',
              enabled_standard_fields: ['due_date'],
            },
          ],
        },
        document_categories: {
          nextId: 8,
          items: [{ id: 7, name: 'Contracts', is_default: true, active: false }],
        },
      },
    };
    expect((await put(custom)).status).toBe(204);
    expect((await call('GET', '/trackers.xml')).text).toBe(
      `${DECL}<trackers type="array"><tracker><id>4</id><name>Chore</name><description>Upkeep</description><enabled_standard_fields type="array"><field>due_date</field></enabled_standard_fields></tracker></trackers>`,
    );
    expect((await call('GET', '/enumerations/document_categories.json')).text).toBe(
      '{"document_categories":[{"id":7,"name":"Contracts","is_default":true,"active":false}]}',
    );

    const bad = { redmine: { issue_statuses: { nextId: 2, items: [{ id: 1, name: 'New', is_closed: 'no' }] } } };
    const refused = await put(bad);
    expect(refused.status).toBe(400);
    const { error } = (await refused.json()) as { error: { message: string } };
    expect(error.message).toBe('collection "issue_statuses", record 0 (id 1): field "is_closed" must be boolean');
  } finally {
    expect((await fetch(`${t.url}/__crmkit/reset`, { method: 'POST' })).status).toBe(204);
  }
  expect((await call('GET', '/trackers.json')).text).toBe(REDMINE_DEFAULT['/trackers.json']);
});
