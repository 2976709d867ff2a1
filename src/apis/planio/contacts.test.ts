import { afterAll, beforeAll, expect, test } from 'vitest';
import { FORM, fieldId, type Json, type PlanioTestServer, parseXml, startPlanio, XML } from './test-support.js';

let srv: PlanioTestServer;

beforeAll(async () => {
  srv = await startPlanio();
});

afterAll(async () => {
  await srv.ts.close();
});

/** The announcement's contact, word for word (with an XML declaration). */
const ANNOUNCEMENT_CONTACT = `<?xml version="1.0" encoding="UTF-8"?>
<contact>
<firstname>Felix</firstname>
<lastname>Schäfer</lastname>
<gender>true</gender>
<mails type="array">
<mail>support@plan.io</mail>
<mail>kundenservice@plan.io</mail>
</mails>
<phones type="array">
<phone kind="work" value="+49 (30) 577 0000-0"/>
<phone kind="work_fax" value="+49 (30) 577 0000-99"/>
</phones>
</contact>`;

const firstCompany = () => {
  const company = srv.state().companies.all()[0];
  if (!company) throw new Error('no seeded company');
  return company;
};

test('GET /companies/{id}/contacts lists that company’s contacts by id, JSON and XML', async () => {
  const company = firstCompany();
  const stored = srv.state().contacts.all((c) => c.company_id === company.id);
  expect(stored.length).toBeGreaterThanOrEqual(2);
  const res = await srv.call('GET', `/companies/${company.id}/contacts.json`);
  expect(res.status).toBe(200);
  const body = res.json<{ contacts: Json[]; total_count: number; offset: number; limit: number }>();
  expect([body.total_count, body.offset, body.limit]).toEqual([stored.length, 0, 25]);
  expect(body.contacts.map((c) => c.id)).toEqual(stored.map((c) => c.id));
  for (const c of body.contacts) expect(c.company).toEqual({ id: company.id, name: company.name });
  expect(body.contacts[0]).toMatchObject({ firstname: stored[0]?.firstname, gender: stored[0]?.gender });

  const xml = await srv.call('GET', `/companies/${company.id}/contacts.xml?limit=1&offset=1`);
  expect(xml.status).toBe(200);
  expect(xml.text).toMatch(
    new RegExp(
      `^<\\?xml version="1.0" encoding="UTF-8"\\?><contacts total_count="${stored.length}" offset="1" limit="1" type="array">`,
    ),
  );
  const doc = parseXml(xml.text);
  expect(doc.contacts.contact.map((c: Json) => Number(c.id))).toEqual([stored[1]?.id]);
  expect(xml.text).toContain(`<company id="${company.id}" name="${company.name.replace(/&/g, '&amp;')}"/>`);
});

test('contact lifecycle in JSON: create 201 + Location, get, list, update 204, get, delete 204, then 404', async () => {
  const company = firstCompany();
  const position = fieldId(srv.state(), 'Position');
  const created = await srv.call('POST', `/companies/${company.id}/contacts.json`, {
    body: {
      contact: {
        firstname: 'Anna',
        lastname: 'Becker',
        gender: false,
        mails: ['anna.becker@plan.io'],
        phones: [{ kind: 'mobile', value: '+49 171 5550123' }],
        custom_fields: [{ id: position, value: 'Head of Purchasing' }],
      },
    },
  });
  expect(created.status).toBe(201);
  const contact = created.json<{ contact: Json }>().contact;
  const id = contact.id as number;
  const url = `/companies/${company.id}/contacts/${id}`;
  expect(created.headers.get('location')).toBe(`${srv.ts.api('planio')}${url}`);
  expect(contact).toMatchObject({
    firstname: 'Anna',
    lastname: 'Becker',
    gender: false,
    mails: ['anna.becker@plan.io'],
    phones: [{ kind: 'mobile', value: '+49 171 5550123' }],
    company: { id: company.id, name: company.name },
  });
  expect(contact.custom_fields).toContainEqual({ id: position, name: 'Position', value: 'Head of Purchasing' });
  expect(srv.state().contacts.get(id)?.company_id).toBe(company.id);

  expect((await srv.call('GET', `${url}.json`)).json<{ contact: Json }>().contact).toEqual(contact);
  const list = await srv.call('GET', `/companies/${company.id}/contacts.json?limit=100`);
  expect(list.json<{ contacts: Json[] }>().contacts.map((c) => c.id)).toContain(id);

  const updated = await srv.call('PUT', `${url}.json`, {
    body: { contact: { mails: ['a.becker@plan.io'], phones: [{ kind: 'work', value: '+49 30 1' }] } },
  });
  expect([updated.status, updated.text, updated.headers.get('content-type')]).toEqual([204, '', null]);
  const after = (await srv.call('GET', `${url}.json`)).json<{ contact: Json }>().contact;
  expect(after).toMatchObject({
    firstname: 'Anna',
    lastname: 'Becker',
    gender: false,
    mails: ['a.becker@plan.io'],
    phones: [{ kind: 'work', value: '+49 30 1' }],
  });

  const deleted = await srv.call('DELETE', `${url}.json`);
  expect([deleted.status, deleted.text]).toEqual([204, '']);
  expect(srv.state().contacts.get(id)).toBeUndefined();
  expect((await srv.call('GET', `${url}.json`)).status).toBe(404);
  expect((await srv.call('DELETE', `${url}.json`)).status).toBe(404);
});

