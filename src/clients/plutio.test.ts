import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPlutioModule } from '../apis/plutio/index.js';
import { startTestServer, type TestServer } from '../app/test-server.js';
import { createPlutioClient, type PlutioClient } from './plutio.js';
import { getPlutioToken, PlutioTokenError } from './plutio-token.js';

const ACME = { clientId: 'crmkit-client', clientSecret: 'crmkit-secret', business: 'acme' };
const GLOBEX = { clientId: 'globex-client', clientSecret: 'globex-secret', business: 'globex' };

let ts: TestServer;
let base: string;
let acme: PlutioClient;

beforeAll(async () => {
  ts = await startTestServer({ apis: ['plutio'] });
  base = ts.api('plutio');
  acme = createPlutioClient({ baseUrl: base, ...ACME });
});

afterAll(async () => {
  await ts.close();
});

/** A fetch that records `METHOD /path status` of every exchange. */
function recordingFetch() {
  const seen: string[] = [];
  const fetch = async (request: Request) => {
    const response = await globalThis.fetch(request);
    seen.push(`${request.method} ${new URL(request.url).pathname.replace('/plutio/v1.8', '')} ${response.status}`);
    return response;
  };
  return { seen, fetch };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('getPlutioToken trades client credentials for a bearer token, form-encoded', async () => {
  const token = await getPlutioToken({ baseUrl: base, clientId: ACME.clientId, clientSecret: ACME.clientSecret });
  expect(token.accessToken).toMatch(/^[0-9a-f]{40}$/);
  expect(Date.parse(token.accessTokenExpiresAt)).toBeGreaterThan(Date.now());
  expect(token.client.businesses).toEqual(['acme']);
  const refused = getPlutioToken({ baseUrl: base, clientId: ACME.clientId, clientSecret: 'wrong' });
  await expect(refused).rejects.toMatchObject({ status: 400, body: { name: 'invalid_client' } });
});

test('lists people with skip/limit and key=value filters sent as plain query pairs', async () => {
  const page = await acme.GET('/people', { params: { query: { limit: 3 } } });
  const people = Array.isArray(page.data) ? page.data : [];
  expect(people).toHaveLength(3);
  const first = people[0]!.name?.first ?? '';
  const filtered = await acme.GET('/people', { params: { query: { filters: { 'name.first': first }, limit: 50 } } });
  expect(new URL(filtered.response.url).search).toBe(`?name.first=${encodeURIComponent(first)}&limit=50`);
  const matches = Array.isArray(filtered.data) ? filtered.data : [];
  expect(matches.length).toBeGreaterThan(0);
  expect(matches.every((p) => p.name?.first === first)).toBe(true);
});

test('person round trip: create, read by _id, update, delete, then 404', async () => {
  const created = await acme.POST('/people', {
    body: { name: { first: 'Typed', last: 'Client' }, role: 'lead', email: 'typed@client.example', invite: false },
  });
  expect(created.error).toBeUndefined();
  const _id = created.data!._id;
  expect(created.data?.name).toMatchObject({ first: 'Typed', last: 'Client' });

  const updated = await acme.PUT('/people', { body: { _id, name: { first: 'Typed', last: 'Clients' } } });
  expect(updated.data?.name?.last).toBe('Clients');
  const read = await acme.GET('/people', { params: { query: { _id } } });
  expect(Array.isArray(read.data)).toBe(false);
  expect(read.data).toMatchObject({ _id, name: { first: 'Typed', last: 'Clients' } });

  const deleted = await acme.DELETE('/people', { body: { _id } });
  expect(deleted.data?._id).toBe(_id);
  const gone = await acme.GET('/people', { params: { query: { _id } } });
  expect(gone.response.status).toBe(404);
  expect(gone.error?.statusCode).toBe(404);
});

test('Business goes on every call: each application sees its own workspace, a foreign one is refused', async () => {
  const globex = createPlutioClient({ baseUrl: base, ...GLOBEX });
  const [mine, theirs] = await Promise.all([acme.GET('/businesses'), globex.GET('/businesses')]);
  const slug = (data: typeof mine.data) => (Array.isArray(data) ? data[0]?.subdomain : data?.subdomain);
  expect([slug(mine.data), slug(theirs.data)]).toEqual(['acme', 'globex']);
  const foreign = await acme.GET('/people', { params: { header: { Business: 'globex' } } });
  expect(foreign.response.status).toBe(400);
  expect(foreign.error?.message).toBe('Business globex is not enabled for this client.');
});

test('the token is fetched lazily, once, and sent as a bearer token', async () => {
  const { seen, fetch } = recordingFetch();
  const client = createPlutioClient({ baseUrl: base, ...ACME, fetch });
  expect(seen).toEqual([]);
  await Promise.all([client.GET('/projects'), client.GET('/tasks', { params: { query: { limit: 1 } } })]);
  expect(seen.filter((s) => s.startsWith('POST /oauth/token'))).toEqual(['POST /oauth/token 200']);
  expect(seen).toHaveLength(3);
  expect(seen.every((s) => s.endsWith(' 200'))).toBe(true);
});

test('an expired token is replaced before the call, from accessTokenExpiresAt', async () => {
  const short = await startTestServer({
    modules: [createPlutioModule({ seed: 1, basePath: '/plutio/v1.8', plutioTokenTtl: 1 })],
  });
  try {
    const { seen, fetch } = recordingFetch();
    const client = createPlutioClient({ baseUrl: short.api('plutio'), ...ACME, expiryMarginMs: 0, fetch });
    expect((await client.GET('/projects')).response.status).toBe(200);
    expect((await client.GET('/projects')).response.status).toBe(200);
    await sleep(1100);
    expect((await client.GET('/projects')).response.status).toBe(200);
    expect(seen).toEqual([
      'POST /oauth/token 200',
      'GET /projects 200',
      'GET /projects 200',
      'POST /oauth/token 200',
      'GET /projects 200',
    ]);
  } finally {
    await short.close();
  }
});

test('a 401 fetches a new token and repeats the call once, body included', async () => {
  const { seen, fetch } = recordingFetch();
  const client = createPlutioClient({ baseUrl: base, ...ACME, token: 'stale-token', fetch });
  const created = await client.POST('/notes', { body: { title: 'Written after a 401' } });
  expect(created.data?.title).toBe('Written after a 401');
  expect(seen).toEqual(['POST /notes 401', 'POST /oauth/token 200', 'POST /notes 200']);
  await client.GET('/notes', { params: { query: { limit: 1 } } });
  expect(seen.at(-1)).toBe('GET /notes 200');
  expect(seen).toHaveLength(4);
});

test('with a token alone a 401 is returned as a typed error, without a retry', async () => {
  const { seen, fetch } = recordingFetch();
  const client = createPlutioClient({ baseUrl: base, token: 'not-a-token', business: 'acme', fetch });
  const { data, error, response } = await client.GET('/people');
  expect(data).toBeUndefined();
  expect(response.status).toBe(401);
  expect(error).toEqual({ statusCode: 401, code: 401, message: 'Invalid token: access token is invalid' });
  expect(seen).toEqual(['GET /people 401']);
});

test('wrong client credentials reject the call with a PlutioTokenError', async () => {
  const client = createPlutioClient({ baseUrl: base, ...ACME, clientSecret: 'wrong' });
  const call = client.GET('/people');
  await expect(call).rejects.toBeInstanceOf(PlutioTokenError);
  await expect(call).rejects.toMatchObject({ status: 400, message: expect.stringContaining('invalid_client') });
});

test('the server saw no contract violation', () => {
  expect(ts.violations()).toEqual([]);
});
