import { expect, test } from 'vitest';
import { RedmineFamilyState } from '../../redmine-family/index.js';
import { redmineTestServer } from './test-support.js';

type VersionJson = Record<string, unknown> & { id: number; name: string; project: { id: number; name: string } };

const { call, server } = redmineTestServer();

const ids = async (project: number | string, as: 'admin' | 'jsmith' | 'anonymous' = 'admin') => {
  const res = await call('GET', `/projects/${project}/versions.json`, { as });
  expect(res.status).toBe(200);
  return res.json<{ versions: VersionJson[] }>().versions.map((v) => v.id);
};

test('a project lists its versions and the versions shared with it, unpaged, with total_count only', async () => {
  const res = await call('GET', '/projects/1/versions.json?limit=1&offset=1');
  const body = res.json<{ versions: VersionJson[]; total_count: number }>();
  expect(Object.keys(body)).toEqual(['versions', 'total_count']);
  expect(body.versions.map((v) => v.id)).toEqual([1, 2, 3]);
  expect(body.total_count).toBe(3);
  expect(Object.keys(body.versions[0] ?? {})).toEqual([
    'id',
    'project',
    'name',
    'description',
    'status',
    'due_date',
    'sharing',
    'wiki_page_title',
    'created_on',
    'updated_on',
  ]);
  // 2 is shared with the subprojects of project 1, 3 with every project
  expect(await ids(5)).toEqual([2, 3]);
  expect(await ids(2)).toEqual([3]);
  expect(await ids(4)).toEqual([3]);
  const nometa = await call('GET', '/projects/1/versions.json?nometa=1');
  expect(Object.keys(nometa.json())).toEqual(['versions']);
});

test('the XML list has total_count and type attributes and no estimated hours', async () => {
  const res = await call('GET', '/projects/2/versions.xml');
  expect(res.text).toMatch(
    /^<\?xml version="1.0" encoding="UTF-8"\?><versions total_count="1" type="array"><version><id>3<\/id><project id="2" name="[^"]+"\/><name>Q3<\/name><description><\/description><status>locked<\/status><due_date\/><sharing>system<\/sharing><wiki_page_title>Roadmap<\/wiki_page_title><created_on>/,
  );
  expect(res.text).not.toContain('estimated_hours');
});

test('viewing needs View issues on the project: anonymous and non-members on public projects only', async () => {
  expect(await ids(1, 'anonymous')).toEqual([1, 2, 3]);
  expect(await ids(2, 'jsmith')).toEqual([3]);
  expect(await ids(3, 'jsmith')).toEqual([3, 4]);
  expect((await call('GET', '/projects/4/versions.json', { as: 'jsmith' })).status).toBe(403);
  expect((await call('GET', '/projects/3/versions.json', { as: 'anonymous' })).status).toBe(401);
  expect((await call('GET', '/projects/nope/versions.json')).status).toBe(404);
  expect((await call('GET', '/versions/4.json', { as: 'anonymous' })).status).toBe(401);
  expect((await call('GET', '/versions/3.json', { as: 'anonymous' })).status).toBe(200);
  expect((await call('GET', '/versions/999.json')).status).toBe(404);
  expect((await call('GET', '/versions/abc.json')).status).toBe(404);
});

test('a single version adds estimated and spent hours', async () => {
  const res = await call('GET', '/versions/1.json', { as: 'jsmith' });
  const { version } = res.json<{ version: VersionJson }>();
  expect(version).toMatchObject({ id: 1, name: '1.0', status: 'closed', sharing: 'none', due_date: '2024-02-05' });
  expect(Object.keys(version).slice(7, 10)).toEqual(['wiki_page_title', 'estimated_hours', 'spent_hours']);
  expect(version.estimated_hours).toBe(0);
  const xml = await call('GET', '/versions/1.xml');
  expect(xml.text).toContain('<estimated_hours>0.0</estimated_hours><spent_hours>0.0</spent_hours>');
});

test('create answers 201 with Redmine defaults and an absolute Location', async () => {
  const res = await call('POST', '/projects/1/versions.json', { body: { version: { name: '3.0' } } });
  expect(res.status).toBe(201);
  const { version } = res.json<{ version: VersionJson }>();
  expect(res.headers.get('location')).toBe(`${server().api('redmine')}/versions/${version.id}`);
  expect(version).toMatchObject({
    name: '3.0',
    description: '',
    status: 'open',
    due_date: null,
    sharing: 'none',
    wiki_page_title: null,
    estimated_hours: 0,
    spent_hours: 0,
  });
  expect(await ids(1)).toContain(version.id);
  const xml = await call('POST', '/projects/1/versions.xml', {
    headers: { 'content-type': 'application/xml' },
    body: '<version><name>3.1</name><status>locked</status><effective_date>2025-01-31</effective_date></version>',
  });
  expect(xml.status).toBe(201);
  expect(xml.text).toContain('<name>3.1</name><description></description><status>locked</status>');
  expect(xml.text).toContain('<due_date>2025-01-31</due_date>');
});

