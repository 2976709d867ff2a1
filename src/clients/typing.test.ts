import type { MethodResponse } from 'openapi-fetch';
import { expect, expectTypeOf, test } from 'vitest';
import type { components as planio } from '../generated/planio.js';
import type { components as plutio } from '../generated/plutio.js';
import { createPlanioClient, type PlanioClient } from './planio.js';
import { createPlutioClient, type PlutioClient } from './plutio.js';

// These checks are compiled by `tsc --noEmit`: each `@ts-expect-error` fails the type check when the line compiles.

test('Redmine family: format optional and json only, JSON bodies only, other path parameters still required', () => {
  const client = createPlanioClient({ baseUrl: 'http://127.0.0.1:9' });
  const calls = [
    () => client.GET('/companies.{format}'),
    () => client.GET('/companies/{company_id}.{format}', { params: { path: { company_id: 1, format: 'json' } } }),
    // @ts-expect-error XML is not a format of the typed client
    () => client.GET('/companies.{format}', { params: { path: { format: 'xml' } } }),
    // @ts-expect-error the XML body shape (no `company` wrapper) is not the JSON body
    () => client.POST('/companies.{format}', { body: { name: 'Example Ltd' } }),
    // @ts-expect-error company_id stays required
    () => client.GET('/companies/{company_id}.{format}'),
  ];
  expect(calls).toHaveLength(5);
  expectTypeOf<MethodResponse<PlanioClient, 'get', '/companies/{company_id}.{format}'>>().toEqualTypeOf<
    planio['schemas']['CompanyResponse']
  >();
});

test('Plutio: Business optional, the token call left to getPlutioToken, single-record reads typed', () => {
  const client = createPlutioClient({ baseUrl: 'http://127.0.0.1:9', token: 't', business: 'acme' });
  const tokenRequest = { client_id: 'a', client_secret: 'b', grant_type: 'client_credentials' } as const;
  const calls = [
    () => client.GET('/people'),
    () => client.GET('/people', { params: { header: { Business: 'globex' }, query: { filters: { a: 'b' } } } }),
    // @ts-expect-error the token endpoint is not a resource path of the client
    () => client.POST('/oauth/token', { body: tokenRequest }),
    // @ts-expect-error filter values are strings
    () => client.GET('/people', { params: { query: { filters: { age: 3 } } } }),
  ];
  expect(calls).toHaveLength(4);
  type People = MethodResponse<PlutioClient, 'get', '/people'>;
  type Person = plutio['schemas']['Person'];
  expectTypeOf<People>().not.toBeAny();
  expectTypeOf<People>().toExtend<Person[] | Person>();
  expectTypeOf<Person[] | Person>().toExtend<People>();
});

test('credentials: a login needs its password, and a Plutio client needs a token or both credentials', () => {
  const bad = [
    // @ts-expect-error username without password
    () => createPlanioClient({ baseUrl: 'http://127.0.0.1:9', username: 'admin' }),
    // @ts-expect-error clientId without clientSecret
    () => createPlutioClient({ baseUrl: 'http://127.0.0.1:9', clientId: 'a', business: 'acme' }),
    // @ts-expect-error no credentials at all
    () => createPlutioClient({ baseUrl: 'http://127.0.0.1:9', business: 'acme' }),
  ];
  expect(bad).toHaveLength(3);
});
