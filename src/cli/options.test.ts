import { resolve } from 'node:path';
import { Command } from 'commander';
import { expect, test } from 'vitest';
import { addServeOptions, parseSize, resolveServeSettings, SERVE_OPTIONS, serveEnvName } from './options.js';
import { isLoopbackHost } from './parse-values.js';

test('defaults: 127.0.0.1:4010, seed 1, control on, validation off, no faults or state file', () => {
  expect(resolveServeSettings({}, {})).toEqual({
    host: '127.0.0.1',
    port: 4010,
    api: undefined,
    seed: 1,
    adminApiKey: undefined,
    validateResponses: false,
    bodyLimit: undefined,
    control: true,
    controlNotice: undefined,
    allowedHosts: [],
    controlToken: undefined,
    cors: true,
    faults: [],
    stateFile: undefined,
    fixturesDir: undefined,
    plutioPeople: undefined,
    plutioRateLimit: undefined,
    plutioClientId: undefined,
    plutioClientSecret: undefined,
    plutioBusiness: undefined,
    plutioTokenTtl: undefined,
  });
});

test('every flag has a CRMKIT_ variable; the flag wins', () => {
  const env = {
    CRMKIT_HOST: '127.0.0.2',
    CRMKIT_PORT: '0',
    CRMKIT_API: 'redmine',
    CRMKIT_SEED: '9',
    CRMKIT_ADMIN_API_KEY: 'k',
    CRMKIT_VALIDATE_RESPONSES: '1',
    CRMKIT_BODY_LIMIT: '2mb',
    CRMKIT_CONTROL: '0',
    CRMKIT_CONTROL_TOKEN: 't0ken',
    CRMKIT_ALLOWED_HOST: 'mock.internal, .test.example',
    CRMKIT_CORS: '0',
    CRMKIT_FAULT: 'planio:getCompany:status=503;*:delay=5',
    CRMKIT_STATE_FILE: 'state.json',
    CRMKIT_FIXTURES_DIR: 'fixtures',
    CRMKIT_PLUTIO_PEOPLE: '50000',
    CRMKIT_PLUTIO_RATE_LIMIT: '0',
    CRMKIT_PLUTIO_CLIENT_ID: 'id',
    CRMKIT_PLUTIO_CLIENT_SECRET: 'secret',
    CRMKIT_PLUTIO_BUSINESS: 'initech',
    CRMKIT_PLUTIO_TOKEN_TTL: '60',
  };
  expect(resolveServeSettings({}, env)).toEqual({
    host: '127.0.0.2',
    port: 0,
    api: 'redmine',
    seed: 9,
    adminApiKey: 'k',
    validateResponses: true,
    bodyLimit: 2 * 1024 * 1024,
    control: false,
    controlNotice: undefined,
    allowedHosts: ['mock.internal', '.test.example'],
    controlToken: 't0ken',
    cors: false,
    faults: [{ api: 'planio', operationId: 'getCompany', status: 503 }, { delay: 5 }],
    stateFile: resolve('state.json'),
    fixturesDir: resolve('fixtures'),
    plutioPeople: 50000,
    plutioRateLimit: 0,
    plutioClientId: 'id',
    plutioClientSecret: 'secret',
    plutioBusiness: 'initech',
    plutioTokenTtl: 60,
  });
  const flags = { port: '5000', seed: 3, fault: ['redmine:status=500'], plutioTokenTtl: '120' };
  expect(resolveServeSettings(flags, env)).toMatchObject({
    port: 5000,
    seed: 3,
    faults: [{ api: 'redmine', status: 500 }],
    plutioTokenTtl: 120,
  });
  expect(resolveServeSettings({ control: false }, {}).control).toBe(false);
  expect(resolveServeSettings({}, { CRMKIT_NO_CONTROL: 'true' }).control).toBe(false);
});

test('on a non-loopback host the control endpoints are off unless --control is given', () => {
  const open = resolveServeSettings({ host: '0.0.0.0' }, {});
  expect(open.control).toBe(false);
  expect(open.controlNotice).toContain('control endpoints are off because 0.0.0.0 is not a loopback address');
  expect(resolveServeSettings({ host: '0.0.0.0', control: true, controlToken: 's3cret' }, {})).toMatchObject({
    control: true,
    controlNotice: undefined,
  });
  expect(resolveServeSettings({ host: '0.0.0.0' }, { CRMKIT_CONTROL: '1', CRMKIT_CONTROL_TOKEN: 's' }).control).toBe(
    true,
  );
  expect(resolveServeSettings({ host: 'localhost' }, {}).control).toBe(true);
  expect([isLoopbackHost('::1'), isLoopbackHost('[::1]'), isLoopbackHost('127.1.2.3')]).toEqual([true, true, true]);
  expect([isLoopbackHost('::'), isLoopbackHost('192.168.1.4'), isLoopbackHost('example.com')]).toEqual([
    false,
    false,
    false,
  ]);
});

test('bad values are refused with a readable one-line message', () => {
  expect(() => resolveServeSettings({ port: 'abc' }, {})).toThrow('--port must be an integer');
  expect(() => resolveServeSettings({ api: 'jira' }, {})).toThrow(
    '--api must be one of redmine, planio, redmineup, plutio (got "jira")',
  );
  expect(() => resolveServeSettings({ fault: ['planio:status=200'] }, {})).toThrow(
    '--fault: fault "planio:status=200"',
  );
  expect(() => resolveServeSettings({ plutioTokenTtl: '0' }, {})).toThrow('--plutio-token-ttl must be an integer');
  expect(() => parseSize('lots')).toThrow('is not a size');
  expect(parseSize('512kb')).toBe(524288);
  expect(parseSize('100')).toBe(100);
});

test('the option table defines every flag once, with its variable, and commander parses them', () => {
  const keys = SERVE_OPTIONS.map((o) => o.key);
  expect(new Set(keys).size).toBe(keys.length - 1); // --control and --no-control share a key
  expect(serveEnvName('stateFile')).toBe('CRMKIT_STATE_FILE');
  expect(serveEnvName('plutioTokenTtl')).toBe('CRMKIT_PLUTIO_TOKEN_TTL');
  const parse = (argv: string[]) => {
    const command = addServeOptions(new Command('serve')).exitOverride();
    command.parse(argv, { from: 'user' });
    return command.opts();
  };
  expect(parse([]).control).toBeUndefined();
  expect(parse(['--control']).control).toBe(true);
  expect(parse(['--no-control']).control).toBe(false);
  const opts = parse(['--fault', 'planio:status=503', '--fault', '*:delay=10', '--state-file', 's.json']);
  expect(opts).toMatchObject({ fault: ['planio:status=503', '*:delay=10'], stateFile: 's.json' });
  expect(() => parse(['--api', 'jira'])).toThrow('Allowed choices are redmine, planio, redmineup, plutio');
});
