import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  basic,
  fieldId,
  type Json,
  locationId,
  parseXml,
  startRedmineUp,
  type UpTestServer,
  XML,
  xmlIssues,
} from './test-support.js';

let srv: UpTestServer;

beforeAll(async () => {
  srv = await startRedmineUp();
});

afterAll(async () => {
  await srv.ts.close();
});

const CREATE = '/contacts.{format}';
const snapshot = () => JSON.stringify(srv.state.export());

/** RedmineUP's JSON create example, word for word. */
const SEED_JSON = {
  contact: {
    project_id: 1,
    first_name: 'John',
    address_attributes: { street1: '12, Street', city: 'Moscow', country_code: 'RU' },
    tag_list: 'vip,cold call',
  },
};

/** RedmineUP's XML create example (the page's fragments completed into a document). */
const SEED_XML = `<?xml version="1.0"?>
<contact>
  <project_id>1</project_id>
  <first_name>John</first_name>
  <address_attributes>
    <street1>12, Street</street1>
    <city>Moscow</city>
    <country_code>RU</country_code>
  </address_attributes>
  <tag_list>vip,cold call</tag_list>
</contact>`;

test('POST /contacts.json with the documented example: 201, Location, the single view, stored with tags', async () => {
  const res = await srv.call('POST', '/contacts.json', { body: SEED_JSON });
  expect(res.status).toBe(201);
  const id = locationId(res);
  expect(res.headers.get('location')).toBe(`${srv.ts.api('redmineup')}/contacts/${id}`);
  const contact = res.json<{ contact: Json }>().contact;
  expect(contact).toMatchObject({
    id,
    is_company: false,
    first_name: 'John',
    last_name: null,
    author: { id: 1, name: 'Redmine Admin' },
    address: {
      full_address: '12, Street, Moscow, Russia',
      street: '12, Street',
      city: 'Moscow',
      region: null,
      country: 'Russia',
      country_code: 'RU',
      postcode: null,
    },
    tag_list: ['vip', 'cold call'],
    projects: [{ id: 1, name: srv.state.projects.get(1)?.name }],
  });
  expect(contact).not.toHaveProperty('phones');
  expect(srv.state.contacts.get(id)).toMatchObject({ tags: ['vip', 'cold call'], visibility: 0, project_ids: [1] });
  const shown = await srv.call('GET', `/contacts/${id}.json`);
  expect(shown.json<{ contact: Json }>().contact).toEqual(contact);
});

test('POST /contacts.xml with the documented XML example: 201 and an XML body', async () => {
  const res = await srv.call('POST', '/contacts.xml', { body: SEED_XML, headers: XML });
  expect(res.status).toBe(201);
  expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
  expect(xmlIssues(CREATE, 'post', 201, res.text)).toEqual([]);
  const doc = parseXml(res.text).contact;
  expect(doc.first_name).toBe('John');
  expect(doc.tag_list).toBe('vip, cold call');
  expect(doc.address.full_address).toBe('12, Street, Moscow, Russia');
  expect(srv.state.contacts.get(locationId(res))?.address?.country_code).toBe('RU');
});

test('XML create with custom fields and a tag_list array (the document’s every-attribute XML example)', async () => {
  const license = fieldId(srv.state, 'License');
  const body = `<?xml version="1.0" encoding="UTF-8"?><contact><project_id>${srv.projects.publicMine.identifier}</project_id><first_name>Anna</first_name><phone>+7 495 123-45-67, +7 916 000-00-00</phone><tag_list type="array"><tag>vip</tag><tag>trade fair</tag></tag_list><is_company>false</is_company><assigned_to_id>1</assigned_to_id><custom_fields type="array"><custom_field id="${license}"><value>Professional</value></custom_field></custom_fields><visibility>1</visibility><project_ids type="array"><project_id>${srv.projects.publicOther.id}</project_id></project_ids></contact>`;
  const res = await srv.call('POST', '/contacts.xml', { body, headers: XML });
  expect(res.status).toBe(201);
  expect(xmlIssues(CREATE, 'post', 201, res.text)).toEqual([]);
  const stored = srv.state.contacts.get(locationId(res));
  expect(stored).toMatchObject({
    tags: ['vip', 'trade fair'],
    visibility: 1,
    assigned_to_id: 1,
    custom_values: { [String(license)]: 'Professional' },
    project_ids: [srv.projects.publicMine.id, srv.projects.publicOther.id],
  });
  const doc = parseXml(res.text).contact;
  expect(doc.custom_fields.custom_field).toContainEqual({
    '@id': String(license),
    '@name': 'License',
    value: 'Professional',
  });
});

