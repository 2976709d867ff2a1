import { expect, test } from 'vitest';
import { REFERENCE_CREDENTIALS, resolveCredentials } from './credentials.js';

test('flags win over CRMKIT_* variables, which win over the reference defaults', () => {
  const env = { CRMKIT_API_KEY: 'from-env', CRMKIT_BUSINESS: 'globex' };
  const out = resolveCredentials({ key: 'from-flag' }, 'reference', env);
  expect(out.key).toBe('from-flag');
  expect(out.business).toBe('globex');
  expect(out.clientId).toBe(REFERENCE_CREDENTIALS.clientId);
});

test('a live server gets only what it was given', () => {
  expect(resolveCredentials({}, 'live', {})).toEqual({});
  expect(resolveCredentials({ user: 'u', password: 'p' }, 'live', {})).toEqual({ user: 'u', password: 'p' });
});

test('a login given for the reference server is not shadowed by the default key', () => {
  const out = resolveCredentials({ user: 'jsmith', password: 'jsmith' }, 'reference', {});
  expect(out.key).toBeUndefined();
  expect(out.user).toBe('jsmith');
});
