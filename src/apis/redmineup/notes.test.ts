import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Contact, Note } from './records.js';
import { fieldId, type Json, locationId, parseXml, startRedmineUp, type UpTestServer, XML } from './test-support.js';

let srv: UpTestServer;
let jsmithId: number;

beforeAll(async () => {
  srv = await startRedmineUp();
  jsmithId = srv.state.users.find((u) => u.login === 'jsmith')?.id ?? 0;
});

afterAll(async () => {
  await srv.ts.close();
});

const snapshot = () => JSON.stringify(srv.state.export());
const contactIn = (projectId: number) =>
  srv.state.contacts.find(
    (c) => c.visibility === 0 && c.project_ids.length === 1 && c.project_ids[0] === projectId,
  ) as Contact;

test('the seed has notes of every type on contacts and deals', () => {
  const notes = srv.state.notes.all();
  expect(notes.length).toBeGreaterThanOrEqual(30);
  expect(new Set(notes.map((n) => n.type_id))).toEqual(new Set([0, 1, 2, null]));
  expect(new Set(notes.map((n) => n.source_type))).toEqual(new Set(['Contact', 'Deal']));
});

test('POST /notes.json with the source at the top level (the plugin tests’ form): 201, Location, body', async () => {
  const { publicMine } = srv.projects;
  const contact = contactIn(publicMine.id);
  const res = await srv.call('POST', '/notes.json', {
    body: {
      project_id: publicMine.identifier,
      source_type: 'Contact',
      source_id: contact.id,
      note: { subject: 'Call with purchasing', content: 'Discussed the renewal of the laptop fleet.', type_id: 1 },
    },
  });
  expect(res.status).toBe(201);
  const id = locationId(res);
  expect(res.headers.get('location')).toBe(`${srv.ts.api('redmineup')}/notes/${id}`);
  const note = res.json<{ note: Json }>().note;
  expect(note).toMatchObject({
    id,
    source: { id: contact.id, type: 'Contact' },
    subject: 'Call with purchasing',
    content: 'Discussed the renewal of the laptop fleet.',
    type_id: 1,
    author: { id: 1, name: 'Redmine Admin' },
  });
  expect(note.custom_fields).toEqual([{ id: fieldId(srv.state, 'Outcome'), name: 'Outcome', value: null }]);
  const shown = await srv.call('GET', `/contacts/${contact.id}.json?include=notes`);
  expect((shown.json<{ contact: Json }>().contact.notes as Json[])[0]).toMatchObject({ id, type_id: 1 });
});

test('POST /notes.xml with the source inside the note, on a deal, back-dated, with a custom field', async () => {
  const deal = srv.state.deals.find((d) => d.project_id === srv.projects.publicMine.id)!;
  const outcome = fieldId(srv.state, 'Outcome');
  const res = await srv.call('POST', '/notes.xml', {
    body: `<?xml version="1.0" encoding="UTF-8"?><note><project_id>${deal.project_id}</project_id><source_type>Deal</source_type><source_id>${deal.id}</source_id><content>Sent the updated quote.</content><type_id>0</type_id><created_on>2026-11-20 14:30</created_on><custom_fields type="array"><custom_field id="${outcome}"><value>Quote v2</value></custom_field></custom_fields></note>`,
    headers: XML,
  });
  expect(res.status).toBe(201);
  const doc = parseXml(res.text).note;
  expect(doc.source).toEqual({ '@id': String(deal.id), '@name': deal.name, '@type': 'Deal' });
  expect(doc).toMatchObject({ content: 'Sent the updated quote.', type_id: '0', created_on: '2026-11-20T14:30:00Z' });
  expect(doc.custom_fields.custom_field[0].value).toBe('Quote v2');
  const shown = await srv.call('GET', `/deals/${deal.id}.json?include=notes`);
  expect((shown.json<{ deal: Json }>().deal.notes as Json[]).map((n) => n.id)).toContain(Number(doc.id));
});

