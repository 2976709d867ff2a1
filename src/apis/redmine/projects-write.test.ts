import { expect, test } from 'vitest';
import { redmineTestServer } from './test-support.js';

type ProjectJson = Record<string, unknown> & { id: number; custom_fields?: { id: number; value: unknown }[] };

const { call, server } = redmineTestServer();

const total = async () => (await call('GET', '/projects.json')).json<{ total_count: number }>().total_count;
const getProject = async (id: string | number) =>
  (await call('GET', `/projects/${id}.json`)).json<{ project: ProjectJson }>().project;

test('create answers 201 with the project and an absolute Location', async () => {
  const res = await call('POST', '/projects.json', {
    body: { project: { name: 'Alpha Project', identifier: 'alpha', description: 'first' } },
  });
  expect(res.status).toBe(201);
  const { project } = res.json<{ project: ProjectJson }>();
  expect(res.headers.get('location')).toBe(`${server().api('redmine')}/projects/${project.id}`);
  expect(project).toMatchObject({
    name: 'Alpha Project',
    identifier: 'alpha',
    description: 'first',
    homepage: '',
    status: 1,
    is_public: true,
  });
  expect(Object.keys(project).slice(0, 5)).toEqual(['id', 'name', 'identifier', 'description', 'homepage']);
  expect((await getProject('alpha')).id).toBe(project.id);
});

test('create from an XML body answers XML; from a form body too', async () => {
  const xml = await call('POST', '/projects.xml', {
    headers: { 'content-type': 'application/xml' },
    body: '<project><name>Beta Project</name><identifier>beta</identifier><is_public>false</is_public></project>',
  });
  expect(xml.status).toBe(201);
  expect(xml.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><project><id>\d+<\/id><name>Beta Project<\/name>/);
  expect(xml.text).toContain('<is_public>false</is_public>');
  const form = await call('POST', '/projects.json', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'project[name]=Gamma&project[identifier]=gamma&project[is_public]=0&project[custom_field_values][2]=APAC',
  });
  expect(form.status).toBe(201);
  const created = form.json<{ project: ProjectJson }>().project;
  expect(created.is_public).toBe(false);
  expect(created.custom_fields?.find((c) => c.id === 2)?.value).toBe('APAC');
});