test('invalid attributes give 422 with Redmine messages in its order', async () => {
  const create = async (version: unknown, project = 1) => {
    const res = await call('POST', `/projects/${project}/versions.json`, { body: { version } });
    expect(res.status).toBe(422);
    return res.json<{ errors: string[] }>().errors;
  };
  expect(await create({})).toEqual(['Name cannot be blank']);
  expect(await create({ name: '1.0' })).toEqual(['Name has already been taken']);
  expect(await create({ name: 'x', status: 'bogus', due_date: 'notadate' })).toEqual([
    'Due date is not a valid date',
    'Status is not included in the list',
  ]);
  expect(await create({ name: 'x', due_date: '2027-02-30' })).toEqual(['Due date is not a valid date']);
  expect(await create({ name: 'a'.repeat(61) })).toEqual(['Name is too long (maximum is 60 characters)']);
  // the same name in another project is fine
  expect((await call('POST', '/projects/2/versions.json', { body: { version: { name: '1.0' } } })).status).toBe(201);
  const xml = await call('POST', '/projects/1/versions.xml', {
    headers: { 'content-type': 'application/xml' },
    body: '<version><name></name></version>',
  });
  expect(xml.text).toBe(
    '<?xml version="1.0" encoding="UTF-8"?><errors type="array"><error>Name cannot be blank</error></errors>',
  );
});

test('a sharing the caller may not choose is ignored', async () => {
  const create = async (project: number, sharing: string, as: 'admin' | 'jsmith' = 'admin') => {
    const res = await call('POST', `/projects/${project}/versions.json`, {
      as,
      body: { version: { name: `s-${sharing}-${as}`, sharing } },
    });
    expect(res.status).toBe(201);
    return res.json<{ version: VersionJson }>().version.sharing;
  };
  expect(await create(1, 'bogus')).toBe('none');
  expect(await create(1, 'system')).toBe('system');
  expect(await create(1, 'system', 'jsmith')).toBe('none');
  expect(await create(1, 'tree', 'jsmith')).toBe('tree');
  expect(await create(3, 'hierarchy', 'jsmith')).toBe('hierarchy');
});

test('writing needs Manage versions: members with the permission, not non-members, not on closed projects', async () => {
  const body = { version: { name: 'w' } };
  expect((await call('POST', '/projects/1/versions.json', { as: 'jsmith', body })).status).toBe(201);
  expect((await call('POST', '/projects/2/versions.json', { as: 'jsmith', body })).status).toBe(403);
  expect((await call('POST', '/projects/1/versions.json', { as: 'anonymous', body })).status).toBe(401);
  expect((await call('POST', '/projects/4/versions.json', { as: 'jsmith', body })).status).toBe(403);
  expect((await call('POST', '/projects/6/versions.json', { body })).status).toBe(403);
  expect((await call('PUT', '/versions/3.json', { as: 'jsmith', body })).status).toBe(403);
  expect((await call('PUT', '/versions/3.json', { as: 'anonymous', body })).status).toBe(401);
  expect((await call('DELETE', '/versions/3.json', { as: 'jsmith' })).status).toBe(403);
  expect((await call('PUT', '/versions/999.json', { body })).status).toBe(404);
});

test('update answers 204 and changes only what was sent; delete answers 204, then 404', async () => {
  const before = (await call('GET', '/versions/2.json')).json<{ version: VersionJson }>().version;
  const res = await call('PUT', '/versions/2.json', { body: { version: { status: 'closed', due_date: '' } } });
  expect(res.status).toBe(204);
  expect(res.text).toBe('');
  const after = (await call('GET', '/versions/2.json')).json<{ version: VersionJson }>().version;
  expect(after).toMatchObject({ name: before.name, status: 'closed', due_date: null, sharing: 'descendants' });
  expect(after.updated_on).not.toBe(before.updated_on);
  expect((await call('PUT', '/versions/2.json', { body: {} })).status).toBe(204);
  const bad = await call('PUT', '/versions/2.json', { body: { version: { name: '1.0' } } });
  expect(bad.json()).toEqual({ errors: ['Name has already been taken'] });
  expect((await call('DELETE', '/versions/2.json', { as: 'jsmith' })).status).toBe(204);
  expect((await call('GET', '/versions/2.json')).status).toBe(404);
  expect((await call('DELETE', '/versions/2.json')).status).toBe(404);
});

test('deleting a project deletes its versions', async () => {
  expect((await call('DELETE', '/projects/2.json')).status).toBe(204);
  expect((await call('GET', '/versions/3.json')).status).toBe(404);
  expect(await ids(1)).toEqual([1, 2]);
});

test('versions and category assignees export and import; a snapshot saved without them still imports', () => {
  const state = new RedmineFamilyState({ seed: 7 });
  state.reset();
  const snapshot = state.export() as Record<string, { items: Record<string, unknown>[] }>;
  expect(snapshot.versions?.items.map((v) => v.name)).toEqual(['1.0', '2.0', 'Q3', 'Beta']);
  expect(snapshot.issue_categories?.items[0]).toMatchObject({ name: 'Backend', assigned_to_id: 2 });
  const older = structuredClone(snapshot);
  delete older.versions;
  for (const c of older.issue_categories?.items ?? []) delete c.assigned_to_id;
  state.versions.remove(1);
  state.import(older);
  expect(state.issueCategories.get(1)?.assigned_to_id).toBeUndefined();
  expect(state.versions.get(1)).toBeUndefined();
  const bad = structuredClone(snapshot);
  if (bad.versions?.items[0]) bad.versions.items[0].status = 'bogus';
  expect(() => state.import(bad)).toThrow(/versions/);
  state.import(snapshot);
  expect(JSON.stringify(state.export())).toBe(JSON.stringify(snapshot));
});
