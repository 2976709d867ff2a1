import { afterAll, beforeAll, expect, test } from 'vitest';
import { SEEDED_COMPANY_COUNT } from './seed.js';
import {
  FORM,
  fieldId,
  JSON_TYPE,
  type Json,
  type PlanioTestServer,
  parseXml,
  startPlanio,
  XML,
} from './test-support.js';

let srv: PlanioTestServer;

beforeAll(async () => {
  srv = await startPlanio();
});

afterAll(async () => {
  await srv.ts.close();
});

test('GET /companies.json lists the seeded companies by name, one page, with Redmine meta', async () => {
  const res = await srv.call('GET', '/companies.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const body = res.json<{ companies: Json[]; total_count: number; offset: number; limit: number }>();
  expect(body.total_count).toBe(SEEDED_COMPANY_COUNT);
  expect([body.offset, body.limit]).toEqual([0, 25]);
  expect(body.companies).toHaveLength(25);
  const names = body.companies.map((c) => c.name as string);
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  const first = body.companies[0] as Json;
  const stored = srv.state().companies.get(first.id as number);
  expect(first).toMatchObject({ name: stored?.name, country: stored?.country, mails: stored?.mails });
  expect(Object.keys(first)).toEqual(expect.arrayContaining(['address1', 'phones', 'projects', 'custom_fields']));
});

test('GET /companies.xml renders the page as XML: meta attributes, phones as attributes, references', async () => {
  const res = await srv.call('GET', '/companies.xml?limit=3');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
  expect(res.text).toMatch(
    new RegExp(
      `^<\\?xml version="1.0" encoding="UTF-8"\\?><companies total_count="${SEEDED_COMPANY_COUNT}" offset="0" limit="3" type="array"><company><id>`,
    ),
  );
  const doc = parseXml(res.text);
  expect(doc.companies.company).toHaveLength(3);
  const first = doc.companies.company[0];
  const stored = srv.state().companies.get(Number(first.id));
  expect(first.name).toBe(stored?.name);
  expect(first.phones.phone[0]).toEqual({ '@kind': stored?.phones[0]?.kind, '@value': stored?.phones[0]?.value });
  expect(first.mails['@type']).toBe('array');
});

test('company lifecycle in JSON: create 201 + Location, get, list, update 204, get, delete 204, then 404', async () => {
  const { publicMine, privateMine } = srv.projects();
  const customerNumber = fieldId(srv.state(), 'Customer number');
  const before = srv.state().companies.size;
  const created = await srv.call('POST', '/companies.json', {
    body: {
      company: {
        name: 'Planio GmbH',
        address1: 'Lenbachstraße 7',
        zip: '10245',
        town: 'Berlin',
        state: 'Berlin',
        country: 'Germany',
        mails: ['support@plan.io', 'kundenservice@plan.io'],
        phones: [
          { kind: 'work', value: '+49 (30) 577 0000-0' },
          { kind: 'work_fax', value: '+49 (30) 577 0000-99' },
        ],
        issue_priority_id: 3,
        project_ids: [publicMine.id, privateMine.id],
        custom_fields: [{ id: customerNumber, value: 'K-4711' }],
      },
    },
  });
  expect(created.status).toBe(201);
  const company = created.json<{ company: Json }>().company;
  const id = company.id as number;
  expect(created.headers.get('location')).toBe(`${srv.ts.api('planio')}/companies/${id}`);
  expect(company).toMatchObject({
    name: 'Planio GmbH',
    address1: 'Lenbachstraße 7',
    address2: null,
    country: 'Germany',
    mails: ['support@plan.io', 'kundenservice@plan.io'],
    phones: [
      { kind: 'work', value: '+49 (30) 577 0000-0' },
      { kind: 'work_fax', value: '+49 (30) 577 0000-99' },
    ],
    issue_priority: { id: 3, name: 'High' },
    projects: [
      { id: publicMine.id, name: publicMine.name },
      { id: privateMine.id, name: privateMine.name },
    ],
  });
  expect(company.custom_fields).toContainEqual({ id: customerNumber, name: 'Customer number', value: 'K-4711' });
  expect(srv.state().companies.size).toBe(before + 1);

  const got = await srv.call('GET', `/companies/${id}.json`);
  expect(got.status).toBe(200);
  expect(got.json<{ company: Json }>().company).toEqual(company);
  const list = await srv.call('GET', '/companies.json?limit=100');
  expect(list.json<{ companies: Json[] }>().companies.map((c) => c.id)).toContain(id);

  const update = { company: { address2: 'Aufgang B', mails: ['info@plan.io'], issue_priority_id: null } };
  const updated = await srv.call('PUT', `/companies/${id}.json`, { body: update });
  expect([updated.status, updated.text, updated.headers.get('content-type')]).toEqual([204, '', null]);
  const after = (await srv.call('GET', `/companies/${id}.json`)).json<{ company: Json }>().company;
  expect(after).toMatchObject({ name: 'Planio GmbH', address2: 'Aufgang B', mails: ['info@plan.io'] });
  expect(after.phones).toEqual(company.phones);
  expect(after).not.toHaveProperty('issue_priority');
  expect(srv.state().companies.get(id)?.issue_priority_id).toBeNull();

  const deleted = await srv.call('DELETE', `/companies/${id}.json`);
  expect([deleted.status, deleted.text]).toEqual([204, '']);
  expect(srv.state().companies.get(id)).toBeUndefined();
  const gone = await srv.call('GET', `/companies/${id}.json`);
  expect([gone.status, gone.text, gone.headers.get('content-type')]).toEqual([404, '', 'application/json']);
  expect((await srv.call('DELETE', `/companies/${id}.json`)).status).toBe(404);
  expect((await srv.call('PUT', `/companies/${id}.json`, { body: update })).status).toBe(404);
});

test('company lifecycle in XML: XML bodies in, XML out, 204 on update and delete, then 404', async () => {
  const { publicOther } = srv.projects();
  const customerNumber = fieldId(srv.state(), 'Customer number');
  const created = await srv.call('POST', '/companies.xml', {
    headers: XML,
    body:
      '<?xml version="1.0" encoding="UTF-8"?><company><name>Nordwind Logistik KG</name><address1>Am Sandtorkai 48' +
      '</address1><zip>20457</zip><town>Hamburg</town><state>Hamburg</state><country>Germany</country>' +
      '<mails type="array"><mail>info@nordwind-kg.de</mail></mails><phones type="array"><phone kind="work" ' +
      'value="+49 40 3250 7700"/></phones><issue_priority_id>2</issue_priority_id><custom_fields type="array">' +
      `<custom_field id="${customerNumber}"><value>K-1042</value></custom_field></custom_fields>` +
      `<project_ids type="array"><project_id>${publicOther.id}</project_id></project_ids></company>`,
  });
  expect(created.status).toBe(201);
  expect(created.headers.get('content-type')).toBe('application/xml; charset=utf-8');
  const doc = parseXml(created.text).company;
  const id = Number(doc.id);
  expect(created.headers.get('location')).toBe(`${srv.ts.api('planio')}/companies/${id}`);
  expect(doc).toMatchObject({ name: 'Nordwind Logistik KG', zip: '20457', country: 'Germany', address2: '' });
  expect(created.text).toContain('<address2/>');
  expect(created.text).toContain('<issue_priority id="2" name="Normal"/>');
  expect(created.text).toContain(`<projects type="array"><project id="${publicOther.id}" name="${publicOther.name}"/>`);
  expect(created.text).toContain(
    `<custom_field id="${customerNumber}" name="Customer number"><value>K-1042</value></custom_field>`,
  );
  const stored = srv.state().companies.get(id);
  expect(stored).toMatchObject({
    phones: [{ kind: 'work', value: '+49 40 3250 7700' }],
    project_ids: [publicOther.id],
  });

  const got = await srv.call('GET', `/companies/${id}.xml`);
  expect([got.status, got.text]).toEqual([200, created.text]);
  const list = parseXml((await srv.call('GET', '/companies.xml?limit=100')).text);
  expect(list.companies.company.map((c: Json) => Number(c.id))).toContain(id);

  const updated = await srv.call('PUT', `/companies/${id}.xml`, {
    headers: XML,
    body:
      '<?xml version="1.0" encoding="UTF-8"?><company><address2>Aufgang B</address2><phones type="array"><phone ' +
      'kind="work" value="+49 (30) 577 0000-0"/><phone kind="mobile" value="+49 170 1234567"/></phones></company>',
  });
  expect([updated.status, updated.text, updated.headers.get('content-type')]).toEqual([204, '', null]);
  const after = await srv.call('GET', `/companies/${id}.xml`);
  expect(after.text).toContain('<address2>Aufgang B</address2>');
  expect(after.text).toContain(
    '<phones type="array"><phone kind="work" value="+49 (30) 577 0000-0"/><phone kind="mobile" value="+49 170 1234567"/></phones>',
  );
  expect(after.text).toContain('<mails type="array"><mail>info@nordwind-kg.de</mail></mails>');

  const deleted = await srv.call('DELETE', `/companies/${id}.xml`);
  expect([deleted.status, deleted.text]).toEqual([204, '']);
  const gone = await srv.call('GET', `/companies/${id}.xml`);
  expect([gone.status, gone.text, gone.headers.get('content-type')]).toEqual([404, '', 'application/xml']);
  expect(srv.state().companies.get(id)).toBeUndefined();
});

test('a form-encoded body creates and updates a company (Rack nested keys)', async () => {
  const { publicMine } = srv.projects();
  const created = await srv.call('POST', '/companies.json', {
    headers: FORM,
    body:
      'company[name]=Form+%26+Co+GmbH&company[mails][]=a%40form.de&company[mails][]=b%40form.de' +
      '&company[phones][][kind]=work&company[phones][][value]=%2B49+30+1234&company[phones][][kind]=mobile' +
      `&company[phones][][value]=%2B49+170+5555&company[project_ids][]=${publicMine.id}&company[issue_priority_id]=4` +
      '&company[country]=Austria',
  });
  expect(created.status).toBe(201);
  const id = created.json<{ company: Json }>().company.id as number;
  expect(srv.state().companies.get(id)).toMatchObject({
    name: 'Form & Co GmbH',
    mails: ['a@form.de', 'b@form.de'],
    phones: [
      { kind: 'work', value: '+49 30 1234' },
      { kind: 'mobile', value: '+49 170 5555' },
    ],
    project_ids: [publicMine.id],
    issue_priority_id: 4,
    country: 'Austria',
  });
  const updated = await srv.call('PUT', `/companies/${id}.xml`, {
    headers: FORM,
    body: 'company[town]=Wien&company[issue_priority_id]=&company[mails][]=',
  });
  expect(updated.status).toBe(204);
  expect(srv.state().companies.get(id)).toMatchObject({ town: 'Wien', issue_priority_id: null, mails: [] });
});

test('arrays replace the stored lists; an empty project list unlinks the company', async () => {
  const { publicMine, publicOther } = srv.projects();
  const created = await srv.call('POST', '/companies.json', {
    body: { company: { name: 'Listen AG', mails: ['a@listen.de'], project_ids: [publicMine.id, publicOther.id] } },
  });
  const id = created.json<{ company: Json }>().company.id as number;
  const res = await srv.call('PUT', `/companies/${id}.json`, {
    body: { company: { project_ids: [publicOther.id], mails: ['b@listen.de', 'c@listen.de'], phones: [] } },
  });
  expect(res.status).toBe(204);
  expect(srv.state().companies.get(id)).toMatchObject({
    project_ids: [publicOther.id],
    mails: ['b@listen.de', 'c@listen.de'],
    phones: [],
  });
  await srv.call('PUT', `/companies/${id}.json`, { body: { company: { project_ids: [] } } });
  const got = await srv.call('GET', `/companies/${id}.json`);
  expect(got.json<{ company: Json }>().company.projects).toEqual([]);
  const mine = await srv.call('GET', `/projects/${publicMine.identifier}/companies.json?limit=100`);
  expect(mine.json<{ companies: Json[] }>().companies.map((c) => c.id)).not.toContain(id);
});

test('the announcement’s JSON example, project ids as strings, creates the company in those projects', async () => {
  const body = `{
  "company": {
    "name": "Planio GmbH",
    "address1": "Lenbachstraße 7",
    "zip": "10245",
    "town": "Berlin",
    "state": "Berlin",
    "country": "Germany",
    "mails": [
      "support@plan.io",
      "kundenservice@plan.io"
    ],
    "phones": [
      {"kind": "work", "value": "+49 (30) 577 0000-0"},
      {"kind": "work_fax", "value": "+49 (30) 577 0000-99"}
    ],
    "project_ids": ["1", "5"]
  }
}`;
  const res = await srv.call('POST', '/companies.json', { headers: JSON_TYPE, body });
  expect(res.status).toBe(201);
  const id = res.json<{ company: Json }>().company.id as number;
  expect(srv.state().companies.get(id)).toMatchObject({ name: 'Planio GmbH', project_ids: [1, 5], country: 'Germany' });
  const bad = await srv.call('POST', '/companies.json', {
    body: { company: { name: 'X', project_ids: ['one', true] } },
  });
  expect([bad.status, bad.json()]).toEqual([422, { errors: ['Project is invalid'] }]);
});

test('custom field values are accepted as custom_field_values and rendered in Redmine form', async () => {
  const state = srv.state();
  const [industry, keyAccount] = [fieldId(state, 'Industry'), fieldId(state, 'Key account')];
  const created = await srv.call('POST', '/companies.json', {
    body: { company: { name: 'Feld GmbH', custom_field_values: { [industry]: 'Software', [keyAccount]: true } } },
  });
  expect(created.status).toBe(201);
  const fields = created.json<{ company: { custom_fields: Json[] } }>().company.custom_fields;
  expect(fields).toContainEqual({ id: industry, name: 'Industry', value: 'Software' });
  expect(fields).toContainEqual({ id: keyAccount, name: 'Key account', value: '1' });
  expect(fields.map((f) => f.name)).toEqual(['Customer number', 'Industry', 'Key account', 'Credit limit']);
});

test('no response broke the document', () => {
  expect(srv.ts.violations()).toEqual([]);
});
