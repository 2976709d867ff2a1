import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../app/test-server.js';
import { DEFAULT_ADMIN_API_KEY } from '../redmine-family/credentials.js';
import { createPlanioClient, type PlanioClient } from './planio.js';

let ts: TestServer;
let planio: PlanioClient;

beforeAll(async () => {
  ts = await startTestServer({ apis: ['planio'] });
  planio = createPlanioClient({ baseUrl: ts.api('planio'), apiKey: DEFAULT_ADMIN_API_KEY });
});

afterAll(async () => {
  await ts.close();
});

test('lists companies with typed paging and meta, over the .json URL', async () => {
  const { data, error, response } = await planio.GET('/companies.{format}', { params: { query: { limit: 3 } } });
  expect(error).toBeUndefined();
  expect(new URL(response.url).pathname).toBe('/planio/companies.json');
  expect(data?.companies).toHaveLength(3);
  expect(data?.limit).toBe(3);
  expect(data?.total_count).toBeGreaterThan(3);
  expect(typeof data?.companies[0]?.name).toBe('string');
});

test('company and contact round trip: create, get, update, list, delete', async () => {
  const created = await planio.POST('/companies.{format}', {
    body: { company: { name: 'Typed Client GmbH', country: 'Germany', mails: ['hello@typed.example'] } },
  });
  expect(created.response.status).toBe(201);
  const company = created.data!.company;
  expect(company).toMatchObject({ name: 'Typed Client GmbH', country: 'Germany', mails: ['hello@typed.example'] });
  const path = { company_id: company.id };

  const updated = await planio.PUT('/companies/{company_id}.{format}', {
    params: { path },
    body: { company: { town: 'Berlin' } },
  });
  expect([updated.response.status, updated.data, updated.error]).toEqual([204, undefined, undefined]);
  const read = await planio.GET('/companies/{company_id}.{format}', { params: { path } });
  expect(read.data?.company).toMatchObject({ id: company.id, name: 'Typed Client GmbH', town: 'Berlin' });

  const contact = await planio.POST('/companies/{company_id}/contacts.{format}', {
    params: { path },
    body: { contact: { firstname: 'Ada', lastname: 'Lovelace', mails: ['ada@typed.example'] } },
  });
  expect(contact.data?.contact).toMatchObject({ firstname: 'Ada', company: { id: company.id } });
  const contacts = await planio.GET('/companies/{company_id}/contacts.{format}', { params: { path } });
  expect(contacts.data?.contacts.map((c) => c.firstname)).toEqual(['Ada']);

  const deleted = await planio.DELETE('/companies/{company_id}.{format}', { params: { path } });
  expect(deleted.response.status).toBe(204);
  const gone = await planio.GET('/companies/{company_id}.{format}', { params: { path } });
  expect([gone.response.status, gone.data]).toEqual([404, undefined]);
});

test('a 422 surfaces as a typed error with the messages', async () => {
  const { data, error, response } = await planio.POST('/companies.{format}', {
    body: { company: { name: '', country: 'Atlantis' } },
  });
  expect(data).toBeUndefined();
  expect(response.status).toBe(422);
  const messages = typeof error === 'object' ? error.errors : [];
  expect(messages).toEqual(expect.arrayContaining(['Name cannot be blank', 'Country is not included in the list']));
});

test('a wrong API key surfaces as an error response with status 401 and no body', async () => {
  const stranger = createPlanioClient({ baseUrl: ts.api('planio'), apiKey: 'not-a-key' });
  const result = await stranger.GET('/companies.{format}');
  expect(result.response.status).toBe(401);
  expect(result.response.ok).toBe(false);
  expect(result.data).toBeUndefined();
  expect('error' in result && result.error).toBeUndefined();
  expect(result.response.headers.get('www-authenticate')).toBe('Basic realm="Redmine API"');
});

test('the server saw no contract violation', () => {
  expect(ts.violations()).toEqual([]);
});
