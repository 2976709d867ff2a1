import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Contact } from './records.js';
import { type Json, startRedmineUp, type UpTestServer, XML } from './test-support.js';

let srv: UpTestServer;

beforeAll(async () => {
  srv = await startRedmineUp();
});

afterAll(async () => {
  await srv.ts.close();
});

const snapshot = () => JSON.stringify(srv.state.export());
const projectsOf = (id: number) => srv.state.contacts.get(id)?.project_ids;
const singleProjectContact = (projectId: number) =>
  srv.state.contacts.find(
    (c) => c.visibility === 0 && c.project_ids.length === 1 && c.project_ids[0] === projectId,
  ) as Contact;

test('POST /contacts/{id}/projects.json adds a project by id; the single view lists it; 204', async () => {
  const { publicMine, publicOther } = srv.projects;
  const contact = singleProjectContact(publicMine.id);
  const res = await srv.call('POST', `/contacts/${contact.id}/projects.json`, {
    body: { project: { id: publicOther.id } },
  });
  expect([res.status, res.text]).toEqual([204, '']);
  expect(projectsOf(contact.id)).toEqual([publicMine.id, publicOther.id]);
  const shown = (await srv.call('GET', `/contacts/${contact.id}.json`)).json<{ contact: Json }>().contact;
  expect(shown.projects).toEqual([
    { id: publicMine.id, name: publicMine.name },
    { id: publicOther.id, name: publicOther.name },
  ]);
});

test('adding by identifier in XML, and adding a project the contact already has, change nothing more', async () => {
  const { publicMine, privateOther } = srv.projects;
  const contact = singleProjectContact(publicMine.id);
  const res = await srv.call('POST', `/contacts/${contact.id}/projects.xml`, {
    body: `<?xml version="1.0" encoding="UTF-8"?><project><id>${privateOther.identifier}</id></project>`,
    headers: XML,
  });
  expect(res.status).toBe(204);
  expect(projectsOf(contact.id)).toEqual([publicMine.id, privateOther.id]);
  const updated = srv.state.contacts.get(contact.id)?.updated_on;
  const again = await srv.call('POST', `/contacts/${contact.id}/projects.json`, {
    body: { project: { id: privateOther.id } },
  });
  expect(again.status).toBe(204);
  expect(projectsOf(contact.id)).toEqual([publicMine.id, privateOther.id]);
  expect(srv.state.contacts.get(contact.id)?.updated_on).toBe(updated);
});

test('adding: unknown contact or project 404, missing project id 404, no permission 403, anonymous 401', async () => {
  const { publicMine, publicOther, privateMine } = srv.projects;
  const contact = singleProjectContact(privateMine.id);
  const before = snapshot();
  expect((await srv.call('POST', '/contacts/99999/projects.json', { body: { project: { id: 1 } } })).status).toBe(404);
  const noProject = await srv.call('POST', `/contacts/${contact.id}/projects.json`, {
    body: { project: { id: 'nope' } },
  });
  expect(noProject.status).toBe(404);
  expect((await srv.call('POST', `/contacts/${contact.id}/projects.json`, { body: { project: {} } })).status).toBe(404);
  const toForeign = await srv.call('POST', `/contacts/${contact.id}/projects.json`, {
    as: 'jsmith',
    body: { project: { id: publicOther.id } },
  });
  expect(toForeign.status).toBe(403);
  const anon = await srv.call('POST', `/contacts/${contact.id}/projects.json`, {
    as: 'anonymous',
    body: { project: { id: publicMine.id } },
  });
  expect(anon.status).toBe(401);
  expect(snapshot()).toBe(before);
  const allowed = await srv.call('POST', `/contacts/${contact.id}/projects.json`, {
    as: 'jsmith',
    body: { project: { id: publicMine.identifier } },
  });
  expect(allowed.status).toBe(204);
  expect(projectsOf(contact.id)).toEqual([privateMine.id, publicMine.id]);
});

test('DELETE /contacts/{id}/projects/{project}: 204 and the project is gone; by identifier in XML too', async () => {
  const { publicMine, publicOther, privateOther } = srv.projects;
  const contact = singleProjectContact(publicMine.id);
  await srv.call('POST', `/contacts/${contact.id}/projects.json`, { body: { project: { id: publicOther.id } } });
  await srv.call('POST', `/contacts/${contact.id}/projects.json`, { body: { project: { id: privateOther.id } } });
  const res = await srv.call('DELETE', `/contacts/${contact.id}/projects/${publicOther.id}.json`);
  expect([res.status, res.text]).toEqual([204, '']);
  expect(projectsOf(contact.id)).toEqual([publicMine.id, privateOther.id]);
  const xml = await srv.call('DELETE', `/contacts/${contact.id}/projects/${privateOther.identifier}.xml`);
  expect(xml.status).toBe(204);
  expect(projectsOf(contact.id)).toEqual([publicMine.id]);
});

test('removing the last project is refused with 403 (check_count) and changes nothing', async () => {
  const { publicOther } = srv.projects;
  const contact = singleProjectContact(publicOther.id);
  const before = snapshot();
  const res = await srv.call('DELETE', `/contacts/${contact.id}/projects/${publicOther.id}.json`);
  expect([res.status, res.text]).toEqual([403, '']);
  expect(snapshot()).toBe(before);
});

test('removing: unknown contact or project 404; jsmith without rights 403; a project not linked changes nothing', async () => {
  const { publicMine, publicOther } = srv.projects;
  const contact = srv.state.contacts.find(
    (c) => c.visibility === 0 && c.project_ids.includes(publicMine.id) && c.project_ids.includes(publicOther.id),
  ) as Contact;
  expect((await srv.call('DELETE', `/contacts/99999/projects/${publicMine.id}.json`)).status).toBe(404);
  expect((await srv.call('DELETE', `/contacts/${contact.id}/projects/no-such.json`)).status).toBe(404);
  const before = snapshot();
  const foreign = await srv.call('DELETE', `/contacts/${contact.id}/projects/${publicOther.id}.json`, { as: 'jsmith' });
  expect(foreign.status).toBe(403);
  const notLinked = await srv.call('DELETE', `/contacts/${contact.id}/projects/${srv.projects.sub.id}.json`);
  expect(notLinked.status).toBe(204);
  expect(snapshot()).toBe(before);
  const own = await srv.call('DELETE', `/contacts/${contact.id}/projects/${publicMine.id}.json`, { as: 'jsmith' });
  expect(own.status).toBe(204);
  expect(projectsOf(contact.id)).toEqual([publicOther.id]);
});

test('no response broke the specification', () => {
  expect(srv.ts.violations()).toEqual([]);
});
