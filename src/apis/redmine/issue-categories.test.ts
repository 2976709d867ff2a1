import { expect, test } from 'vitest';
import { redmineTestServer } from './test-support.js';

type CategoryJson = { id: number; project: { id: number; name: string }; name: string; assigned_to?: unknown };

const { call, server } = redmineTestServer();

const list = async (project: number) =>
  (await call('GET', `/projects/${project}/issue_categories.json`)).json<{
    issue_categories: CategoryJson[];
    total_count: number;
  }>();

test('a project lists its categories by name, unpaged, with total_count only; the assignee when set', async () => {
  const body = await list(1);
  expect(Object.keys(body)).toEqual(['issue_categories', 'total_count']);
  expect(body.total_count).toBe(2);
  expect(body.issue_categories).toEqual([
    {
      id: 1,
      project: { id: 1, name: expect.any(String) },
      name: 'Backend',
      assigned_to: { id: 2, name: 'John Smith' },
    },
    { id: 2, project: { id: 1, name: expect.any(String) }, name: 'Frontend' },
  ]);
  await call('POST', '/projects/1/issue_categories.json', { body: { issue_category: { name: 'Analytics' } } });
  expect((await list(1)).issue_categories.map((c) => c.name)).toEqual(['Analytics', 'Backend', 'Frontend']);
  expect((await list(2)).issue_categories).toEqual([]);
  const nometa = await call('GET', '/projects/1/issue_categories.json', { headers: { 'x-redmine-nometa': '1' } });
  expect(Object.keys(nometa.json())).toEqual(['issue_categories']);
  const xml = await call('GET', '/projects/1/issue_categories.xml');
  expect(xml.text).toMatch(
    /^<\?xml version="1.0" encoding="UTF-8"\?><issue_categories total_count="3" type="array"><issue_category><id>\d+<\/id><project id="1" name="[^"]+"\/><name>Analytics<\/name><\/issue_category><issue_category><id>1<\/id><project id="1" name="[^"]+"\/><name>Backend<\/name><assigned_to id="2" name="John Smith"\/><\/issue_category>/,
  );
});

test('every action needs Manage issue categories, which only members have', async () => {
  expect((await call('GET', '/projects/1/issue_categories.json', { as: 'jsmith' })).status).toBe(200);
  expect((await call('GET', '/projects/2/issue_categories.json', { as: 'jsmith' })).status).toBe(403);
  expect((await call('GET', '/projects/1/issue_categories.json', { as: 'anonymous' })).status).toBe(401);
  expect((await call('GET', '/projects/4/issue_categories.json', { as: 'jsmith' })).status).toBe(403);
  expect((await call('GET', '/projects/nope/issue_categories.json')).status).toBe(404);
  expect((await call('GET', '/issue_categories/3.json', { as: 'jsmith' })).status).toBe(200);
  expect((await call('GET', '/issue_categories/1.json', { as: 'anonymous' })).status).toBe(401);
  expect((await call('GET', '/issue_categories/999.json')).status).toBe(404);
  expect((await call('GET', '/issue_categories/abc.json')).status).toBe(404);
  const body = { issue_category: { name: 'x' } };
  expect((await call('POST', '/projects/2/issue_categories.json', { as: 'jsmith', body })).status).toBe(403);
  expect((await call('POST', '/projects/6/issue_categories.json', { body })).status).toBe(403);
  expect((await call('PUT', '/issue_categories/1.json', { as: 'anonymous', body })).status).toBe(401);
  expect((await call('DELETE', '/issue_categories/999.json')).status).toBe(404);
});

test('create answers 201 with the category and Location as a path below the API root', async () => {
  const res = await call('POST', '/projects/3/issue_categories.json', {
    as: 'jsmith',
    body: { issue_category: { name: 'Mobile', assigned_to_id: 2 } },
  });
  expect(res.status).toBe(201);
  const { issue_category: category } = res.json<{ issue_category: CategoryJson }>();
  expect(res.headers.get('location')).toBe(
    `${new URL(server().api('redmine')).pathname}/issue_categories/${category.id}`,
  );
  expect(category).toMatchObject({ project: { id: 3 }, name: 'Mobile', assigned_to: { id: 2, name: 'John Smith' } });
  // Redmine 5.0 stores an assignee id that names nobody, and renders no assignee
  const unknown = await call('POST', '/projects/3/issue_categories.json', {
    body: { issue_category: { name: 'Nobody', assigned_to_id: 99999 } },
  });
  expect(unknown.status).toBe(201);
  expect(unknown.json<{ issue_category: CategoryJson }>().issue_category).not.toHaveProperty('assigned_to');
  const xml = await call('POST', '/projects/3/issue_categories.xml', {
    headers: { 'content-type': 'application/xml' },
    body: '<issue_category><name>Xml</name><assigned_to_id>2</assigned_to_id></issue_category>',
  });
  expect(xml.status).toBe(201);
  expect(xml.text).toContain('<name>Xml</name><assigned_to id="2" name="John Smith"/></issue_category>');
});

test('invalid attributes give 422 with Redmine messages', async () => {
  const create = async (issue_category: unknown) => {
    const res = await call('POST', '/projects/1/issue_categories.json', { body: { issue_category } });
    expect(res.status).toBe(422);
    return res.json<{ errors: string[] }>().errors;
  };
  expect(await create({})).toEqual(['Name cannot be blank']);
  expect(await create({ name: '  ' })).toEqual(['Name cannot be blank']);
  expect(await create({ name: 'Backend' })).toEqual(['Name has already been taken']);
  expect(await create({ name: 'c'.repeat(61) })).toEqual(['Name is too long (maximum is 60 characters)']);
  expect(
    (await call('POST', '/projects/3/issue_categories.json', { body: { issue_category: { name: 'Backend' } } })).status,
  ).toBe(201);
});

test('update answers 204 and changes only what was sent; delete answers 204, then 404', async () => {
  const res = await call('PUT', '/issue_categories/1.json', { body: { issue_category: { assigned_to_id: null } } });
  expect(res.status).toBe(204);
  expect(res.text).toBe('');
  const after = (await call('GET', '/issue_categories/1.json')).json<{ issue_category: CategoryJson }>();
  expect(after.issue_category).toEqual({ id: 1, project: { id: 1, name: expect.any(String) }, name: 'Backend' });
  const taken = await call('PUT', '/issue_categories/1.json', { body: { issue_category: { name: 'Frontend' } } });
  expect(taken.json()).toEqual({ errors: ['Name has already been taken'] });
  expect(
    (await call('PUT', '/issue_categories/1.json', { body: { issue_category: { name: 'Backend' } } })).status,
  ).toBe(204);
  expect((await call('DELETE', '/issue_categories/2.json', { as: 'jsmith' })).status).toBe(204);
  expect((await call('GET', '/issue_categories/2.json')).status).toBe(404);
  expect((await list(1)).total_count).toBe(1);
});