test('contact lifecycle in XML with the announcement’s request body', async () => {
  const company = firstCompany();
  const created = await srv.call('POST', `/companies/${company.id}/contacts.xml`, {
    headers: XML,
    body: ANNOUNCEMENT_CONTACT,
  });
  expect(created.status).toBe(201);
  expect(created.headers.get('content-type')).toBe('application/xml; charset=utf-8');
  const doc = parseXml(created.text).contact;
  const id = Number(doc.id);
  const url = `/companies/${company.id}/contacts/${id}`;
  expect(created.headers.get('location')).toBe(`${srv.ts.api('planio')}${url}`);
  expect(created.text).toContain(
    '<firstname>Felix</firstname><lastname>Schäfer</lastname><gender>true</gender><mails type="array">' +
      '<mail>support@plan.io</mail><mail>kundenservice@plan.io</mail></mails><phones type="array"><phone ' +
      'kind="work" value="+49 (30) 577 0000-0"/><phone kind="work_fax" value="+49 (30) 577 0000-99"/></phones>',
  );
  expect(srv.state().contacts.get(id)).toMatchObject({
    firstname: 'Felix',
    gender: true,
    phones: [
      { kind: 'work', value: '+49 (30) 577 0000-0' },
      { kind: 'work_fax', value: '+49 (30) 577 0000-99' },
    ],
  });
  expect((await srv.call('GET', `${url}.xml`)).text).toBe(created.text);
  const list = parseXml((await srv.call('GET', `/companies/${company.id}/contacts.xml?limit=100`)).text);
  expect(list.contacts.contact.map((c: Json) => Number(c.id))).toContain(id);

  const updated = await srv.call('PUT', `${url}.xml`, {
    headers: XML,
    body: '<?xml version="1.0" encoding="UTF-8"?><contact><lastname>Becker-Schmidt</lastname><gender/></contact>',
  });
  expect([updated.status, updated.text]).toEqual([204, '']);
  const after = await srv.call('GET', `${url}.xml`);
  expect(after.text).toContain('<firstname>Felix</firstname><lastname>Becker-Schmidt</lastname><gender/>');
  expect(srv.state().contacts.get(id)?.gender).toBeNull();

  expect((await srv.call('DELETE', `${url}.xml`)).status).toBe(204);
  const gone = await srv.call('GET', `${url}.xml`);
  expect([gone.status, gone.text, gone.headers.get('content-type')]).toEqual([404, '', 'application/xml']);
});

test('a form-encoded body creates and updates a contact (check-box booleans, nested phone rows)', async () => {
  const company = firstCompany();
  const created = await srv.call('POST', `/companies/${company.id}/contacts.xml`, {
    headers: FORM,
    body:
      'contact[firstname]=J%C3%B6rg&contact[lastname]=Wei%C3%9F&contact[gender]=1&contact[mails][]=joerg%40weiss.de' +
      '&contact[phones][][kind]=mobile&contact[phones][][value]=%2B49+171+2345678',
  });
  expect(created.status).toBe(201);
  const id = Number(parseXml(created.text).contact.id);
  expect(srv.state().contacts.get(id)).toMatchObject({
    firstname: 'Jörg',
    lastname: 'Weiß',
    gender: true,
    mails: ['joerg@weiss.de'],
    phones: [{ kind: 'mobile', value: '+49 171 2345678' }],
  });
  const updated = await srv.call('PUT', `/companies/${company.id}/contacts/${id}.json`, {
    headers: FORM,
    body: 'contact[gender]=false&contact[lastname]=',
  });
  expect(updated.status).toBe(204);
  expect(srv.state().contacts.get(id)).toMatchObject({ firstname: 'Jörg', gender: false, lastname: '' });
});

