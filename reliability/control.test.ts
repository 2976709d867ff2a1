import { expect, test } from 'vitest';
import { resolveServeSettings } from '../src/cli/options.js';
import { spawnServer } from './support/child-server.js';
import { docsText, missingStatements } from './support/docs-text.js';
import { send } from './support/http.js';
import { startInProcess } from './support/servers.js';

const CONTROL = [
  'GET /__crmkit/health',
  'POST /__crmkit/reset',
  'GET /__crmkit/requests',
  'GET /__crmkit/state',
  'PUT /__crmkit/state',
];

test('with control off, no control endpoint answers and the state cannot be replaced', async () => {
  const srv = await startInProcess({ apis: ['redmine'], control: false });
  try {
    const before = srv.digest();
    for (const route of CONTROL) {
      const [method, path] = route.split(' ') as [string, string];
      const res = await send({
        method,
        url: `${srv.url}${path}`,
        body: method === 'PUT' ? '{"redmine":{}}' : undefined,
      });
      expect(res.status, route).toBe(404);
    }
    expect(srv.digest()).toBe(before);
  } finally {
    await srv.close();
  }
});

test('crmkit serve --no-control serves the APIs but no control endpoint', async () => {
  const child = await spawnServer(['--api', 'redmine', '--no-control']);
  try {
    const health = await send({ method: 'GET', url: `${child.url}/__crmkit/health` });
    const reset = await send({ method: 'POST', url: `${child.url}/__crmkit/reset` });
    const api = await send({ method: 'GET', url: `${child.url}/projects.json` });
    expect(health.status).toBe(404);
    expect(reset.status).toBe(404);
    expect(api.status).toBe(200);
  } finally {
    await child.stop('SIGKILL');
  }
});

test('control endpoints are off when serving on a non-loopback address unless explicitly enabled', () => {
  const control = (host: string, env: NodeJS.ProcessEnv = {}) => resolveServeSettings({ host }, env).control;
  expect(control('127.0.0.1'), '127.0.0.1').toBe(true);
  expect(control('127.1.2.3'), '127.1.2.3').toBe(true);
  expect(control('localhost'), 'localhost').toBe(true);
  expect(control('::1'), '::1').toBe(true);
  expect(control('0.0.0.0'), '0.0.0.0 (every interface)').toBe(false);
  expect(control('::'), ':: (every interface)').toBe(false);
  expect(control('192.168.1.20'), 'a LAN address').toBe(false);
  expect(
    control('0.0.0.0', { CRMKIT_CONTROL: '1', CRMKIT_CONTROL_TOKEN: 's3cret' }),
    '0.0.0.0 with CRMKIT_CONTROL=1',
  ).toBe(true);
  expect(control('127.0.0.1', { CRMKIT_CONTROL: '0' }), '127.0.0.1 with CRMKIT_CONTROL=0').toBe(false);
});

test('the docs say how to turn control endpoints off and that a non-loopback address turns them off', () => {
  const missing = missingStatements(docsText(), {
    '--no-control': /--no-control/,
    'control endpoints are off on a non-loopback address unless enabled':
      /(non-loopback|not a loopback|other than loopback|0\.0\.0\.0)[\s\S]{0,300}control|control[\s\S]{0,300}(non-loopback|not a loopback|0\.0\.0\.0)/i,
  });
  expect(missing, `docs/ or README.md do not say: ${missing.join('; ')}`).toEqual([]);
});

test('crmkit serve refuses to start with control endpoints on a non-loopback host and no token, in one line', async () => {
  // 192.0.2.1 (TEST-NET-1) is on no machine: the server could not listen there, only the check can stop it first.
  const started = spawnServer(['--api', 'redmine', '--host', '192.0.2.1', '--control']);
  const err = await started.then(
    async (child) => {
      await child.stop('SIGKILL');
      return undefined;
    },
    (e: Error) => e,
  );
  expect(err?.message).toMatch(/exited \(1\) before listening/);
  const output = err?.message.split('\n').slice(1).join('\n') ?? '';
  expect(output).toBe(
    'crmkit serve: --control on 192.0.2.1 (not a loopback address) needs --control-token <secret> (or CRMKIT_CONTROL_TOKEN): anyone who can reach the port could read and replace the data',
  );
});

test('crmkit serve --control-token: control requests need the token, and a foreign Host is refused even with it', async () => {
  const child = await spawnServer(['--api', 'redmine'], { CRMKIT_CONTROL_TOKEN: 'r3liable-token' });
  try {
    const url = `${child.url}/__crmkit/state`;
    const bearer = { authorization: 'Bearer r3liable-token' };
    expect((await send({ method: 'GET', url })).status).toBe(401);
    expect((await send({ method: 'GET', url, headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    const ok = await send({ method: 'GET', url, headers: bearer });
    expect(ok.status).toBe(200);
    expect(ok.bodyText).toContain('"redmine"');
    const rebound = await send({ method: 'GET', url, headers: { ...bearer, host: 'evil.example' } });
    expect(rebound.status).toBe(403);
    expect(rebound.bodyText).not.toContain('api_key');
    const crossSite = await send({
      method: 'POST',
      url: `${child.url}/__crmkit/reset`,
      headers: { ...bearer, origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
    expect(child.output()).toMatch(
      /refused control request GET \/__crmkit\/state from 127\.0\.0\.1: Host "evil\.example"/,
    );
    // The APIs themselves take no control token.
    expect((await send({ method: 'GET', url: `${child.url}/projects.json` })).status).toBe(200);
  } finally {
    await child.stop('SIGKILL');
  }
});

test('the docs name the control token, allowed hosts, the refusals and --no-cors', () => {
  const missing = missingStatements(docsText(), {
    '--control-token': /--control-token/,
    '--allowed-host': /--allowed-host/,
    'DNS rebinding is refused': /DNS rebinding/i,
    'non-JSON control writes get 415': /application\/json[\s\S]{0,200}415|415[\s\S]{0,200}application\/json/,
    '--no-cors restores the real servers': /--no-cors[\s\S]{0,300}real servers|real servers[\s\S]{0,300}--no-cors/,
  });
  expect(missing, `docs/ or README.md do not say: ${missing.join('; ')}`).toEqual([]);
});
