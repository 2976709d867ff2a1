import { expect, test } from 'vitest';
import { parseSize, resolveServeSettings } from './options.js';

test('defaults: 127.0.0.1:4010, seed 1, control on, validation off', () => {
  expect(resolveServeSettings({}, {})).toEqual({
    host: '127.0.0.1',
    port: 4010,
    api: undefined,
    seed: 1,
    adminApiKey: undefined,
    validateResponses: false,
    bodyLimit: undefined,
    control: true,
    plutioPeople: undefined,
    plutioRateLimit: undefined,
  });
});

test('every flag has a CRMKIT_ variable; the flag wins', () => {
  const env = {
    CRMKIT_HOST: '0.0.0.0',
    CRMKIT_PORT: '0',
    CRMKIT_API: 'redmine',
    CRMKIT_SEED: '9',
    CRMKIT_ADMIN_API_KEY: 'k',
    CRMKIT_VALIDATE_RESPONSES: '1',
    CRMKIT_BODY_LIMIT: '2mb',
    CRMKIT_CONTROL: '0',
    CRMKIT_PLUTIO_PEOPLE: '50000',
    CRMKIT_PLUTIO_RATE_LIMIT: '0',
  };
  expect(resolveServeSettings({}, env)).toEqual({
    host: '0.0.0.0',
    port: 0,
    api: 'redmine',
    seed: 9,
    adminApiKey: 'k',
    validateResponses: true,
    bodyLimit: 2 * 1024 * 1024,
    control: false,
    plutioPeople: 50000,
    plutioRateLimit: 0,
  });
  expect(resolveServeSettings({ port: '5000', seed: '3' }, env)).toMatchObject({ port: 5000, seed: 3 });
  expect(resolveServeSettings({ control: false }, {}).control).toBe(false);
  expect(resolveServeSettings({}, { CRMKIT_NO_CONTROL: 'true' }).control).toBe(false);
});

test('bad values are refused with a readable message', () => {
  expect(() => resolveServeSettings({ port: 'abc' }, {})).toThrow('--port must be an integer');
  expect(() => resolveServeSettings({ api: 'jira' }, {})).toThrow('--api must be one of');
  expect(() => parseSize('lots')).toThrow('is not a size');
  expect(parseSize('512kb')).toBe(524288);
  expect(parseSize('100')).toBe(100);
});
