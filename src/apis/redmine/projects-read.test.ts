import { expect, test } from 'vitest';
import { redmineTestServer } from './test-support.js';

type ProjectJson = Record<string, unknown> & { id: number; name: string; parent?: { id: number } };
type ListJson = { projects: ProjectJson[]; total_count?: number; offset?: number; limit?: number };

const { call } = redmineTestServer();

const ids = (list: ListJson) => list.projects.map((p) => p.id).sort((a, b) => a - b);

test('the JSON list has meta keys after the array and list items in Redmine field order', async () => {
  const res = await call('GET', '/projects.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(res.headers.get('cache-control')).toBe('max-age=0, private, must-revalidate');
  const body = res.json<ListJson>();
  expect(Object.keys(body)).toEqual(['projects', 'total_count', 'offset', 'limit']);
  expect(body).toMatchObject({ total_count: 5, offset: 0, limit: 25 });
  const root = body.projects.find((p) => p.id === 1)!;
  expect(Object.keys(root)).toEqual([
    'id',
    'name',
    'identifier',
    'description',
    'status',
    'is_public',
    'inherit_members',
    'custom_fields',
    'created_on',
    'updated_on',
  ]);
  expect(Object.keys(body.projects.find((p) => p.id === 5)!)).toContain('parent');
  expect(String(root.created_on)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
});

test('projects come in tree order: roots by name, each followed by its subprojects', async () => {
  const { projects } = (await call('GET', '/projects.json')).json<ListJson>();
  const roots = projects.filter((p) => !p.parent).map((p) => p.name);
  expect(roots).toEqual([...roots].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  const parentIndex = projects.findIndex((p) => p.id === 1);
  expect(projects[parentIndex + 1]?.id).toBe(5);
});

test('the XML list carries the meta as root attributes; nometa drops them in both formats', async () => {
  const xml = await call('GET', '/projects.xml?limit=2');
  expect(xml.headers.get('content-type')).toBe('application/xml; charset=utf-8');
  expect(xml.text).toMatch(
    /^<\?xml version="1.0" encoding="UTF-8"\?><projects total_count="5" offset="0" limit="2" type="array"><project><id>/,
  );
  const bare = await call('GET', '/projects.xml?nometa=1');
  expect(bare.text).toContain('<projects type="array">');
  expect(Object.keys((await call('GET', '/projects.json', { headers: { 'x-redmine-nometa': '1' } })).json())).toEqual([
    'projects',
  ]);
});

test('paging: limit 0 → 25, limit 1000 → 100, offset past the end gives an empty page with the total', async () => {
  expect((await call('GET', '/projects.json?limit=0')).json<ListJson>().limit).toBe(25);
  expect((await call('GET', '/projects.json?limit=1000')).json<ListJson>().limit).toBe(100);
  expect((await call('GET', '/projects.json?limit=abc')).json<ListJson>().limit).toBe(25);
  const page = (await call('GET', '/projects.json?offset=1&limit=1')).json<ListJson>();
  expect(page).toMatchObject({ offset: 1, limit: 1, total_count: 5 });
  expect(page.projects).toHaveLength(1);
  expect((await call('GET', '/projects.json?offset=50')).json<ListJson>()).toEqual({
    projects: [],
    total_count: 5,
    offset: 50,
    limit: 25,
  });
  expect((await call('GET', '/projects.xml?offset=50')).text).toContain(
    '<projects total_count="5" offset="50" limit="25" type="array"></projects>',
  );
});

test('visibility: anonymous sees public projects, jsmith also his private one, the admin everything active', async () => {
  expect(ids((await call('GET', '/projects.json', { as: 'anonymous' })).json())).toEqual([1, 2, 5]);
  expect(ids((await call('GET', '/projects.json', { as: 'jsmith' })).json())).toEqual([1, 2, 3, 5]);
  expect(ids((await call('GET', '/projects.json')).json())).toEqual([1, 2, 3, 4, 5]);
});

test('a single project has homepage and includes; by id or identifier', async () => {
  const byId = (await call('GET', '/projects/1.json?include=trackers,issue_categories,enabled_modules')).json<{
    project: ProjectJson;
  }>();
  expect(Object.keys(byId.project)).toEqual([
    'id',
    'name',
    'identifier',
    'description',
    'homepage',
    'status',
    'is_public',
    'inherit_members',
    'custom_fields',
    'trackers',
    'issue_categories',
    'enabled_modules',
    'created_on',
    'updated_on',
  ]);
  expect(byId.project.trackers).toEqual([
    { id: 1, name: 'Bug' },
    { id: 2, name: 'Feature' },
    { id: 3, name: 'Support' },
  ]);
  const byIdentifier = await call('GET', `/projects/${byId.project.identifier}.xml?include=trackers`);
  expect(byIdentifier.status).toBe(200);
  expect(byIdentifier.text).toContain('<trackers type="array"><tracker id="1" name="Bug"/>');
  expect(byIdentifier.text).toMatch(/<homepage>[^<]*<\/homepage>|<homepage><\/homepage>/);
});

test('a closed project is left out of the list but can be read', async () => {
  const res = await call('GET', '/projects/6.json', { as: 'anonymous' });
  expect(res.status).toBe(200);
  expect(res.json<{ project: ProjectJson }>().project.status).toBe(5);
});

test('a private project: 401 anonymous, 403 non-member, 200 member; unknown ids 404 with an empty body', async () => {
  expect((await call('GET', '/projects/4.json', { as: 'anonymous' })).status).toBe(401);
  const forbidden = await call('GET', '/projects/4.json', { as: 'jsmith' });
  expect(forbidden.status).toBe(403);
  expect(forbidden.text).toBe('');
  expect((await call('GET', '/projects/3.json', { as: 'jsmith' })).status).toBe(200);
  const missing = await call('GET', '/projects/nonexistent.xml');
  expect(missing.status).toBe(404);
  expect(missing.headers.get('content-type')).toBe('application/xml');
  expect(missing.text).toBe('');
});
