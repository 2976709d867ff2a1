import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Contact } from './records.js';
import { type Json, parseXml, startRedmineUp, type UpTestServer, xmlIssues } from './test-support.js';

let srv: UpTestServer;

beforeAll(async () => {
  srv = await startRedmineUp();
});

afterAll(async () => {
  await srv.ts.close();
});

const SHOW = '/contacts/{contact_id}.{format}';

test('GET /contacts/{id}: single view with projects; unknown id 404 with an empty body', async () => {
  const contact = srv.state.contacts.find((c) => c.project_ids.length === 2) as Contact;
  const res = await srv.call('GET', `/contacts/${contact.id}.json`);
  expect(res.status).toBe(200);
  const body = res.json<{ contact: Json }>().contact;
  expect(body.projects).toEqual(contact.project_ids.map((id) => ({ id, name: srv.state.projects.get(id)?.name })));
  for (const key of ['notes', 'contacts', 'deals', 'issues']) expect(body).not.toHaveProperty(key);
  expect(body.custom_fields).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'License' })]));
  const missing = await srv.call('GET', '/contacts/99999.json');
  expect([missing.status, missing.text, missing.headers.get('content-type')]).toEqual([404, '', 'application/json']);
  expect((await srv.call('GET', '/contacts/99999.xml')).headers.get('content-type')).toBe('application/xml');
});

test('include=notes adds the contact’s notes, newest first, and nothing else', async () => {
  const note = srv.state.notes.find((n) => n.source_type === 'Contact') as { source_id: number };
  const notes = srv.state.notes
    .all((n) => n.source_type === 'Contact' && n.source_id === note.source_id)
    .sort((a, b) => (a.created_on < b.created_on ? 1 : -1));
  const body = (await srv.call('GET', `/contacts/${note.source_id}.json?include=notes`)).json<{ contact: Json }>();
  expect((body.contact.notes as Json[]).map((n) => n.id)).toEqual(notes.map((n) => n.id));
  expect((body.contact.notes as Json[])[0]).toEqual({
    id: notes[0]?.id,
    content: notes[0]?.content,
    type_id: notes[0]?.type_id,
    author: expect.objectContaining({ id: notes[0]?.author_id }),
    created_on: notes[0]?.created_on,
    updated_on: notes[0]?.updated_on,
  });
  expect(body.contact).not.toHaveProperty('deals');
  const xml = await srv.call('GET', `/contacts/${note.source_id}.xml?include=notes`);
  expect(xmlIssues(SHOW, 'get', 200, xml.text)).toEqual([]);
  expect(parseXml(xml.text).contact.notes.note).toHaveLength(notes.length);
});

test('include=contacts adds a company’s people; a person gets no contacts section', async () => {
  const company = srv.state.contacts.find(
    (c) => c.is_company && srv.state.contacts.all((p) => p.company === c.first_name).length >= 2,
  ) as Contact;
  const people = srv.state.contacts.all((p) => !p.is_company && p.company === company.first_name);
  const body = (await srv.call('GET', `/contacts/${company.id}.json?include=contacts`)).json<{ contact: Json }>();
  expect((body.contact.contacts as Json[]).map((c) => c.id).sort()).toEqual(people.map((p) => p.id).sort());
  expect((body.contact.contacts as Json[])[0]).toHaveProperty('name');
  expect(body.contact).not.toHaveProperty('notes');
  const person = people[0] as Contact;
  const single = (await srv.call('GET', `/contacts/${person.id}.json?include=contacts`)).json<{ contact: Json }>();
  expect(single.contact).not.toHaveProperty('contacts');
  const xml = await srv.call('GET', `/contacts/${company.id}.xml?include=contacts`);
  expect(xml.text).toMatch(/<contacts type="array"><contact id="\d+" name="[^"]+"\/>/);
});

test('include=deals adds the deals where the contact is main or related contact', async () => {
  const deal = srv.state.deals.find((d) => d.related_contact_ids.length > 0)!;
  const related = deal.related_contact_ids[0] as number;
  const expected = srv.state.deals.all((d) => d.contact_id === related || d.related_contact_ids.includes(related));
  const body = (await srv.call('GET', `/contacts/${related}.json?include=deals`)).json<{ contact: Json }>();
  const deals = body.contact.deals as Json[];
  expect(deals.map((d) => d.id).sort()).toEqual(expected.map((d) => d.id).sort());
  expect(Object.keys(deals[0] as Json)).toEqual([
    'id',
    'price',
    'currency',
    'price_type',
    'name',
    'project',
    'status',
    'background',
    'created_on',
    'updated_on',
  ]);
  const xml = await srv.call('GET', `/contacts/${related}.xml?include=deals`);
  expect(xmlIssues(SHOW, 'get', 200, xml.text)).toEqual([]);
  expect(xml.text).toContain('<deals type="array"><deal><id>');
});

test('include=tickets (and its alias issues) adds the linked issues; several includes combine', async () => {
  const issue = srv.state.issues.all()[0]!;
  const contactId = issue.contact_ids[0] as number;
  for (const name of ['tickets', 'issues']) {
    const body = (await srv.call('GET', `/contacts/${contactId}.json?include=${name}`)).json<{ contact: Json }>();
    expect((body.contact.issues as Json[])[0]).toEqual({
      id: issue.id,
      subject: issue.subject,
      status: issue.status,
      due_date: issue.due_date,
      created_on: issue.created_on,
      updated_on: issue.updated_on,
    });
  }
  const all = await srv.call('GET', `/contacts/${contactId}.xml?include=notes,tickets,deals,contacts`);
  expect(xmlIssues(SHOW, 'get', 200, all.text)).toEqual([]);
  expect(all.text).toContain(`<issues type="array"><issue><id>${issue.id}</id>`);
  const none = (await srv.call('GET', `/contacts/${contactId}.json?include=bogus`)).json<{ contact: Json }>();
  expect(none.contact).not.toHaveProperty('issues');
});

test('no response broke the specification', () => {
  expect(srv.ts.violations()).toEqual([]);
});
