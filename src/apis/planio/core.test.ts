import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Json, type PlanioTestServer, parseXml, startPlanio, XML } from './test-support.js';

let srv: PlanioTestServer;

beforeAll(async () => {
  srv = await startPlanio();
});

afterAll(async () => {
  await srv.ts.close();
});

test('the Redmine core operations are served under /planio: projects list and get, JSON and XML', async () => {
  const { publicMine } = srv.projects();
  const list = await srv.call('GET', '/projects.json');
  expect(list.status).toBe(200);
  const body = list.json<{ projects: Json[]; total_count: number }>();
  expect(body.projects.map((p) => p.id)).toContain(publicMine.id);
  expect(body.total_count).toBe(srv.state().projects.all((p) => p.status === 1).length);
  const xml = await srv.call('GET', '/projects.xml?limit=2');
  expect(xml.text).toMatch(
    /^<\?xml version="1.0" encoding="UTF-8"\?><projects total_count="\d+" offset="0" limit="2" type="array">/,
  );
  const one = await srv.call('GET', `/projects/${publicMine.identifier}.json`);
  expect(one.json<{ project: Json }>().project).toMatchObject({ id: publicMine.id, name: publicMine.name });
  const oneXml = await srv.call('GET', `/projects/${publicMine.id}.xml`);
  expect(parseXml(oneXml.text).project.identifier).toBe(publicMine.identifier);
  const anonymous = await srv.call('GET', '/projects.json', { as: 'anonymous' });
  expect(anonymous.status).toBe(200);
});

test('project lifecycle, and deleting a project removes it from its companies but keeps the companies', async () => {
  const created = await srv.call('POST', '/projects.xml', {
    headers: XML,
    body: '<project><name>Kundenbetreuung</name><identifier>kundenbetreuung</identifier></project>',
  });
  expect(created.status).toBe(201);
  const projectId = Number(parseXml(created.text).project.id);
  expect(created.headers.get('location')).toBe(`${srv.ts.api('planio')}/projects/${projectId}`);
  const updated = await srv.call('PUT', '/projects/kundenbetreuung.xml', {
    headers: XML,
    body: '<project><description>CRM</description></project>',
  });
  expect([updated.status, updated.text]).toEqual([204, '']);
  expect(srv.state().projects.get(projectId)?.description).toBe('CRM');
  const jsonProject = await srv.call('POST', '/projects.json', {
    body: { project: { name: 'Support', identifier: 'support-planio' } },
  });
  expect(jsonProject.status).toBe(201);
  const jsonId = jsonProject.json<{ project: Json }>().project.id;
  expect((await srv.call('PUT', `/projects/${jsonId}.json`, { body: { project: { name: 'Support 2' } } })).status).toBe(
    204,
  );
  expect((await srv.call('DELETE', `/projects/${jsonId}.json`)).status).toBe(204);
  expect((await srv.call('GET', `/projects/${jsonId}.json`)).status).toBe(404);

  const company = await srv.call('POST', '/companies.json', {
    body: { company: { name: 'Projektlos GmbH', project_ids: [projectId, srv.projects().publicMine.id] } },
  });
  const companyId = company.json<{ company: Json }>().company.id as number;
  const listed = await srv.call('GET', `/projects/${projectId}/companies.json`);
  expect(listed.json<{ companies: Json[] }>().companies.map((c) => c.id)).toEqual([companyId]);

  const deleted = await srv.call('DELETE', '/projects/kundenbetreuung.xml');
  expect(deleted.status).toBe(204);
  expect(srv.state().companies.get(companyId)?.project_ids).toEqual([srv.projects().publicMine.id]);
  expect((await srv.call('GET', `/companies/${companyId}.json`)).status).toBe(200);
  expect((await srv.call('GET', `/projects/${projectId}/companies.json`)).status).toBe(404);
});

test('GET /users/current, /enumerations/issue_priorities and /custom_fields work as in Redmine', async () => {
  const me = await srv.call('GET', '/users/current.json', { as: 'jsmith' });
  expect(me.json<{ user: Json }>().user).toMatchObject({ login: 'jsmith', admin: false });
  const meXml = await srv.call('GET', '/users/current.xml');
  expect(parseXml(meXml.text).user.login).toBe('admin');
  expect((await srv.call('GET', '/users/current.xml', { as: 'anonymous' })).status).toBe(401);

  const priorities = await srv.call('GET', '/enumerations/issue_priorities.json');
  expect(priorities.json<{ issue_priorities: Json[] }>().issue_priorities.map((p) => p.name)).toEqual([
    'Low',
    'Normal',
    'High',
    'Urgent',
    'Immediate',
  ]);
  const prioritiesXml = await srv.call('GET', '/enumerations/issue_priorities.xml');
  expect(prioritiesXml.text).toContain('<issue_priorities type="array"><issue_priority><id>1</id><name>Low</name>');

  const fields = await srv.call('GET', '/custom_fields.json');
  const list = fields.json<{ custom_fields: Json[] }>().custom_fields;
  expect(list.filter((f) => f.customized_type === 'company').map((f) => f.name)).toEqual([
    'Customer number',
    'Industry',
    'Key account',
    'Credit limit',
  ]);
  expect(list.filter((f) => f.customized_type === 'contact').map((f) => f.name)).toEqual([
    'Position',
    'Preferred language',
  ]);
  const fieldsXml = await srv.call('GET', '/custom_fields.xml');
  expect(fieldsXml.text).toContain('<name>Customer number</name><customized_type>company</customized_type>');
  expect((await srv.call('GET', '/custom_fields.json', { as: 'jsmith' })).status).toBe(403);
});

test('a path without a format suffix gives 406, an unknown path the HTML 404 page', async () => {
  const noSuffix = await srv.call('GET', '/companies');
  expect(noSuffix.status).toBe(406);
  const unknown = await srv.call('GET', '/customers.json');
  expect(unknown.status).toBe(404);
  expect(unknown.headers.get('content-type')).toBe('text/html; charset=utf-8');
});

test('no response broke the document', () => {
  expect(srv.ts.violations()).toEqual([]);
});