test('a plain note (no type) without project_id uses the source’s projects', async () => {
  const contact = contactIn(srv.projects.privateMine.id);
  const res = await srv.call('POST', '/notes.json', {
    as: 'jsmith',
    body: { note: { source_type: 'Contact', source_id: contact.id, content: 'Plain note.' } },
  });
  expect(res.status).toBe(201);
  expect(res.json<{ note: Json }>().note).toMatchObject({ type_id: null, subject: null, author: { id: jsmithId } });
});

test('create failures change nothing: 422 content, 404 source or project, 403 permission, 401 anonymous', async () => {
  const { publicMine, publicOther } = srv.projects;
  const contact = contactIn(publicMine.id);
  const before = snapshot();
  const blank = await srv.call('POST', '/notes.json', {
    body: { source_type: 'Contact', source_id: contact.id, note: { content: '  ', type_id: 1 } },
  });
  expect([blank.status, blank.json()]).toEqual([422, { errors: ['Content cannot be blank'] }]);
  const xml = await srv.call('POST', '/notes.xml', {
    body: `<note><source_type>Contact</source_type><source_id>${contact.id}</source_id><created_on>soon</created_on></note>`,
    headers: XML,
  });
  expect(xml.status).toBe(422);
  expect(xml.text).toContain('<error>Content cannot be blank</error><error>Created on is invalid</error>');
  const unknown = { note: { content: 'x' }, source_type: 'Contact', source_id: 99999 };
  expect((await srv.call('POST', '/notes.json', { body: unknown })).status).toBe(404);
  const noSource = await srv.call('POST', '/notes.json', { body: { note: { content: 'x' } } });
  expect(noSource.status).toBe(404);
  const noProject = { project_id: 'nope', note: { content: 'x' }, source_type: 'Contact', source_id: contact.id };
  expect((await srv.call('POST', '/notes.json', { body: noProject })).status).toBe(404);
  const foreign = srv.state.contacts.find((c) => c.visibility === 0 && c.project_ids[0] === publicOther.id)!;
  const forbidden = await srv.call('POST', '/notes.json', {
    as: 'jsmith',
    body: { note: { content: 'x' }, source_type: 'Contact', source_id: foreign.id },
  });
  expect(forbidden.status).toBe(403);
  const anon = await srv.call('POST', '/notes.json', { as: 'anonymous', body: unknown });
  expect(anon.status).toBe(401);
  expect(snapshot()).toBe(before);
});

test('GET /notes/{id} in JSON and XML; 404 unknown; 403 when the source is hidden; 401 anonymous', async () => {
  const note = srv.state.notes.find((n) => n.source_type === 'Contact') as Note;
  const json = await srv.call('GET', `/notes/${note.id}.json`);
  expect(json.status).toBe(200);
  expect(json.json<{ note: Json }>().note).toMatchObject({
    id: note.id,
    content: note.content,
    type_id: note.type_id,
    subject: note.subject,
    created_on: note.created_on,
  });
  const xml = await srv.call('GET', `/notes/${note.id}.xml`);
  expect(xml.text).toMatch(
    new RegExp(`^<\\?xml version="1.0" encoding="UTF-8"\\?><note><id>${note.id}</id><source id=`),
  );
  expect((await srv.call('GET', '/notes/99999.json')).status).toBe(404);
  const hidden = srv.state.notes.find((n) => {
    const c = n.source_type === 'Contact' ? srv.state.contacts.get(n.source_id) : undefined;
    return !!c && c.visibility === 0 && c.project_ids.every((id) => id === srv.projects.privateOther.id);
  }) as Note;
  expect((await srv.call('GET', `/notes/${hidden.id}.json`, { as: 'jsmith' })).status).toBe(403);
  expect((await srv.call('GET', `/notes/${hidden.id}.xml`, { as: 'anonymous' })).status).toBe(401);
});

