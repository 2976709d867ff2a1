import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Json, locationId, parseXml, startRedmineUp, type UpTestServer, XML } from './test-support.js';

let srv: UpTestServer;

beforeAll(async () => {
  srv = await startRedmineUp();
});

afterAll(async () => {
  await srv.ts.close();
});

test('GET /contacts_tags.json: used tags by name with id and colour; total_count is the only meta', async () => {
  const res = await srv.call('GET', '/contacts_tags.json?limit=1&offset=3');
  expect(res.status).toBe(200);
  const body = res.json<{ tags: Json[]; total_count: number }>();
  const used = new Set(srv.state.contacts.all().flatMap((c) => c.tags));
  const expected = srv.state.tags
    .all((t) => used.has(t.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t) => ({ id: t.id, name: t.name, color: t.color }));
  expect(body).toEqual({ tags: expected, total_count: expected.length });
  expect(body.tags.some((t) => t.color === null)).toBe(true);
});

test('GET /contacts_tags.xml, nometa, a new tag appears once used; anonymous 401', async () => {
  const xml = await srv.call('GET', '/contacts_tags.xml');
  expect(xml.text).toMatch(
    /^<\?xml version="1.0" encoding="UTF-8"\?><tags total_count="\d+" type="array"><tag><id>\d+<\/id><name>/,
  );
  expect(parseXml(xml.text).tags.tag.length).toBeGreaterThan(3);
  const nometa = await srv.call('GET', '/contacts_tags.xml?nometa=1');
  expect(nometa.text).toMatch(/<tags type="array">/);
  const created = await srv.call('POST', '/contacts.json', {
    body: { contact: { project_id: 1, first_name: 'Tagged', tag_list: 'brand new tag' } },
  });
  expect(created.status).toBe(201);
  const after = (await srv.call('GET', '/contacts_tags.json')).json<{ tags: Json[] }>();
  expect(after.tags).toContainEqual({ id: expect.any(Number), name: 'brand new tag', color: null });
  expect((await srv.call('GET', '/contacts_tags.json', { as: 'anonymous' })).status).toBe(401);
  expect((await srv.call('GET', '/contacts_tags.json', { as: 'jsmith' })).status).toBe(200);
});

test('GET /deal_statuses in JSON and XML: position order, open / won / lost, only total_count', async () => {
  const json = (await srv.call('GET', '/deal_statuses.json?limit=1')).json<{
    deal_statuses: Json[];
    total_count: number;
  }>();
  expect(json.total_count).toBe(json.deal_statuses.length);
  expect(json.deal_statuses[0]).toEqual({
    id: 1,
    name: 'Pending',
    position: 1,
    is_default: true,
    status_type: 0,
    color: 0xaaaaaa,
  });
  expect(json.deal_statuses.map((s) => s.status_type)).toEqual(expect.arrayContaining([0, 1, 2]));
  const xml = await srv.call('GET', '/deal_statuses.xml', { as: 'jsmith' });
  expect(xml.text).toMatch(
    /^<\?xml version="1.0" encoding="UTF-8"\?><deal_statuses total_count="5" type="array"><deal_status><id>1<\/id>/,
  );
  expect(
    Object.keys((await srv.call('GET', '/deal_statuses.json', { headers: { 'x-redmine-nometa': '1' } })).json()),
  ).toEqual(['deal_statuses']);
  expect((await srv.call('GET', '/deal_statuses.xml', { as: 'anonymous' })).status).toBe(401);
});

test('core: GET /users/current and /enumerations/issue_priorities in JSON and XML', async () => {
  const me = await srv.call('GET', '/users/current.json', { as: 'jsmith' });
  expect(me.json<{ user: Json }>().user).toMatchObject({ login: 'jsmith', admin: false });
  const meXml = await srv.call('GET', '/users/current.xml');
  expect(parseXml(meXml.text).user.login).toBe('admin');
  expect((await srv.call('GET', '/users/current.json', { as: 'anonymous' })).status).toBe(401);
  const priorities = await srv.call('GET', '/enumerations/issue_priorities.json');
  expect(priorities.json<{ issue_priorities: Json[] }>().issue_priorities).toHaveLength(5);
  const xml = await srv.call('GET', '/enumerations/issue_priorities.xml');
  expect(xml.text).toContain('<issue_priorities type="array"><issue_priority><id>1</id>');
});

