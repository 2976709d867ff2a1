import { expect, test } from 'vitest';
import { bearerToken, PlutioAuth } from './auth.js';
import { PlutioError } from './errors.js';
import { isMeteorId } from './ids.js';
import { OAuthError } from './oauth-error.js';

const NOW = new Date('2022-09-01T12:00:00.000Z');
const GOOD = { client_id: 'crmkit-client', client_secret: 'crmkit-secret', grant_type: 'client_credentials' };

function oauthError(fn: () => unknown): OAuthError {
  try {
    fn();
  } catch (err) {
    if (err instanceof OAuthError) return err;
  }
  throw new Error('expected an OAuthError');
}

test('issueToken returns the oauth2-server token object', () => {
  const auth = new PlutioAuth();
  const res = auth.issueToken(GOOD, NOW);
  expect(res.accessToken).toMatch(/^[0-9a-f]{40}$/);
  expect(res.accessTokenExpiresAt).toBe('2022-09-01T13:00:00.000Z');
  expect(res.client).toEqual({
    id: 'crmkit-client',
    userId: res.user.id,
    businesses: ['acme'],
    grants: ['client_credentials'],
  });
  expect(isMeteorId(res.user.id)).toBe(true);
});

test('token errors carry the oauth2-server names and bodies', () => {
  const auth = new PlutioAuth();
  const grant = oauthError(() => auth.issueToken({ ...GOOD, grant_type: 'password' }, NOW));
  expect(grant.toBody()).toEqual({
    statusCode: 400,
    status: 400,
    code: 400,
    name: 'unsupported_grant_type',
    message: 'Unsupported grant type: `grant_type` is invalid',
  });
  expect(oauthError(() => auth.issueToken({ ...GOOD, client_secret: 'nope' }, NOW)).errorName).toBe('invalid_client');
  expect(oauthError(() => auth.issueToken({ ...GOOD, client_id: 'nobody' }, NOW)).errorName).toBe('invalid_client');
  expect(oauthError(() => auth.issueToken({ client_secret: 'x' }, NOW)).message).toBe('Missing parameter: `client_id`');
  expect(oauthError(() => auth.issueToken({ client_id: 'crmkit-client' }, NOW)).errorName).toBe('invalid_request');
  const noGrant = oauthError(() =>
    auth.issueToken({ client_id: 'crmkit-client', client_secret: 'crmkit-secret' }, NOW),
  );
  expect(noGrant.message).toBe('Missing parameter: `grant_type`');
});

test('a token expires after the configured lifetime (injected clock)', () => {
  const auth = new PlutioAuth({ tokenTtlSeconds: 60 });
  const { accessToken } = auth.issueToken(GOOD, NOW);
  expect(auth.verifyToken(accessToken, new Date(NOW.getTime() + 59_000)).ok).toBe(true);
  const late = auth.verifyToken(accessToken, new Date(NOW.getTime() + 60_000));
  expect(late.ok).toBe(false);
  if (!late.ok) {
    expect(late.reason).toBe('expired');
    expect(late.error.status).toBe(401);
  }
});

test('unknown and missing tokens give 401 reasons', () => {
  const auth = new PlutioAuth();
  const unknown = auth.verifyToken('f'.repeat(40), NOW);
  const missing = auth.verifyToken(undefined, NOW);
  expect(unknown.ok || unknown.reason).toBe('unknown');
  expect(missing.ok || missing.reason).toBe('missing');
});

test('checkBusiness accepts enabled slugs and names the slug otherwise', () => {
  const auth = new PlutioAuth();
  const acmeApp = auth.apps[0]!;
  expect(auth.checkBusiness(acmeApp, 'ACME')).toBe('acme');
  expect(() => auth.checkBusiness(acmeApp, 'globex')).toThrow('Business globex is not enabled for this client.');
  try {
    auth.checkBusiness(acmeApp, undefined);
    expect.unreachable();
  } catch (err) {
    expect(err).toBeInstanceOf(PlutioError);
    expect((err as PlutioError).status).toBe(400);
    expect((err as PlutioError).message).toBe('Business undefined is not enabled for this client.');
  }
});

test('authorize combines the bearer token and the business check', () => {
  const auth = new PlutioAuth({ tokenFactory: () => 'a'.repeat(40) });
  auth.issueToken(
    { client_id: 'globex-client', client_secret: 'globex-secret', grant_type: 'client_credentials' },
    NOW,
  );
  expect(auth.authorize(`Bearer ${'a'.repeat(40)}`, 'globex', NOW).business).toBe('globex');
  expect(() => auth.authorize(`Bearer ${'a'.repeat(40)}`, 'acme', NOW)).toThrow(/not enabled/);
  expect(() => auth.authorize(undefined, 'globex', NOW)).toThrow(/no authentication given/);
  auth.revokeAll();
  expect(() => auth.authorize(`Bearer ${'a'.repeat(40)}`, 'globex', NOW)).toThrow(/access token is invalid/);
});

test('apps are overridable and bearerToken parses the header', () => {
  const auth = new PlutioAuth({ apps: [{ clientId: 'c', clientSecret: 's', businesses: ['x', 'y'], userId: 'U' }] });
  expect(auth.issueToken({ client_id: 'c', client_secret: 's', grant_type: 'client_credentials' }, NOW).client).toEqual(
    { id: 'c', userId: 'U', businesses: ['x', 'y'], grants: ['client_credentials'] },
  );
  expect(bearerToken('bearer abc')).toBe('abc');
  expect(bearerToken('Basic abc')).toBeUndefined();
});