test('validation errors: Redmine messages in JSON and XML, and nothing is stored', async () => {
  const before = await total();
  const bad = await call('POST', '/projects.json', { body: { project: { name: '', identifier: 'Bad Id' } } });
  expect(bad.status).toBe(422);
  expect(bad.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(bad.json()).toEqual({ errors: ['Name cannot be blank', 'Identifier is invalid'] });
  const empty = await call('POST', '/projects.json', { body: {} });
  expect(empty.json()).toEqual({ errors: ['Name cannot be blank', 'Identifier cannot be blank'] });
  const xml = await call('POST', '/projects.xml', { body: { project: { name: '', identifier: 'Bad Id' } } });
  expect(xml.text).toBe(
    '<?xml version="1.0" encoding="UTF-8"?><errors type="array"><error>Name cannot be blank</error><error>Identifier is invalid</error></errors>',
  );
  const identifier = (await getProject(1)).identifier;
  const taken = await call('POST', '/projects.json', { body: { project: { name: 'Copy', identifier } } });
  expect(taken.json()).toEqual({ errors: ['Identifier has already been taken'] });
  const cf = await call('POST', '/projects.json', {
    body: { project: { name: 'Ok', identifier: 'ok', custom_fields: [{ id: 2, value: 'Mars' }] } },
  });
  expect(cf.json()).toEqual({ errors: ['Region is not included in the list'] });
  expect(await total()).toBe(before);
});

test('wrong types never give 400 or 500: a typed value gives "is invalid", a bad envelope "cannot be blank"', async () => {
  const typed = await call('POST', '/projects.json', {
    body: { project: { name: 'x', identifier: 'xx', is_public: 'abc' } },
  });
  expect(typed.status).toBe(422);
  expect(typed.json()).toEqual({ errors: ['Public is invalid'] });
  const envelope = await call('POST', '/projects.json', { body: { project: 'x' } });
  expect(envelope.json()).toEqual({ errors: ['Name cannot be blank', 'Identifier cannot be blank'] });
  const array = await call('POST', '/projects.json', { body: [1, 2] });
  expect(array.status).toBe(422);
});

test('a JSON body without Content-Type is read as a form and gets 422', async () => {
  const res = await call('POST', '/projects.json', {
    body: JSON.stringify({ project: { name: 'x', identifier: 'x' } }),
  });
  expect(res.status).toBe(422);
  expect(res.json()).toEqual({ errors: ['Name cannot be blank', 'Identifier cannot be blank'] });
});

test('non-admins cannot create (403); anonymous callers get 401', async () => {
  const body = { project: { name: 'Nope', identifier: 'nope' } };
  expect((await call('POST', '/projects.json', { as: 'jsmith', body })).status).toBe(403);
  expect((await call('POST', '/projects.json', { as: 'anonymous', body })).status).toBe(401);
});

test('update answers 204 without Content-Type; the identifier stays; custom fields change', async () => {
  const before = await getProject(2);
  const res = await call('PUT', '/projects/2.json', {
    body: {
      project: { description: 'Internal tools.', identifier: 'renamed', custom_fields: [{ id: 1, value: 'CC-42' }] },
    },
  });
  expect(res.status).toBe(204);
  expect(res.headers.get('content-type')).toBeNull();
  expect(res.headers.get('cache-control')).toBe('no-cache');
  expect(res.text).toBe('');
  const after = await getProject(2);
  expect(after).toMatchObject({ description: 'Internal tools.', identifier: before.identifier });
  expect(after.custom_fields?.find((c) => c.id === 1)?.value).toBe('CC-42');
});

test('update from XML; invalid update 422; unknown 404; permissions by role', async () => {
  const xml = await call('PUT', '/projects/2.xml', {
    headers: { 'content-type': 'application/xml' },
    body: '<project><description>upd xml</description></project>',
  });
  expect(xml.status).toBe(204);
  expect((await getProject(2)).description).toBe('upd xml');
  const invalid = await call('PUT', '/projects/2.xml', { body: { project: { name: '' } } });
  expect(invalid.status).toBe(422);
  expect(invalid.text).toContain('<error>Name cannot be blank</error>');
  expect((await call('PUT', '/projects/9999.json', { body: { project: { name: 'x' } } })).status).toBe(404);
  expect((await call('PUT', '/projects/1.json', { as: 'jsmith', body: { project: { name: 'Renamed' } } })).status).toBe(
    204,
  );
  expect((await call('PUT', '/projects/2.json', { as: 'jsmith', body: { project: { name: 'Renamed' } } })).status).toBe(
    403,
  );
  expect((await call('PUT', '/projects/3.json', { as: 'jsmith', body: { project: { name: 'Renamed' } } })).status).toBe(
    403,
  );
});

test('a parent can be set, but not to the project itself', async () => {
  expect((await call('PUT', '/projects/2.json', { body: { project: { parent_id: 1 } } })).status).toBe(204);
  expect((await getProject(2)).parent).toMatchObject({ id: 1 });
  const loop = await call('PUT', '/projects/1.json', { body: { project: { parent_id: 2 } } });
  expect(loop.json()).toEqual({ errors: ['Subproject of is invalid'] });
});

test('delete answers 204, removes subprojects, and a second delete is 404', async () => {
  expect((await call('DELETE', '/projects/1.json', { as: 'jsmith' })).status).toBe(403);
  const res = await call('DELETE', '/projects/1.json');
  expect(res.status).toBe(204);
  expect(res.text).toBe('');
  expect((await call('GET', '/projects/5.json')).status).toBe(404);
  expect((await call('DELETE', '/projects/1.json')).status).toBe(404);
});

test('reset restores the seeded state', async () => {
  await call('DELETE', '/projects/2.json');
  await call('POST', '/projects.json', { body: { project: { name: 'Temp', identifier: 'temp' } } });
  const modified = await (await fetch(`${server().url}/__crmkit/state?api=redmine`)).text();
  await fetch(`${server().url}/__crmkit/reset?api=redmine`, { method: 'POST' });
  expect((await call('GET', '/projects/2.json')).status).toBe(200);
  expect((await call('GET', '/projects/temp.json')).status).toBe(404);
  expect(await (await fetch(`${server().url}/__crmkit/state?api=redmine`)).text()).not.toBe(modified);
});