test('core: GET /custom_fields lists the CRM custom fields too (admin only)', async () => {
  const res = await srv.call('GET', '/custom_fields.json');
  const fields = res.json<{ custom_fields: Json[] }>().custom_fields;
  expect(fields.map((f) => f.customized_type)).toEqual(expect.arrayContaining(['contact', 'deal', 'contact_note']));
  expect(fields.find((f) => f.name === 'License')?.possible_values).toEqual([
    { value: 'Starter', label: 'Starter' },
    { value: 'Professional', label: 'Professional' },
    { value: 'Enterprise', label: 'Enterprise' },
  ]);
  const xml = await srv.call('GET', '/custom_fields.xml');
  expect(xml.text).toContain('<customized_type>contact</customized_type>');
  expect((await srv.call('GET', '/custom_fields.json', { as: 'jsmith' })).status).toBe(403);
});

test('core: projects list, get, create, update and delete in JSON and XML', async () => {
  const list = await srv.call('GET', '/projects.json');
  expect(list.json<{ total_count: number }>().total_count).toBe(srv.state.projects.all((p) => p.status === 1).length);
  const xmlList = await srv.call('GET', '/projects.xml', { as: 'jsmith' });
  expect(xmlList.text).toMatch(
    /^<\?xml version="1.0" encoding="UTF-8"\?><projects total_count="\d+" offset="0" limit="25" type="array">/,
  );
  const one = await srv.call('GET', `/projects/${srv.projects.publicMine.identifier}.json`);
  expect(one.json<{ project: Json }>().project.id).toBe(srv.projects.publicMine.id);
  const created = await srv.call('POST', '/projects.xml', {
    body: '<project><name>CRM Pilot</name><identifier>crm-pilot</identifier></project>',
    headers: XML,
  });
  expect(created.status).toBe(201);
  expect(parseXml(created.text).project.identifier).toBe('crm-pilot');
  const updated = await srv.call('PUT', '/projects/crm-pilot.json', { body: { project: { description: 'Pilot' } } });
  expect(updated.status).toBe(204);
  expect(srv.state.projects.find((p) => p.identifier === 'crm-pilot')?.description).toBe('Pilot');
  const updatedXml = await srv.call('PUT', '/projects/crm-pilot.xml', {
    body: '<project><description>Pilot, phase 2</description></project>',
    headers: XML,
  });
  expect(updatedXml.status).toBe(204);
  const shownXml = await srv.call('GET', '/projects/crm-pilot.xml');
  expect(parseXml(shownXml.text).project.description).toBe('Pilot, phase 2');
  expect((await srv.call('DELETE', '/projects/crm-pilot.xml')).status).toBe(204);
  expect((await srv.call('GET', '/projects/crm-pilot.xml')).status).toBe(404);
});

test('core: deleting a project takes its deals along and drops contacts left without a project', async () => {
  const created = await srv.call('POST', '/projects.json', {
    body: { project: { name: 'Doomed', identifier: 'doomed' } },
  });
  const projectId = locationId(created);
  const only = await srv.call('POST', '/projects/doomed/contacts.json', {
    body: { contact: { first_name: 'Only here' } },
  });
  const shared = await srv.call('POST', '/contacts.json', {
    body: { contact: { project_id: 'doomed', first_name: 'Shared', project_ids: [srv.projects.publicMine.id] } },
  });
  const deal = await srv.call('POST', '/projects/doomed/deals.json', { body: { deal: { name: 'Doomed deal' } } });
  const note = await srv.call('POST', '/notes.json', {
    body: { source_type: 'Contact', source_id: locationId(only), note: { content: 'Gone soon.' } },
  });
  expect([only.status, shared.status, deal.status, note.status]).toEqual([201, 201, 201, 201]);
  expect((await srv.call('DELETE', '/projects/doomed.json')).status).toBe(204);
  expect(srv.state.projects.get(projectId)).toBeUndefined();
  expect((await srv.call('GET', `/contacts/${locationId(only)}.json`)).status).toBe(404);
  expect((await srv.call('GET', `/notes/${locationId(note)}.json`)).status).toBe(404);
  expect((await srv.call('GET', `/deals/${locationId(deal)}.json`)).status).toBe(404);
  expect(srv.state.contacts.get(locationId(shared))?.project_ids).toEqual([srv.projects.publicMine.id]);
  expect((await srv.call('DELETE', '/projects/doomed.json')).status).toBe(404);
});

test('no response broke the specification', () => {
  expect(srv.ts.violations()).toEqual([]);
});
