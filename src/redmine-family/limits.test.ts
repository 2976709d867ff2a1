import { afterEach, expect, test } from 'vitest';
import type { PlanioState } from '../apis/planio/state.js';
import type { RedmineUpState } from '../apis/redmineup/state.js';
import { startTestServer, type TestServer } from '../app/test-server.js';
import { familyClient } from './test-client.js';

let ts: TestServer | undefined;

afterEach(async () => {
  await ts?.close();
  ts = undefined;
});

/** Adds copies of the first company until the collection holds `size` records (straight into the store). */
function fillCompanies(state: PlanioState, size: number): void {
  const { id: _id, ...template } = state.companies.all()[0] as { id: number };
  while (state.companies.size < size) state.companies.insert(template as never);
}

test('Planio: a company past --max-records is 422 in Redmine form (JSON and XML), and a deletion makes room', async () => {
  ts = await startTestServer({ apis: ['planio'], maxRecords: 200 });
  const state = ts.server.modules[0]?.state as PlanioState;
  fillCompanies(state, 200);
  const call = familyClient(ts.api('planio'));
  const body = { company: { name: 'One Too Many GmbH' } };

  const json = await call('POST', '/companies.json', { body });
  expect(json.status).toBe(422);
  expect(json.json()).toEqual({ errors: ['Companies cannot hold more than 200 records (--max-records)'] });
  const xml = await call('POST', '/companies.xml', {
    body: '<company><name>One Too Many GmbH</name></company>',
    headers: { 'content-type': 'application/xml' },
  });
  expect(xml.status).toBe(422);
  expect(xml.text).toContain('<error>Companies cannot hold more than 200 records (--max-records)</error>');
  expect(state.companies.size).toBe(200);

  const last = state.companies.all().at(-1) as { id: number };
  expect((await call('DELETE', `/companies/${last.id}.json`)).status).toBe(204);
  expect((await call('POST', '/companies.json', { body })).status).toBe(201);
});

test('Planio: a write that would take the state past --max-state-size is 422 and stores nothing', async () => {
  ts = await startTestServer({ apis: ['planio'], maxStateBytes: 70_000 });
  const state = ts.server.modules[0]?.state as PlanioState;
  const call = familyClient(ts.api('planio'));
  let status = 201;
  let answer = '';
  for (let i = 0; i < 100 && status === 201; i++) {
    const res = await call('POST', '/companies.json', {
      body: { company: { name: `Filler ${i} ${'x'.repeat(200)}` } },
    });
    status = res.status;
    answer = res.text;
  }
  expect(status).toBe(422);
  expect(JSON.parse(answer)).toEqual({
    errors: ['Companies cannot be stored: the state would exceed 70000 bytes (--max-state-size)'],
  });
  expect(state.db.bytes).toBeLessThanOrEqual(70_000);

  // Full to the byte: a Basic login, which records the login time, still works.
  const company = state.companies.all()[0] as { id: number; name: string };
  state.companies.update(company.id, { name: company.name + 'x'.repeat(70_000 - state.db.bytes) });
  expect(state.db.bytes).toBe(70_000);
  const login = await call('GET', '/users/current.json', {
    as: 'anonymous',
    headers: { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
  });
  expect(login.status).toBe(200);
});

test('RedmineUP: the records cap holds for every collection a request writes, e.g. notes of a contact', async () => {
  ts = await startTestServer({ apis: ['redmineup'], maxRecords: 100 });
  const state = ts.server.modules[0]?.state as RedmineUpState;
  const { id: _id, ...note } = state.notes.all()[0] as { id: number };
  while (state.notes.size < 100) state.notes.insert(note as never);
  const active = state.projects.all((p) => p.status === 1).map((p) => p.id);
  const contact = state.contacts.find((c) => c.project_ids.some((id) => active.includes(id)));
  const project = contact?.project_ids.find((id) => active.includes(id));
  const call = familyClient(ts.api('redmineup'));
  const res = await call('POST', '/notes.json', {
    body: { project_id: project, source_type: 'Contact', source_id: contact?.id, note: { content: 'one more' } },
  });
  expect(res.status).toBe(422);
  expect(res.json()).toEqual({ errors: ['Notes cannot hold more than 100 records (--max-records)'] });
});

test('the caps hold for state imports: PUT /__crmkit/state with more records than --max-records is refused', async () => {
  ts = await startTestServer({ apis: ['planio'], maxRecords: 200 });
  const exported = (await (await fetch(`${ts.url}/__crmkit/state?api=planio`)).json()) as {
    planio: { companies: { nextId: number; items: Array<{ id: number }> } };
  };
  const companies = exported.planio.companies;
  const template = companies.items[0] as { id: number };
  for (let id = companies.nextId; companies.items.length < 201; id++) companies.items.push({ ...template, id });
  companies.nextId = 1000;
  const put = await fetch(`${ts.url}/__crmkit/state?api=planio`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(exported),
  });
  expect(put.status).toBeGreaterThanOrEqual(400);
  expect(put.status).toBeLessThan(500);
  expect(await put.text()).toContain('Companies cannot hold more than 200 records');
  const state = ts.server.modules[0]?.state as PlanioState;
  expect(state.companies.size).toBe(36);
});

test('Redmine: a project description over 65535 characters and a name over 255 are 422 with Rails messages', async () => {
  ts = await startTestServer({ apis: ['redmine'] });
  const call = familyClient(ts.api('redmine'));
  const res = await call('POST', '/projects.json', {
    body: { project: { name: 'n'.repeat(256), identifier: 'long-one', description: 'd'.repeat(65_536) } },
  });
  expect(res.status).toBe(422);
  expect(res.json()).toEqual({
    errors: ['Name is too long (maximum is 255 characters)', 'Description is too long (maximum is 65535 characters)'],
  });
  const ok = await call('POST', '/projects.json', {
    body: { project: { name: 'n'.repeat(255), identifier: 'long-one', description: 'd'.repeat(65_535) } },
  });
  expect(ok.status).toBe(201);
});

test('Redmine: a custom value over 65535 characters is 422 "is too long", even where the field sets no maximum', async () => {
  ts = await startTestServer({ apis: ['redmine'] });
  const call = familyClient(ts.api('redmine'));
  const res = await call('POST', '/projects.json', {
    body: { project: { name: 'Costly', identifier: 'costly', custom_fields: [{ id: 1, value: 'c'.repeat(65_536) }] } },
  });
  expect(res.status).toBe(422);
  expect(res.json()).toEqual({ errors: ['Cost center is too long (maximum is 65535 characters)'] });
});
