import { Command } from 'commander';
import { expect, test } from 'vitest';
import { serveEnvNames } from './commands/serve.js';
import { applyConfigSection } from './config-file.js';
import { addServeOptions, resolveServeSettings } from './options.js';

const parse = (argv: string[]) => {
  const command = addServeOptions(new Command('serve')).exitOverride();
  command.parse(argv, { from: 'user' });
  return command.opts();
};

test('control endpoints on a non-loopback host need a control token: start-up stops with one line otherwise', () => {
  for (const [flags, env] of [
    [{ host: '0.0.0.0', control: true }, {}],
    [{ host: '192.168.1.20' }, { CRMKIT_CONTROL: '1' }],
    [{}, { CRMKIT_HOST: '::', CRMKIT_CONTROL: 'on' }],
  ] as const) {
    expect(() => resolveServeSettings(flags, env)).toThrow(
      /needs --control-token <secret> \(or CRMKIT_CONTROL_TOKEN\)/,
    );
  }
  const message = (() => {
    try {
      resolveServeSettings({ host: '0.0.0.0', control: true }, {});
    } catch (err) {
      return (err as Error).message;
    }
  })();
  expect(message).not.toContain('\n');
  expect(resolveServeSettings({ host: '0.0.0.0', control: true, controlToken: 'abc' }, {}).controlToken).toBe('abc');
  expect(resolveServeSettings({ host: '0.0.0.0', control: true }, { CRMKIT_CONTROL_TOKEN: 'xyz' }).controlToken).toBe(
    'xyz',
  );
  // Off on such a host (the default there), or on loopback, no token is needed; a given one is used.
  expect(resolveServeSettings({ host: '0.0.0.0' }, {}).control).toBe(false);
  expect(resolveServeSettings({}, {}).controlToken).toBeUndefined();
  expect(resolveServeSettings({ controlToken: 'on-loopback' }, {}).controlToken).toBe('on-loopback');
});

test('a control token must travel in a header as given', () => {
  expect(() => resolveServeSettings({ controlToken: 'has space' }, {})).toThrow('--control-token must be printable');
  expect(() => resolveServeSettings({ controlToken: '' }, {})).toThrow('--control-token must be printable');
  expect(() => resolveServeSettings({}, { CRMKIT_CONTROL_TOKEN: 'tab\there' })).toThrow('--control-token');
});

test('--allowed-host is repeatable, also comes from CRMKIT_ALLOWED_HOST, and takes names without scheme or port', () => {
  const flags = parse(['--allowed-host', 'Mock.Internal', '--allowed-host', '.test.example']);
  expect(flags.allowedHost).toEqual(['Mock.Internal', '.test.example']);
  expect(resolveServeSettings(flags, { CRMKIT_ALLOWED_HOST: 'ignored.example' }).allowedHosts).toEqual([
    'mock.internal',
    '.test.example',
  ]);
  expect(resolveServeSettings({}, { CRMKIT_ALLOWED_HOST: 'a.example  b.example,[::1]' }).allowedHosts).toEqual([
    'a.example',
    'b.example',
    '::1',
  ]);
  for (const bad of ['http://a.example', 'a.example:8080', 'a/b', '*.example']) {
    expect(() => resolveServeSettings({ allowedHost: [bad] }, {}), bad).toThrow('--allowed-host must be a host name');
  }
});

test('--no-cors (CRMKIT_CORS=0, CRMKIT_NO_CORS=1, cors: false in the config file) turns CORS off; on by default', () => {
  expect(parse([]).cors).toBe(true);
  expect(parse(['--no-cors']).cors).toBe(false);
  expect(resolveServeSettings(parse([]), {}).cors).toBe(true);
  expect(resolveServeSettings(parse(['--no-cors']), {}).cors).toBe(false);
  expect(resolveServeSettings(parse(['--no-cors']), { CRMKIT_CORS: '1' }).cors).toBe(false);
  expect(resolveServeSettings(parse([]), { CRMKIT_CORS: '0' }).cors).toBe(false);
  expect(resolveServeSettings(parse([]), { CRMKIT_NO_CORS: 'true' }).cors).toBe(false);
  expect(resolveServeSettings({ cors: false }, {}).cors).toBe(false);
  // The config file yields to either variable.
  expect(serveEnvNames('cors')).toEqual(['CRMKIT_CORS', 'CRMKIT_NO_CORS']);
  expect(serveEnvNames('controlToken')).toEqual(['CRMKIT_CONTROL_TOKEN']);
  expect(serveEnvNames('allowedHost')).toEqual(['CRMKIT_ALLOWED_HOST']);
});

test('the config file gives cors: false, allowedHost: [...] and controlToken; flags and variables outrank it', () => {
  const settings = (argv: string[], env: NodeJS.ProcessEnv) => {
    const command = addServeOptions(new Command('serve')).exitOverride();
    const section = { cors: false, allowedHost: ['cfg.example'], controlToken: 'from-file' };
    applyConfigSection(command, section, { file: 'crmkit.config.json', env, envNames: serveEnvNames });
    command.parse(argv, { from: 'user' });
    return resolveServeSettings(command.opts(), env);
  };
  expect(settings([], {})).toMatchObject({ cors: false, allowedHosts: ['cfg.example'], controlToken: 'from-file' });
  expect(settings(['--allowed-host', 'flag.example'], {}).allowedHosts).toEqual(['flag.example']);
  expect(settings([], { CRMKIT_CORS: '1' }).cors).toBe(true);
  expect(settings([], { CRMKIT_CONTROL_TOKEN: 'from-env' }).controlToken).toBe('from-env');
});
