import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../app/test-server.js';
import { familyClient } from '../../redmine-family/test-client.js';
import type { RedmineUpState } from './state.js';

let ts: TestServer;
let call: ReturnType<typeof familyClient>;
let project: number;
let contactId: number;

beforeAll(async () => {
  ts = await startTestServer({ apis: ['redmineup'] });
  call = familyClient(ts.api('redmineup'));
  const state = ts.server.modules[0]?.state as RedmineUpState;
  const active = state.projects.all((p) => p.status === 1 && p.is_public).map((p) => p.id);
  const contact = state.contacts.find((c) => c.project_ids.some((id) => active.includes(id)));
  project = contact?.project_ids.find((id) => active.includes(id)) as number;
  contactId = contact?.id as number;
});

afterAll(async () => {
  await ts.close();
});

const long = (n: number) => 'x'.repeat(n);

test('contact string columns take 255 characters and refuse 256 with Rails messages, all at once', async () => {
  const ok = await call('POST', '/contacts.json', {
    body: { contact: { project_id: project, first_name: long(255), job_title: long(255) } },
  });
  expect(ok.status).toBe(201);
  const res = await call('POST', '/contacts.json', {
    body: {
      contact: {
        project_id: project,
        first_name: long(1_000_000 / 4),
        last_name: long(256),
        company: long(256),
        website: long(256),
        tag_list: `vip, ${long(256)}`,
        address_attributes: { city: long(256) },
        background: long(65_536),
      },
    },
  });
  expect(res.status).toBe(422);
  expect(res.json()).toEqual({
    errors: [
      'First name is too long (maximum is 255 characters)',
      'Last name is too long (maximum is 255 characters)',
      'Company is too long (maximum is 255 characters)',
      'Website is too long (maximum is 255 characters)',
      'Background is too long (maximum is 65535 characters)',
      'Tag list is too long (maximum is 255 characters)',
      'Address city is too long (maximum is 255 characters)',
    ],
  });
});

test('an update is checked the same way, in XML too, and changes nothing', async () => {
  const res = await call('PUT', `/contacts/${contactId}.xml`, {
    body: `<contact><middle_name>${long(256)}</middle_name></contact>`,
    headers: { 'content-type': 'application/xml' },
  });
  expect(res.status).toBe(422);
  expect(res.text).toContain('<error>Middle name is too long (maximum is 255 characters)</error>');
  const state = ts.server.modules[0]?.state as RedmineUpState;
  expect(state.contacts.get(contactId)?.middle_name?.length ?? 0).toBeLessThan(256);
});

test('deals: name and currency 255, background 65535', async () => {
  const res = await call('POST', '/deals.json', {
    body: { deal: { project_id: project, name: long(256), currency: long(256), background: long(65_536) } },
  });
  expect(res.status).toBe(422);
  expect(res.json()).toEqual({
    errors: [
      'Name is too long (maximum is 255 characters)',
      'Currency is too long (maximum is 255 characters)',
      'Background is too long (maximum is 65535 characters)',
    ],
  });
});

test('notes: subject 255, content 65535', async () => {
  const res = await call('POST', '/notes.json', {
    body: {
      project_id: project,
      source_type: 'Contact',
      source_id: contactId,
      note: { subject: long(256), content: long(65_536) },
    },
  });
  expect(res.status).toBe(422);
  expect(res.json()).toEqual({
    errors: ['Content is too long (maximum is 65535 characters)', 'Subject is too long (maximum is 255 characters)'],
  });
});