test('the curl create example: a company by project identifier, with Basic admin:admin', async () => {
  const support = srv.projects.publicOther;
  const body = `<contact><first_name>API contact name</first_name><is_company>true</is_company><project_id>${support.identifier}</project_id></contact>`;
  const res = await srv.call('POST', '/contacts.xml', {
    as: 'anonymous',
    body,
    headers: { ...XML, authorization: basic('admin', 'admin') },
  });
  expect(res.status).toBe(201);
  const stored = srv.state.contacts.get(locationId(res));
  expect(stored).toMatchObject({ is_company: true, first_name: 'API contact name', project_ids: [support.id] });
});

test('every writable attribute is stored and rendered; e-mail spaces are stripped', async () => {
  const license = fieldId(srv.state, 'License');
  const { publicMine, publicOther } = srv.projects;
  const res = await srv.call('POST', '/contacts.json', {
    body: {
      contact: {
        project_id: publicMine.identifier,
        first_name: 'Anna',
        last_name: 'Petrova',
        middle_name: 'Sergeevna',
        company: 'Rosatom Service',
        phone: '+7 495 123-45-67, +7 916 000-00-00',
        email: 'anna.petrova@example.ru, a.petrova@example.com',
        website: 'https://example.ru',
        skype_name: 'anna.petrova',
        birthday: '1985-04-12',
        background: 'Met at the Moscow trade fair.',
        job_title: 'Purchasing manager',
        tag_list: ['vip', 'trade fair', 'VIP'],
        is_company: false,
        address_attributes: {
          street1: 'Tverskaya 7',
          street2: 'Office 12',
          city: 'Moscow',
          region: 'Moscow',
          postcode: '125009',
          country_code: 'ru',
        },
        assigned_to_id: 2,
        custom_fields: [{ id: license, value: 'Enterprise' }],
        visibility: '2',
        project_ids: [publicOther.id],
      },
    },
  });
  expect(res.status).toBe(201);
  const contact = res.json<{ contact: Json }>().contact;
  expect(contact).toMatchObject({
    middle_name: 'Sergeevna',
    company: 'Rosatom Service',
    birthday: '1985-04-12',
    assigned_to: { id: 2, name: 'John Smith' },
    phones: [{ number: '+7 495 123-45-67' }, { number: '+7 916 000-00-00' }],
    emails: [{ address: 'anna.petrova@example.ru' }, { address: 'a.petrova@example.com' }],
    tag_list: ['vip', 'trade fair'],
    address: { full_address: 'Tverskaya 7, Office 12, Moscow, 125009, Moscow, Russia', country_code: 'RU' },
    projects: [
      { id: publicMine.id, name: publicMine.name },
      { id: publicOther.id, name: publicOther.name },
    ],
  });
  expect(contact.custom_fields).toContainEqual({ id: license, name: 'License', value: 'Enterprise' });
  const stored = srv.state.contacts.get(contact.id as number);
  expect(stored).toMatchObject({ visibility: 2, email: 'anna.petrova@example.ru,a.petrova@example.com' });
});

test('the project is resolved before validation: missing or unknown project 404 even with a blank name', async () => {
  const before = snapshot();
  const missing = await srv.call('POST', '/contacts.json', { body: { contact: { first_name: '' } } });
  expect([missing.status, missing.text]).toEqual([404, '']);
  const unknown = await srv.call('POST', '/contacts.xml', {
    body: '<contact><project_id>no-such-project</project_id></contact>',
    headers: XML,
  });
  expect(unknown.status).toBe(404);
  expect(snapshot()).toBe(before);
});

