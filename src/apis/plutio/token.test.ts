import { afterAll, beforeAll, expect, test } from 'vitest';
import { type PlutioTestServer, startPlutio, tokenForm } from './test-support.js';

let s: PlutioTestServer;
beforeAll(async () => {
  s = await startPlutio();
});
afterAll(async () => {
  expect(s.ts.violations()).toEqual([]);
  await s.close();
});

const FORM = 'application/x-www-form-urlencoded';
const anonymous = { token: null, business: null } as const;

test('form credentials give the oauth2-server token object, valid for an hour', async () => {
  const before = Date.now();
  const res = await s.call('POST', '/oauth/token', {
    ...anonymous,
    raw: tokenForm('crmkit-client', 'crmkit-secret'),
    contentType: FORM,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(res.body).toEqual({
    accessToken: expect.stringMatching(/^[0-9a-f]{40}$/),
    accessTokenExpiresAt: expect.any(String),
    client: { id: 'crmkit-client', userId: expect.any(String), businesses: ['acme'], grants: ['client_credentials'] },
    user: { id: res.body.client.userId },
  });
  const expires = Date.parse(res.body.accessTokenExpiresAt) - before;
  expect(expires).toBeGreaterThan(3590_000);
  expect(expires).toBeLessThanOrEqual(3600_000 + 5_000);
});

test('a token works on a resource call; the Business header is optional on the token call', async () => {
  const withBusiness = await s.call('POST', '/oauth/token', {
    token: null,
    business: 'acme',
    raw: tokenForm('crmkit-client', 'crmkit-secret'),
    contentType: FORM,
  });
  expect(withBusiness.status).toBe(200);
  const res = await s.call('GET', '/projects?limit=1', { token: withBusiness.body.accessToken });
  expect(res.status).toBe(200);
  expect(res.body).toHaveLength(1);
});

test('a JSON body is refused with 400 invalid_request', async () => {
  const res = await s.call('POST', '/oauth/token', {
    ...anonymous,
    body: { client_id: 'crmkit-client', client_secret: 'crmkit-secret', grant_type: 'client_credentials' },
  });
  expect(res.status).toBe(400);
  expect(res.body).toEqual({
    statusCode: 400,
    status: 400,
    code: 400,
    message: 'Invalid request: content must be application/x-www-form-urlencoded',
    name: 'invalid_request',
  });
});

test('malformed JSON and an empty body are invalid_request too, never a 500', async () => {
  const broken = await s.call('POST', '/oauth/token', { ...anonymous, raw: '{"client_id":' });
  expect(broken.status).toBe(400);
  expect(broken.body).toMatchObject({ name: 'invalid_request', statusCode: 400, status: 400, code: 400 });
  const empty = await s.call('POST', '/oauth/token', anonymous);
  expect(empty.status).toBe(400);
  expect(empty.body.name).toBe('invalid_request');
});

test('a wrong secret or unknown client is 400 invalid_client', async () => {
  for (const [id, secret] of [
    ['crmkit-client', 'wrong'],
    ['nobody', 'crmkit-secret'],
  ] as const) {
    const res = await s.call('POST', '/oauth/token', { ...anonymous, raw: tokenForm(id, secret), contentType: FORM });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      status: 400,
      code: 400,
      message: 'Invalid client: client is invalid',
      name: 'invalid_client',
    });
  }
});

test('a missing field is invalid_request and another grant type unsupported_grant_type', async () => {
  const missing = await s.call('POST', '/oauth/token', {
    ...anonymous,
    raw: 'client_id=crmkit-client&grant_type=client_credentials',
    contentType: FORM,
  });
  expect(missing.status).toBe(400);
  expect(missing.body).toMatchObject({ name: 'invalid_request', message: 'Missing parameter: `client_secret`' });
  const grant = await s.call('POST', '/oauth/token', {
    ...anonymous,
    raw: tokenForm('crmkit-client', 'crmkit-secret', 'password'),
    contentType: FORM,
  });
  expect(grant.status).toBe(400);
  expect(grant.body).toMatchObject({ name: 'unsupported_grant_type', statusCode: 400 });
});

test('GET on the token path is 403 Method not allowed', async () => {
  const res = await s.call('GET', '/oauth/token', anonymous);
  expect(res.status).toBe(403);
  expect(res.body).toEqual({ statusCode: 403, code: 403, message: 'Method not allowed' });
});

test('the second application gets a token for globex only', async () => {
  const res = await s.call('POST', '/oauth/token', {
    ...anonymous,
    raw: tokenForm('globex-client', 'globex-secret'),
    contentType: FORM,
  });
  expect(res.status).toBe(200);
  expect(res.body.client).toMatchObject({ id: 'globex-client', businesses: ['globex'] });
});
