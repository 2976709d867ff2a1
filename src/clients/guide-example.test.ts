import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPlanioClient, createPlutioClient, type RunningServer, startServer } from '../index.js';

let server: RunningServer;

beforeAll(async () => {
  // What `crmkit serve` runs, on a free port of 127.0.0.1 and without log lines.
  server = await startServer({ apis: ['planio', 'plutio'], port: 0, log: () => {} });
});

afterAll(async () => {
  await server.close();
});

test('Planio: create a company, read it back, delete it', async () => {
  const planio = createPlanioClient({
    baseUrl: `${server.url}${server.basePaths.planio}`,
    apiKey: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00',
  });
  const created = await planio.POST('/companies.{format}', {
    body: { company: { name: 'Example Ltd', country: 'United Kingdom' } },
  });
  expect(created.response.status).toBe(201);
  const path = { company_id: created.data!.company.id };

  const { data } = await planio.GET('/companies/{company_id}.{format}', { params: { path } });
  expect(data?.company).toMatchObject({ name: 'Example Ltd', country: 'United Kingdom' });

  const deleted = await planio.DELETE('/companies/{company_id}.{format}', { params: { path } });
  expect(deleted.response.status).toBe(204);
});

test('Plutio: the client fetches a token and names the business on every call', async () => {
  const plutio = createPlutioClient({
    baseUrl: `${server.url}${server.basePaths.plutio}`,
    clientId: 'crmkit-client',
    clientSecret: 'crmkit-secret',
    business: 'acme',
  });
  const created = await plutio.POST('/tasks', { body: { title: 'Call Example Ltd' } });
  expect(created.error).toBeUndefined();
  const _id = created.data!._id;

  const { data } = await plutio.GET('/tasks', { params: { query: { _id } } });
  expect(data).toMatchObject({ _id, title: 'Call Example Ltd' });
});
