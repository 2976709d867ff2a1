import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../app/test-server.js';
import { DEFAULT_ADMIN_API_KEY } from '../redmine-family/credentials.js';
import { createRedmineUpClient, type RedmineUpClient } from './redmineup.js';

let ts: TestServer;
let crm: RedmineUpClient;

beforeAll(async () => {
  ts = await startTestServer({ apis: ['redmineup'] });
  crm = createRedmineUpClient({ baseUrl: ts.api('redmineup'), apiKey: DEFAULT_ADMIN_API_KEY });
});

afterAll(async () => {
  await ts.close();
});

test('lists contacts, one typed page at a time', async () => {
  const first = await crm.GET('/contacts.{format}', { params: { query: { limit: 2 } } });
  const second = await crm.GET('/contacts.{format}', { params: { query: { limit: 2, offset: 2 } } });
  expect(first.data?.contacts).toHaveLength(2);
  expect(second.data?.offset).toBe(2);
  const ids = [...(first.data?.contacts ?? []), ...(second.data?.contacts ?? [])].map((c) => c.id);
  expect(new Set(ids).size).toBe(4);
});

test('contact round trip with a note: create, get, update, list by project, note, delete', async () => {
  const created = await crm.POST('/contacts.{format}', {
    body: { contact: { project_id: 1, first_name: 'Grace', last_name: 'Hopper', tag_list: ['typed', 'client'] } },
  });
  expect(created.response.status).toBe(201);
  const contact = created.data!.contact;
  expect(contact).toMatchObject({ first_name: 'Grace', last_name: 'Hopper', is_company: false });
  expect([...contact.tag_list].sort()).toEqual(['client', 'typed']);
  const path = { contact_id: contact.id };

  const updated = await crm.PUT('/contacts/{contact_id}.{format}', {
    params: { path },
    body: { contact: { job_title: 'Rear Admiral' } },
  });
  expect(updated.response.status).toBe(204);
  const read = await crm.GET('/contacts/{contact_id}.{format}', { params: { path } });
  expect(read.data?.contact).toMatchObject({ id: contact.id, job_title: 'Rear Admiral' });

  const inProject = await crm.GET('/projects/{project_id}/contacts.{format}', {
    params: { path: { project_id: '1' }, query: { limit: 100 } },
  });
  expect(inProject.data?.contacts.map((c) => c.id)).toContain(contact.id);

  const note = await crm.POST('/notes.{format}', {
    body: { note: { content: 'Met at the conference' }, source_type: 'Contact', source_id: contact.id },
  });
  expect(note.response.status).toBe(201);
  const noteRead = await crm.GET('/notes/{note_id}.{format}', { params: { path: { note_id: note.data!.note.id } } });
  expect(noteRead.data?.note.content).toBe('Met at the conference');

  expect((await crm.DELETE('/contacts/{contact_id}.{format}', { params: { path } })).response.status).toBe(204);
  const gone = await crm.GET('/contacts/{contact_id}.{format}', { params: { path } });
  expect([gone.response.status, gone.data]).toEqual([404, undefined]);
});

test('deal round trip: create, update, get, delete', async () => {
  const created = await crm.POST('/deals.{format}', {
    body: { deal: { project_id: 1, name: 'Typed support contract', price: '1200', currency: 'EUR' } },
  });
  expect(created.response.status).toBe(201);
  const path = { deal_id: created.data!.deal.id };
  const updated = await crm.PUT('/deals/{deal_id}.{format}', { params: { path }, body: { deal: { price: '1500' } } });
  expect(updated.response.status).toBe(204);
  const read = await crm.GET('/deals/{deal_id}.{format}', { params: { path } });
  expect(read.data?.deal).toMatchObject({ name: 'Typed support contract', currency: 'EUR' });
  expect(Number(read.data?.deal.price)).toBe(1500);
  expect((await crm.DELETE('/deals/{deal_id}.{format}', { params: { path } })).response.status).toBe(204);
});

test('a 422 surfaces as a typed error; a wrong key as an error response with status 401', async () => {
  const invalid = await crm.POST('/contacts.{format}', { body: { contact: { project_id: 1, first_name: '' } } });
  expect(invalid.response.status).toBe(422);
  const messages = typeof invalid.error === 'object' ? invalid.error.errors : [];
  expect(messages).toContain('First name cannot be blank');
  const stranger = createRedmineUpClient({ baseUrl: ts.api('redmineup'), apiKey: 'not-a-key' });
  const { data, error, response } = await stranger.GET('/contacts.{format}');
  expect([response.status, data, error]).toEqual([401, undefined, undefined]);
});

test('the server saw no contract violation', () => {
  expect(ts.violations()).toEqual([]);
});