test('a contact of company A is 404 under company B for get, update and delete, and stays untouched', async () => {
  const [a, b] = srv.state().companies.all();
  const contact = srv.state().contacts.find((c) => c.company_id === a?.id);
  if (!a || !b || !contact) throw new Error('seed has no two companies with contacts');
  const wrong = `/companies/${b.id}/contacts/${contact.id}`;
  expect((await srv.call('GET', `${wrong}.json`)).status).toBe(404);
  expect((await srv.call('GET', `${wrong}.xml`)).status).toBe(404);
  expect((await srv.call('PUT', `${wrong}.json`, { body: { contact: { firstname: 'Moved' } } })).status).toBe(404);
  expect((await srv.call('DELETE', `${wrong}.json`)).status).toBe(404);
  expect(srv.state().contacts.get(contact.id)).toEqual(contact);
  expect((await srv.call('GET', `/companies/${a.id}/contacts/${contact.id}.json`)).status).toBe(200);
});

test('unknown companies and contacts give 404 on every contact operation', async () => {
  const company = firstCompany();
  const body = { contact: { firstname: 'Nobody' } };
  const before = srv.state().contacts.size;
  expect((await srv.call('GET', '/companies/9999/contacts.json')).status).toBe(404);
  expect((await srv.call('POST', '/companies/9999/contacts.json', { body })).status).toBe(404);
  expect((await srv.call('GET', '/companies/9999/contacts/1.xml')).status).toBe(404);
  expect((await srv.call('GET', `/companies/${company.id}/contacts/99999.json`)).status).toBe(404);
  expect((await srv.call('PUT', `/companies/${company.id}/contacts/99999.json`, { body })).status).toBe(404);
  expect((await srv.call('DELETE', `/companies/${company.id}/contacts/99999.xml`)).status).toBe(404);
  expect(srv.state().contacts.size).toBe(before);
});

test('deleting a company deletes its contacts', async () => {
  const created = await srv.call('POST', '/companies.json', { body: { company: { name: 'Kaskade GmbH' } } });
  const companyId = created.json<{ company: Json }>().company.id as number;
  const ids: number[] = [];
  for (const firstname of ['Eva', 'Jan']) {
    const res = await srv.call('POST', `/companies/${companyId}/contacts.json`, { body: { contact: { firstname } } });
    ids.push(res.json<{ contact: Json }>().contact.id as number);
  }
  expect(srv.state().contacts.all((c) => c.company_id === companyId)).toHaveLength(2);
  expect((await srv.call('DELETE', `/companies/${companyId}.json`)).status).toBe(204);
  expect(srv.state().contacts.all((c) => c.company_id === companyId)).toEqual([]);
  for (const id of ids) {
    expect(srv.state().contacts.get(id)).toBeUndefined();
    expect((await srv.call('GET', `/companies/${companyId}/contacts/${id}.json`)).status).toBe(404);
  }
  expect((await srv.call('GET', `/companies/${companyId}/contacts.json`)).status).toBe(404);
});

test('contact custom fields are validated against their format', async () => {
  const company = firstCompany();
  const language = fieldId(srv.state(), 'Preferred language');
  const bad = await srv.call('POST', `/companies/${company.id}/contacts.json`, {
    body: { contact: { firstname: 'Lea', custom_fields: [{ id: language, value: 'Klingon' }] } },
  });
  expect(bad.status).toBe(422);
  expect(bad.json()).toEqual({ errors: ['Preferred language is not included in the list'] });
  const good = await srv.call('POST', `/companies/${company.id}/contacts.json`, {
    body: { contact: { firstname: 'Lea', custom_field_values: { [language]: 'French' } } },
  });
  expect(good.status).toBe(201);
  expect(good.json<{ contact: { custom_fields: Json[] } }>().contact.custom_fields).toContainEqual({
    id: language,
    name: 'Preferred language',
    value: 'French',
  });
});

test('no response broke the document', () => {
  expect(srv.ts.violations()).toEqual([]);
});