test('422 messages in JSON and XML, and a failed create stores nothing', async () => {
  const before = snapshot();
  const json = await srv.call('POST', '/contacts.json', {
    body: { contact: { project_id: 1, first_name: ' ', email: 'not-an-email, ok@example.com' } },
  });
  expect(json.status).toBe(422);
  expect(json.json()).toEqual({ errors: ['First name cannot be blank', 'Email have incorrect format'] });
  const visibility = await srv.call('POST', '/contacts.json', {
    body: { contact: { project_id: 1, first_name: 'X', visibility: '7' } },
  });
  expect([visibility.status, visibility.json()]).toEqual([422, { errors: ['Visibility is invalid'] }]);
  const xml = await srv.call('POST', '/projects/1/contacts.xml', {
    body: '<contact><last_name>Only</last_name><assigned_to_id>999</assigned_to_id></contact>',
    headers: XML,
  });
  expect(xml.status).toBe(422);
  expect(xml.headers.get('content-type')).toBe('application/xml; charset=utf-8');
  expect(xml.text).toBe(
    '<?xml version="1.0" encoding="UTF-8"?><errors type="array"><error>First name cannot be blank</error><error>Assignee is invalid</error></errors>',
  );
  const license = fieldId(srv.state, 'License');
  const badField = await srv.call('POST', '/contacts.json', {
    body: { contact: { project_id: 1, first_name: 'X', custom_fields: [{ id: license, value: 'Gold' }] } },
  });
  expect(badField.json()).toEqual({ errors: ['License is not included in the list'] });
  const badType = await srv.call('POST', '/contacts.json', {
    body: { contact: { project_id: 1, first_name: 'X', birthday: 'yesterday' } },
  });
  expect([badType.status, badType.json()]).toEqual([422, { errors: ['Birthday is invalid'] }]);
  expect(snapshot()).toBe(before);
});

test('POST /projects/{id}/contacts: the URL’s project, unless the body names another one', async () => {
  const { publicMine, publicOther } = srv.projects;
  const inUrl = await srv.call('POST', `/projects/${publicOther.identifier}/contacts.json`, {
    body: { contact: { first_name: 'Url' } },
  });
  expect(inUrl.status).toBe(201);
  expect(srv.state.contacts.get(locationId(inUrl))?.project_ids).toEqual([publicOther.id]);
  const inBody = await srv.call('POST', `/projects/${publicOther.id}/contacts.xml`, {
    body: `<contact><first_name>Body</first_name><project_id>${publicMine.id}</project_id></contact>`,
    headers: XML,
  });
  expect(inBody.status).toBe(201);
  expect(xmlIssues('/projects/{project_id}/contacts.{format}', 'post', 201, inBody.text)).toEqual([]);
  expect(srv.state.contacts.get(locationId(inBody))?.project_ids).toEqual([publicMine.id]);
  expect((await srv.call('POST', '/projects/nope/contacts.json', { body: { contact: {} } })).status).toBe(404);
});

test('create permissions: jsmith may add in his projects only; anonymous gets 401', async () => {
  const { privateMine, publicOther, closed } = srv.projects;
  const mine = await srv.call('POST', '/contacts.json', {
    as: 'jsmith',
    body: { contact: { project_id: privateMine.id, first_name: 'Mine' } },
  });
  expect(mine.status).toBe(201);
  expect(mine.json<{ contact: Json }>().contact.author).toEqual({ id: 2, name: 'John Smith' });
  const before = snapshot();
  const other = await srv.call('POST', '/contacts.json', {
    as: 'jsmith',
    body: { contact: { project_id: publicOther.id, first_name: 'Nope' } },
  });
  expect(other.status).toBe(403);
  const anon = await srv.call('POST', '/contacts.json', {
    as: 'anonymous',
    body: { contact: { project_id: publicOther.id, first_name: 'Nope' } },
  });
  expect(anon.status).toBe(401);
  const inClosed = await srv.call('POST', '/contacts.json', {
    body: { contact: { project_id: closed.id, first_name: 'X' } },
  });
  expect(inClosed.status).toBe(403);
  expect(snapshot()).toBe(before);
});

test('malformed JSON and XML bodies answer 400 with an empty HTML body and change nothing', async () => {
  const before = snapshot();
  const json = await srv.call('POST', '/contacts.json', {
    body: '{"contact": {"first_name": ',
    headers: { 'content-type': 'application/json' },
  });
  expect([json.status, json.text, json.headers.get('content-type')]).toEqual([400, '', 'text/html; charset=utf-8']);
  const xml = await srv.call('PUT', '/contacts/1.xml', { body: '<contact><first_name>x</contact>', headers: XML });
  expect(xml.status).toBe(400);
  expect(snapshot()).toBe(before);
});

test('no response broke the specification', () => {
  expect(srv.ts.violations()).toEqual([]);
});
