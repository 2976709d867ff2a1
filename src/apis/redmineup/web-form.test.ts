import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULT_ADMIN_API_KEY, JSMITH_API_KEY } from '../../redmine-family/index.js';
import { FORM, fieldId, type Json, locationId, parseXml, startRedmineUp, type UpTestServer } from './test-support.js';

let srv: UpTestServer;

beforeAll(async () => {
  srv = await startRedmineUp();
});

afterAll(async () => {
  await srv.ts.close();
});

const snapshot = () => JSON.stringify(srv.state.export());

/** A URL-encoded form body from ordered pairs (repeated names stay repeated, as a browser sends them). */
function form(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/** The fields of RedmineUP's web-form example, filled in. */
function webForm(key: string, project: string, extra: [string, string][] = []): [string, string][] {
  const license = String(fieldId(srv.state, 'License'));
  return [
    ['key', key],
    ['project_id', project],
    ['contact[first_name]', 'Jane'],
    ['contact[last_name]', 'Doe'],
    ['contact[company]', 'Example Ltd'],
    ['contact[phone]', '+44 20 7946 0000'],
    ['contact[email]', 'jane.doe@example.com'],
    ['contact[tag_list]', 'web form, lead'],
    ['contact[custom_fields][][id]', license],
    ['contact[custom_fields][][value]', 'Starter'],
    ...extra,
    ['commit', 'Save'],
  ];
}

test('URL-encoded web form with the API key in a hidden field: 201 and the contact with its custom field', async () => {
  const project = srv.projects.publicOther.identifier;
  const res = await srv.call('POST', '/contacts.json', {
    as: 'anonymous',
    body: form(webForm(DEFAULT_ADMIN_API_KEY, project)),
    headers: FORM,
  });
  expect(res.status).toBe(201);
  const contact = res.json<{ contact: Json }>().contact;
  expect(contact).toMatchObject({
    first_name: 'Jane',
    last_name: 'Doe',
    company: 'Example Ltd',
    phones: [{ number: '+44 20 7946 0000' }],
    emails: [{ address: 'jane.doe@example.com' }],
    tag_list: ['web form', 'lead'],
    author: { id: 1, name: 'Redmine Admin' },
    projects: [{ id: srv.projects.publicOther.id, name: srv.projects.publicOther.name }],
  });
  expect(contact.custom_fields).toContainEqual({
    id: fieldId(srv.state, 'License'),
    name: 'License',
    value: 'Starter',
  });
});

test('multipart/form-data web form to the .xml URL, with contact[project_id] and the other form fields', async () => {
  const data = new FormData();
  for (const [k, v] of webForm(JSMITH_API_KEY, 'ignored-because-contact-project-wins', [
    ['contact[project_id]', String(srv.projects.privateMine.id)],
    ['contact[is_company]', '0'],
    ['contact[visibility]', '1'],
    ['contact[birthday]', '1990-02-03'],
    ['contact[address_attributes][city]', 'Leeds'],
    ['contact[address_attributes][country_code]', 'GB'],
  ]))
    data.append(k, v);
  const res = await fetch(`${srv.ts.api('redmineup')}/contacts.xml`, { method: 'POST', body: data });
  expect(res.status).toBe(201);
  const doc = parseXml(await res.text()).contact;
  expect(doc).toMatchObject({
    first_name: 'Jane',
    is_company: 'false',
    birthday: '1990-02-03',
    tag_list: 'web form, lead',
  });
  expect(doc.author['@name']).toBe('John Smith');
  expect(doc.address.full_address).toBe('Leeds, United Kingdom');
  const stored = srv.state.contacts.get(Number(doc.id));
  expect(stored).toMatchObject({ visibility: 1, project_ids: [srv.projects.privateMine.id] });
});

test('redirect_on_success with an http(s) URL answers 302 to it, in the body or in the query string', async () => {
  const count = srv.state.contacts.size;
  const target = 'https://www.example.com/thank-you?source=form';
  const res = await fetch(`${srv.ts.api('redmineup')}/contacts.json`, {
    method: 'POST',
    headers: FORM,
    body: form(webForm(DEFAULT_ADMIN_API_KEY, '1', [['redirect_on_success', target]])),
    redirect: 'manual',
  });
  expect(res.status).toBe(302);
  expect(res.headers.get('location')).toBe(target);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(await res.text()).toBe(
    '<html><body>You are being <a href="https://www.example.com/thank-you?source=form">redirected</a>.</body></html>',
  );
  expect(srv.state.contacts.size).toBe(count + 1);
  const query = await fetch(
    `${srv.ts.api('redmineup')}/contacts.xml?redirect_on_success=${encodeURIComponent('http://x.example/ok')}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/xml', 'x-redmine-api-key': DEFAULT_ADMIN_API_KEY },
      body: '<contact><first_name>Q</first_name><project_id>1</project_id></contact>',
      redirect: 'manual',
    },
  );
  expect([query.status, query.headers.get('location')]).toEqual([302, 'http://x.example/ok']);
});

test('redirect_on_success that is not an http(s) URL is ignored: 201 with the body', async () => {
  const res = await srv.call('POST', '/contacts.json', {
    as: 'anonymous',
    body: form(webForm(DEFAULT_ADMIN_API_KEY, '1', [['redirect_on_success', 'javascript:alert(1)']])),
    headers: FORM,
  });
  expect(res.status).toBe(201);
  expect(locationId(res)).toBeGreaterThan(0);
});

test('a failed web form changes nothing: 422 without redirect, bad key 401, missing project 404', async () => {
  const before = snapshot();
  const invalid = await fetch(`${srv.ts.api('redmineup')}/contacts.json`, {
    method: 'POST',
    headers: FORM,
    body: form([
      ['key', DEFAULT_ADMIN_API_KEY],
      ['project_id', '1'],
      ['contact[first_name]', ''],
      ['contact[email]', 'jane at example'],
      ['redirect_on_success', 'https://www.example.com/thank-you'],
    ]),
    redirect: 'manual',
  });
  expect(invalid.status).toBe(422);
  expect(await invalid.json()).toEqual({ errors: ['First name cannot be blank', 'Email have incorrect format'] });
  const badKey = await srv.call('POST', '/contacts.json', {
    as: 'anonymous',
    body: form(webForm('0000000000000000000000000000000000000000', '1')),
    headers: FORM,
  });
  expect(badKey.status).toBe(401);
  const noKey = await srv.call('POST', '/contacts.json', {
    as: 'anonymous',
    body: form(webForm('', '1')),
    headers: FORM,
  });
  expect(noKey.status).toBe(401);
  const noProject = await srv.call('POST', '/contacts.json', {
    as: 'anonymous',
    body: form(webForm(DEFAULT_ADMIN_API_KEY, '').filter(([k]) => k !== 'project_id')),
    headers: FORM,
  });
  expect(noProject.status).toBe(404);
  expect(snapshot()).toBe(before);
});

test('a JSON body sent without Content-Type is read as an empty form, as Rails does: 404 (no project)', async () => {
  const res = await fetch(`${srv.ts.api('redmineup')}/contacts.json`, {
    method: 'POST',
    headers: { 'x-redmine-api-key': DEFAULT_ADMIN_API_KEY },
    body: new TextEncoder().encode(JSON.stringify({ contact: { project_id: 1, first_name: 'J' } })),
  });
  expect(res.status).toBe(404);
});

test('the key parameter works in the query string too, and wins over the header', async () => {
  const res = await srv.call('POST', `/contacts.json?key=${JSMITH_API_KEY}`, {
    as: 'admin',
    body: { contact: { project_id: srv.projects.publicMine.id, first_name: 'Keyed' } },
  });
  expect(res.status).toBe(201);
  expect(res.json<{ contact: Json }>().contact.author).toEqual({ id: 2, name: 'John Smith' });
});

test('no response broke the specification', () => {
  expect(srv.ts.violations()).toEqual([]);
});
