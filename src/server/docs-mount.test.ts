import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../spec/load.js';
import { createFixtureModule } from './fixture-module.js';
import { resolveOptions } from './options.js';
import { startTestServer, type TestServer } from './test-server.js';

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

const get = (url: string, method = 'GET') => fetch(url, { method, redirect: 'manual' });

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
