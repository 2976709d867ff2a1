import { afterAll, beforeAll, expect, test } from 'vitest';
import { FORM, fieldId, JSON_TYPE, type PlanioTestServer, parseXml, startPlanio, XML } from './test-support.js';

let srv: PlanioTestServer;

beforeAll(async () => {
  srv = await startPlanio();
});

afterAll(async () => {
  await srv.ts.close();
});

const snapshot = () => JSON.stringify(srv.state().export());

const firstCompany = () => {
  const company = srv.state().companies.all()[0];
  if (!company) throw new Error('no seeded company');
  return company;
};

test('a company create with every kind of problem gives 422 with Redmine’s messages, in order, in JSON', async () => {
  const before = snapshot();
  const res = await srv.call('POST', '/companies.json', {
    body: {
      company: { name: ' ', country: 'Germny', mails: ['not-a-mail'], issue_priority_id: 99, project_ids: [9999] },
    },
  });
  expect(res.status).toBe(422);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(res.json()).toEqual({
    errors: [
      'Name cannot be blank',
      'Country is not included in the list',
      'Mails is invalid',
      'Issue priority is invalid',
      'Project is invalid',
    ],
  });
  expect(snapshot()).toBe(before);
});

test('the same failures in XML give <errors type="array">', async () => {
  const before = snapshot();
  const res = await srv.call('POST', '/companies.xml', {
    headers: XML,
    body:
      '<?xml version="1.0" encoding="UTF-8"?><company><name></name><country>Deutschland</country><mails ' +
      'type="array"><mail>info@</mail></mails><project_ids type="array"><project_id>9999</project_id></project_ids></company>',
  });
  expect(res.status).toBe(422);
  expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
  expect(res.text).toBe(
    '<?xml version="1.0" encoding="UTF-8"?><errors type="array"><error>Name cannot be blank</error><error>Country ' +
      'is not included in the list</error><error>Mails is invalid</error><error>Project is invalid</error></errors>',
  );
  expect(snapshot()).toBe(before);
});

test('an empty or missing company gives "Name cannot be blank", whatever the body looks like', async () => {
  const cases: [string, { headers?: Record<string, string>; body?: unknown }][] = [
    ['/companies.json', { body: {} }],
    ['/companies.json', { body: { company: {} } }],
    ['/companies.json', { body: { company: 'Planio' } }],
    ['/companies.xml', { headers: XML, body: '<company/>' }],
    ['/companies.xml', { headers: XML, body: '<contact><name>Wrong root</name></contact>' }],
    ['/companies.json', { body: '{"company":{"name":"No content type"}}' }],
    ['/companies.json', { headers: FORM, body: 'company[town]=Berlin' }],
  ];
  const before = snapshot();
  for (const [path, options] of cases) {
    const res = await srv.call('POST', path, options);
    expect(res.status, JSON.stringify(options)).toBe(422);
    const errors = path.endsWith('.xml') ? parseXml(res.text).errors.error : res.json<{ errors: string[] }>().errors;
    expect(errors).toEqual(['Name cannot be blank']);
  }
  expect(snapshot()).toBe(before);
});

test('an update that empties the name or breaks a value gives 422 and changes nothing', async () => {
  const company = firstCompany();
  const before = snapshot();
  const blank = await srv.call('PUT', `/companies/${company.id}.json`, {
    body: { company: { name: '', town: 'Changed', mails: ['ok@example.com'] } },
  });
  expect([blank.status, blank.json()]).toEqual([422, { errors: ['Name cannot be blank'] }]);
  const country = await srv.call('PUT', `/companies/${company.id}.xml`, {
    headers: XML,
    body: '<company><town>Changed</town><country>Atlantis</country></company>',
  });
  expect(country.status).toBe(422);
  expect(parseXml(country.text).errors.error).toEqual(['Country is not included in the list']);
  const number = await srv.call('PUT', `/companies/${company.id}.json`, {
    body: { company: { custom_fields: [{ id: fieldId(srv.state(), 'Customer number'), value: '4711' }] } },
  });
  expect(number.json()).toEqual({ errors: ['Customer number is invalid'] });
  const priority = await srv.call('PUT', `/companies/${company.id}.json`, {
    body: { company: { issue_priority_id: 0 } },
  });
  expect(priority.json()).toEqual({ errors: ['Issue priority is invalid'] });
  expect(snapshot()).toBe(before);
  expect(srv.state().companies.get(company.id)).toEqual(company);
});

