import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Contact } from './records.js';
import { basic, type Json, parseXml, startRedmineUp, type UpTestServer, XML } from './test-support.js';

let srv: UpTestServer;

beforeAll(async () => {
  srv = await startRedmineUp();
});

afterAll(async () => {
  await srv.ts.close();
});

const snapshot = () => JSON.stringify(srv.state.export());

test('the curl update example: PUT /contacts/1.json with Basic auth answers 204 and changes the names', async () => {
  const res = await srv.call('PUT', '/contacts/1.json', {
    as: 'anonymous',
    body: '{"contact": {"first_name":"John","last_name":"Smith"}}',
    headers: { accept: 'application/json', 'content-type': 'application/json', authorization: basic('admin', 'admin') },
  });
  expect([res.status, res.text, res.headers.get('content-type')]).toEqual([204, '', null]);
  expect(srv.state.contacts.get(1)).toMatchObject({ first_name: 'John', last_name: 'Smith' });
  const noSuffix = await srv.call('PUT', '/contacts/1', {
    body: '{"contact": {"first_name":"Jane"}}',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
  });
  expect(noSuffix.status).toBe(406);
  expect(srv.state.contacts.get(1)?.first_name).toBe('John');
});

test('update lifecycle in XML: tags, phones, address lines merge, projects replaced, updated_on moves', async () => {
  const { publicMine, publicOther } = srv.projects;
  const contact = srv.state.contacts.find((c) => c.address !== null && !c.is_company) as Contact;
  const res = await srv.call('PUT', `/contacts/${contact.id}.xml`, {
    body: `<contact><tag_list>partner, newbie</tag_list><phone>+1 555 0100</phone><address_attributes><city>Oslo</city><country_code>NO</country_code></address_attributes><project_ids type="array"><project_id>${publicOther.id}</project_id><project_id>${publicMine.id}</project_id></project_ids></contact>`,
    headers: XML,
  });
  expect(res.status).toBe(204);
  const shown = parseXml((await srv.call('GET', `/contacts/${contact.id}.xml`)).text).contact;
  expect(shown.tag_list).toBe('partner, newbie');
  expect(shown.phones.phone).toEqual([{ number: '+1 555 0100' }]);
  expect(shown.address.street).toBe(contact.address?.street1);
  expect(shown.address.city).toBe('Oslo');
  expect(shown.address.full_address).toContain('Oslo');
  expect(shown.address.full_address).toMatch(/Norway$/);
  expect(shown.projects.project.map((p: Json) => Number(p['@id']))).toEqual([publicOther.id, publicMine.id]);
  expect(shown.updated_on > contact.updated_on).toBe(true);
  expect(srv.state.tags.find((t) => t.name === 'newbie')).toBeDefined();
});

test('an update that changes nothing keeps updated_on', async () => {
  const person = srv.state.contacts.find((c) => !c.is_company && c.id > 20) as Contact;
  const res = await srv.call('PUT', `/contacts/${person.id}.json`, {
    body: { contact: { first_name: person.first_name, tag_list: person.tags.join(', ') } },
  });
  expect(res.status).toBe(204);
  expect(srv.state.contacts.get(person.id)).toEqual(person);
});

test('a failed update (422) changes nothing, in JSON and XML', async () => {
  const before = snapshot();
  const json = await srv.call('PUT', '/contacts/2.json', {
    body: { contact: { first_name: '', last_name: 'Changed', email: 'x' } },
  });
  expect(json.status).toBe(422);
  expect(json.json()).toEqual({ errors: ['First name cannot be blank', 'Email have incorrect format'] });
  const xml = await srv.call('PUT', '/contacts/2.xml', {
    body: '<contact><last_name>Changed</last_name><visibility>9</visibility></contact>',
    headers: XML,
  });
  expect(xml.status).toBe(422);
  expect(xml.text).toContain('<error>Visibility');
  const empty = await srv.call('PUT', '/contacts/2.json', { body: { contact: { project_ids: [] } } });
  expect([empty.status, empty.json()]).toEqual([422, { errors: ['Projects cannot be blank'] }]);
  expect(snapshot()).toBe(before);
});

test('update and delete permissions: 404 unknown, 403 invisible, Developer may edit but not delete', async () => {
  const { privateMine } = srv.projects;
  const hidden = srv.state.contacts.find(
    (c) => c.visibility === 0 && c.project_ids.includes(srv.projects.privateOther.id),
  )!;
  expect((await srv.call('PUT', '/contacts/99999.json', { body: { contact: { first_name: 'x' } } })).status).toBe(404);
  expect((await srv.call('DELETE', '/contacts/99999.xml')).status).toBe(404);
  const put = await srv.call('PUT', `/contacts/${hidden.id}.json`, {
    as: 'jsmith',
    body: { contact: { first_name: 'x' } },
  });
  expect(put.status).toBe(403);
  const dev = srv.state.contacts.find(
    (c) => c.visibility === 0 && c.project_ids.length === 1 && c.project_ids[0] === privateMine.id,
  )!;
  const edit = await srv.call('PUT', `/contacts/${dev.id}.json`, {
    as: 'jsmith',
    body: { contact: { job_title: 'Buyer' } },
  });
  expect(edit.status).toBe(204);
  expect(srv.state.contacts.get(dev.id)?.job_title).toBe('Buyer');
  expect((await srv.call('DELETE', `/contacts/${dev.id}.json`, { as: 'jsmith' })).status).toBe(403);
  expect((await srv.call('DELETE', `/contacts/${dev.id}.json`, { as: 'anonymous' })).status).toBe(401);
  expect(srv.state.contacts.get(dev.id)).toBeDefined();
});

test('delete lifecycle: 204, then 404; the contact’s notes go and deals lose it', async () => {
  const deal = srv.state.deals.find((d) => d.contact_id !== null)!;
  const id = deal.contact_id as number;
  expect(srv.state.notes.all((n) => n.source_type === 'Contact' && n.source_id === id).length).toBeGreaterThanOrEqual(
    0,
  );
  const res = await srv.call('DELETE', `/contacts/${id}.xml`);
  expect([res.status, res.text]).toEqual([204, '']);
  expect((await srv.call('GET', `/contacts/${id}.json`)).status).toBe(404);
  expect((await srv.call('DELETE', `/contacts/${id}.json`)).status).toBe(404);
  expect(srv.state.notes.all((n) => n.source_type === 'Contact' && n.source_id === id)).toEqual([]);
  expect(srv.state.deals.get(deal.id)?.contact_id).toBeNull();
});

test('no response broke the specification', () => {
  expect(srv.ts.violations()).toEqual([]);
});
