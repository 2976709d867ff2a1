import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { resolveOptions } from '../app/options.js';
import { type ApiOptions, buildApiModules } from '../app/registry.js';
import { startTestServer, type TestServer } from '../app/test-server.js';
import type { MockApi, MockInfo, PlutioAuth, RedmineFamilyAuth } from '../docs/mock-info.js';
import { PROJECT_ROOT } from '../spec/load.js';
import { createDocsMount } from './docs-mount.js';
import { createFixtureModule } from './fixture-module.js';

let dir: string;
let t: TestServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crmkit-docs-'));
  writeFileSync(join(dir, 'index.html'), '<h1>crmkit docs</h1>');
  mkdirSync(join(dir, 'guides'));
  writeFileSync(join(dir, 'guides', 'index.html'), '<h1>guides</h1>');
  t = await startTestServer({ modules: [createFixtureModule()], docsDir: dir });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, method = 'GET', headers: Record<string, string> = {}) =>
  fetch(url, { method, headers, redirect: 'manual' });
const ADMIN_KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';

test('the docs site is served at /docs/, and / redirects there when no API is at the root', async () => {
  const page = await get(`${t.url}/docs/`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toContain('text/html');
  expect(await page.text()).toBe('<h1>crmkit docs</h1>');
  expect((await get(`${t.url}/docs`)).headers.get('location')).toBe('/docs/');
  expect(await (await get(`${t.url}/docs/guides/`)).text()).toBe('<h1>guides</h1>');
  expect((await get(`${t.url}/docs/missing.html`)).status).toBe(404);
  expect((await get(`${t.url}/docsx`)).status).toBe(404);
  for (const method of ['GET', 'HEAD']) {
    const root = await get(`${t.url}/`, method);
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/docs/');
  }
  expect((await get(`${t.url}/`, 'POST')).status).toBe(404);
  expect((await get(`${t.url}/fixture/items`)).status).toBe(200);
});

test('by default the docs come from dist/docs', () => {
  expect(resolveOptions({}).docsDir).toBe(join(PROJECT_ROOT, 'dist', 'docs'));
  expect(t.server.options.docsDir).toBe(dir);
});

test('with an API at the root the docs stay at /docs/ and / belongs to the API', async () => {
  const root = await startTestServer({ modules: [createFixtureModule()], api: 'redmine', docsDir: dir });
  try {
    expect(await (await get(`${root.url}/docs/`)).text()).toBe('<h1>crmkit docs</h1>');
    expect((await get(`${root.url}/items`)).status).toBe(200);
    const slash = await get(`${root.url}/`);
    expect(slash.status).toBe(404);
    expect(await slash.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  } finally {
    await root.close();
  }
});

test('docsDir false serves no docs and no redirect', async () => {
  const none = await startTestServer({ modules: [createFixtureModule()], docsDir: false });
  try {
    expect((await get(`${none.url}/docs/`)).status).toBe(404);
    expect((await get(`${none.url}/`)).status).toBe(404);
  } finally {
    await none.close();
  }
});

test('/docs/mock.json describes the served APIs with the credentials the server was started with', async () => {
  writeFileSync(join(dir, 'mock.json'), '{"served":false,"apis":{}}');
  const all = await startTestServer({ docsDir: dir });
  try {
    const res = await get(`${all.url}/docs/mock.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const info = (await res.json()) as MockInfo;
    expect(info).toEqual({
      served: true,
      apis: {
        redmine: {
          basePath: '/redmine',
          auth: expect.objectContaining({ apiKey: ADMIN_KEY, header: 'X-Redmine-API-Key' }),
        },
        planio: { basePath: '/planio', auth: expect.objectContaining({ apiKey: ADMIN_KEY, scheme: 'ApiKeyHeader' }) },
        redmineup: { basePath: '/redmineup', auth: expect.objectContaining({ apiKey: ADMIN_KEY, login: 'admin' }) },
        plutio: {
          basePath: '/plutio/v1.8',
          auth: {
            type: 'oauth2',
            scheme: 'PlutioOAuth',
            tokenPath: '/oauth/token',
            clientId: 'crmkit-client',
            clientSecret: 'crmkit-secret',
            business: 'acme',
          },
        },
      },
    });
    // What it says works: the key opens Planio, the client credentials get a token that opens Business acme.
    const planioApi = info.apis.planio as MockApi & { auth: RedmineFamilyAuth };
    const planio = await get(`${all.url}${planioApi.basePath}/companies.json?limit=1`, 'GET', {
      [planioApi.auth.header]: planioApi.auth.apiKey ?? '',
    });
    expect(planio.status).toBe(200);
    const plutio = info.apis.plutio as MockApi & { auth: PlutioAuth };
    const token = await fetch(`${all.url}${plutio.basePath}${plutio.auth.tokenPath}`, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: plutio.auth.clientId,
        client_secret: plutio.auth.clientSecret ?? '',
        grant_type: 'client_credentials',
      }),
    });
    const { accessToken } = (await token.json()) as { accessToken: string };
    const people = await get(`${all.url}${plutio.basePath}/people?limit=1`, 'GET', {
      authorization: `Bearer ${accessToken}`,
      business: plutio.auth.business,
    });
    expect(people.status).toBe(200);
    const head = await get(`${all.url}/docs/mock.json`, 'HEAD');
    expect([head.status, await head.text()]).toEqual([200, '']);
    const post = await get(`${all.url}/docs/mock.json`, 'POST');
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  } finally {
    await all.close();
    rmSync(join(dir, 'mock.json'));
  }
});

test('/docs/mock.json follows --api (base path "") and the credential flags', async () => {
  const planio = await startTestServer({
    api: 'planio',
    docsDir: dir,
    apiOptions: { planio: { adminApiKey: 'feed'.repeat(10) } },
  });
  const plutio = await startTestServer({
    api: 'plutio',
    docsDir: dir,
    apiOptions: {
      plutio: { plutioClientId: 'docs-client', plutioClientSecret: 'docs-secret', plutioBusiness: 'initech' },
    },
  });
  try {
    const p = (await (await get(`${planio.url}/docs/mock.json`)).json()) as MockInfo;
    expect(p.apis).toEqual({ planio: { basePath: '', auth: expect.objectContaining({ apiKey: 'feed'.repeat(10) }) } });
    expect((await get(`${planio.url}/users/current.json?key=${'feed'.repeat(10)}`)).status).toBe(200);
    const u = (await (await get(`${plutio.url}/docs/mock.json`)).json()) as MockInfo;
    expect(u.apis).toEqual({
      plutio: {
        basePath: '',
        auth: expect.objectContaining({ clientId: 'docs-client', clientSecret: 'docs-secret', business: 'initech' }),
      },
    });
  } finally {
    await Promise.all([planio.close(), plutio.close()]);
  }
});

test('modules that are not one of the four APIs are left out of /docs/mock.json', async () => {
  expect(await (await get(`${t.url}/docs/mock.json`)).json()).toEqual({ served: true, apis: {} });
});

test('a client on another machine is told the documented default credentials, not those the mock was started with', () => {
  const ask = (apiOptions: ApiOptions, remoteAddress: string) => {
    const build = { apis: ['planio', 'plutio'] as const, seed: 1, apiOptions, log: () => {} };
    const mounts = buildApiModules(build).map((module) => ({ module, basePath: module.basePath }));
    const mount = createDocsMount(dir, mounts);
    let body = '';
    const req = { method: 'GET', headers: {}, socket: { remoteAddress } } as unknown as IncomingMessage;
    const res = { writeHead: () => res, end: (text: string) => (body = text) } as unknown as ServerResponse;
    expect(mount(req, res, '/docs/mock.json')).toBe(true);
    return JSON.parse(body) as MockInfo;
  };
  const custom = {
    planio: { adminApiKey: 'feed'.repeat(10) },
    plutio: { plutioClientSecret: 'not-for-everyone' },
  };
  for (const local of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
    const info = ask(custom, local);
    expect(info.apis.planio?.auth).toMatchObject({ apiKey: 'feed'.repeat(10) });
    expect(info.apis.plutio?.auth).toMatchObject({ clientId: 'crmkit-client', clientSecret: 'not-for-everyone' });
  }
  const remote = ask(custom, '192.0.2.7');
  expect(remote.apis.planio?.auth).not.toHaveProperty('apiKey');
  expect(remote.apis.plutio?.auth).not.toHaveProperty('clientSecret');
  expect(remote.apis.plutio?.auth).toMatchObject({ clientId: 'crmkit-client', business: 'acme' });
  expect(remote.apis.planio?.basePath).toBe('/planio');
  // The documented defaults are no secret: a remote reader's console signs in with them too.
  const defaults = ask({}, '::ffff:192.0.2.7');
  expect(defaults.apis.planio?.auth).toMatchObject({ apiKey: ADMIN_KEY });
  expect(defaults.apis.plutio?.auth).toMatchObject({ clientId: 'crmkit-client', clientSecret: 'crmkit-secret' });
  // Another client id is not the default application, even with the default secret.
  expect(ask({ plutio: { plutioClientId: 'other' } }, '10.1.2.3').apis.plutio?.auth).not.toHaveProperty('clientSecret');
});