test('PUT /notes/{id}: 204, the change is visible, the source cannot change; 422 keeps the note', async () => {
  const note = srv.state.notes.find((n) => n.source_type === 'Deal') as Note;
  const res = await srv.call('PUT', `/notes/${note.id}.json`, {
    body: {
      note: { subject: 'Renewal call (summary)', content: 'Quote requested by Friday.', type_id: 2, source_id: 1 },
    },
  });
  expect([res.status, res.text]).toEqual([204, '']);
  const shown = (await srv.call('GET', `/notes/${note.id}.json`)).json<{ note: Json }>().note;
  expect(shown).toMatchObject({
    subject: 'Renewal call (summary)',
    content: 'Quote requested by Friday.',
    type_id: 2,
    source: { id: note.source_id, type: 'Deal' },
  });
  const before = snapshot();
  const bad = await srv.call('PUT', `/notes/${note.id}.xml`, {
    body: '<note><content></content></note>',
    headers: XML,
  });
  expect(bad.status).toBe(422);
  expect(bad.text).toContain('<error>Content cannot be blank</error>');
  expect((await srv.call('PUT', '/notes/99999.json', { body: { note: { content: 'x' } } })).status).toBe(404);
  expect(snapshot()).toBe(before);
});

test('note permissions: a Developer edits and deletes only his own notes; a Manager any note', async () => {
  const { privateMine, publicMine } = srv.projects;
  const contact = contactIn(privateMine.id);
  const own = await srv.call('POST', '/notes.json', {
    as: 'jsmith',
    body: { source_type: 'Contact', source_id: contact.id, note: { content: 'Mine.' } },
  });
  const ownId = locationId(own);
  const theirs = await srv.call('POST', '/notes.json', {
    body: { source_type: 'Contact', source_id: contact.id, note: { content: 'Admin’s.' } },
  });
  const theirId = locationId(theirs);
  const edit = (id: number) =>
    srv.call('PUT', `/notes/${id}.json`, { as: 'jsmith', body: { note: { content: 'Edited.' } } });
  expect((await edit(ownId)).status).toBe(204);
  expect((await edit(theirId)).status).toBe(403);
  expect((await srv.call('DELETE', `/notes/${theirId}.json`, { as: 'jsmith' })).status).toBe(403);
  expect((await srv.call('DELETE', `/notes/${ownId}.json`, { as: 'jsmith' })).status).toBe(204);
  const managed = srv.state.notes.find((n) => {
    const c = n.source_type === 'Contact' ? srv.state.contacts.get(n.source_id) : undefined;
    return !!c && n.author_id !== jsmithId && c.visibility === 0 && c.project_ids.includes(publicMine.id);
  }) as Note;
  expect((await edit(managed.id)).status).toBe(204);
  expect(srv.state.notes.get(managed.id)?.content).toBe('Edited.');
});

test('DELETE /notes/{id}: 204, then 404 and gone from the contact’s notes; anonymous 401', async () => {
  const note = srv.state.notes.find((n) => n.source_type === 'Contact') as Note;
  expect((await srv.call('DELETE', `/notes/${note.id}.json`, { as: 'anonymous' })).status).toBe(401);
  const res = await srv.call('DELETE', `/notes/${note.id}.xml`);
  expect([res.status, res.text]).toEqual([204, '']);
  expect((await srv.call('GET', `/notes/${note.id}.json`)).status).toBe(404);
  expect((await srv.call('DELETE', `/notes/${note.id}.json`)).status).toBe(404);
  const shown = (await srv.call('GET', `/contacts/${note.source_id}.json?include=notes`)).json<{ contact: Json }>();
  expect(((shown.contact.notes as Json[] | undefined) ?? []).map((n) => n.id)).not.toContain(note.id);
});

test('no response broke the specification', () => {
  expect(srv.ts.violations()).toEqual([]);
});