test('values of the wrong type give "<Attribute> is invalid"', async () => {
  const before = snapshot();
  const res = await srv.call('POST', '/companies.json', { body: { company: { name: 'Typ AG', mails: 'x@y.de' } } });
  expect([res.status, res.json()]).toEqual([422, { errors: ['Mails is invalid'] }]);
  const gender = await srv.call('POST', `/companies/${firstCompany().id}/contacts.json`, {
    body: { contact: { firstname: 'Kim', gender: 'maybe' } },
  });
  expect([gender.status, gender.json()]).toEqual([422, { errors: ['Gender is invalid'] }]);
  expect(snapshot()).toBe(before);
});

test('contact validation: "First name cannot be blank" and "Mails is invalid" in JSON and XML, nothing saved', async () => {
  const company = firstCompany();
  const contact = srv.state().contacts.find((c) => c.company_id === company.id);
  const before = snapshot();
  const json = await srv.call('POST', `/companies/${company.id}/contacts.json`, {
    body: { contact: { lastname: 'Ohne', mails: ['broken@'] } },
  });
  expect([json.status, json.json()]).toEqual([422, { errors: ['First name cannot be blank', 'Mails is invalid'] }]);
  const xml = await srv.call('POST', `/companies/${company.id}/contacts.xml`, {
    headers: XML,
    body: '<contact><firstname/><lastname>Ohne</lastname></contact>',
  });
  expect(xml.status).toBe(422);
  expect(xml.text).toBe(
    '<?xml version="1.0" encoding="UTF-8"?><errors type="array"><error>First name cannot be blank</error></errors>',
  );
  const update = await srv.call('PUT', `/companies/${company.id}/contacts/${contact?.id}.xml`, {
    headers: XML,
    body: '<contact><firstname>  </firstname><lastname>Changed</lastname></contact>',
  });
  expect(update.status).toBe(422);
  expect(parseXml(update.text).errors.error).toEqual(['First name cannot be blank']);
  expect(snapshot()).toBe(before);
});

test('malformed JSON, XML and form bodies give an empty 400 and change nothing', async () => {
  const company = firstCompany();
  const before = snapshot();
  const cases: [string, string, Record<string, string>, string][] = [
    ['POST', '/companies.json', JSON_TYPE, '{"company": {"name": "Half'],
    ['POST', '/companies.xml', XML, '<company><name>Unclosed</company>'],
    ['PUT', `/companies/${company.id}.json`, JSON_TYPE, '{"company": }'],
    ['POST', `/companies/${company.id}/contacts.xml`, XML, '<contact><firstname>A</firstname>'],
    ['PUT', `/companies/${company.id}/contacts/1.json`, JSON_TYPE, 'not json'],
    ['POST', '/companies.json', FORM, 'company[name]=%E0%A4%A'],
  ];
  for (const [method, path, headers, body] of cases) {
    const res = await srv.call(method, path, { headers, body });
    expect([res.status, res.text, res.headers.get('content-type')], `${method} ${path}`).toEqual([
      400,
      '',
      'text/html; charset=utf-8',
    ]);
  }
  expect(snapshot()).toBe(before);
});

test('blank mails and phone rows from forms are dropped; a phone without kind is a work number', async () => {
  const res = await srv.call('POST', '/companies.json', {
    body: {
      company: {
        name: 'Leerzeilen GmbH',
        mails: ['', ' info@leer.de ', 'info@leer.de'],
        phones: [{ kind: 'work', value: '' }, { value: '+49 30 9' }],
      },
    },
  });
  expect(res.status).toBe(201);
  expect(res.json()).toMatchObject({
    company: { mails: ['info@leer.de'], phones: [{ kind: 'work', value: '+49 30 9' }] },
  });
});

test('no response broke the document', () => {
  expect(srv.ts.violations()).toEqual([]);
});
