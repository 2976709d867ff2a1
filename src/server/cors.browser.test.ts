import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../app/test-server.js';
import { launchBrowser } from '../testing/browser.js';

// A browser app on one origin (a page served by a second server on another port) calling the mock on another.
const KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';

let browser: Browser;
let app: Server;
let appOrigin: string;
let mock: TestServer;
let closed: TestServer;
let page: Page;

beforeAll(async () => {
  app = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!DOCTYPE html><title>CRM app</title><h1>CRM app</h1>');
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  appOrigin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  [mock, closed, browser] = await Promise.all([
    startTestServer({ apis: ['planio', 'plutio'], docsDir: false }),
    startTestServer({ apis: ['planio', 'plutio'], docsDir: false, cors: false }),
    launchBrowser(),
  ]);
  page = await browser.newPage();
  await page.goto(appOrigin);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([mock?.close(), closed?.close()]);
  await new Promise<void>((resolve) => (app ? app.close(() => resolve()) : resolve()));
});

/** What the page's script gets: the answer's status, exposed headers and JSON, or the error fetch threw. */
type Outcome = { status: number; location: string | null; body: unknown } | { error: string };

/** Planio from the page: companies with the API-key header (a preflighted request), then a create. */
function planioFromPage(base: string): Promise<Outcome[]> {
  return page.evaluate(
    async ({ base, key }) => {
      const run = async (url: string, init: RequestInit) => {
        try {
          const res = await fetch(url, init);
          return { status: res.status, location: res.headers.get('location'), body: await res.json() };
        } catch (err) {
          return { error: String(err) };
        }
      };
      return [
        await run(`${base}/companies.json?limit=2`, { headers: { 'X-Redmine-API-Key': key } }),
        await run(`${base}/companies.json`, {
          method: 'POST',
          headers: { 'X-Redmine-API-Key': key, 'Content-Type': 'application/json' },
          body: JSON.stringify({ company: { name: 'Made in a browser' } }),
        }),
      ];
    },
    { base, key: KEY },
  );
}

/** Plutio from the page: the token call (a form post), then people with Authorization: Bearer and Business. */
function plutioFromPage(base: string): Promise<Outcome[]> {
  return page.evaluate(async (base) => {
    const run = async (url: string, init: RequestInit) => {
      try {
        const res = await fetch(url, init);
        return { status: res.status, location: res.headers.get('location'), body: await res.json() };
      } catch (err) {
        return { error: String(err) };
      }
    };
    const token = await run(`${base}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'client_id=crmkit-client&client_secret=crmkit-secret&grant_type=client_credentials',
    });
    if ('error' in token) return [token];
    const accessToken = (token.body as { accessToken: string }).accessToken;
    const people = await run(`${base}/people?limit=3`, {
      headers: { Authorization: `Bearer ${accessToken}`, Business: 'acme' },
    });
    return [token, people];
  }, base);
}

test('a page on another origin reads Planio companies with X-Redmine-API-Key and creates one (Location exposed)', async () => {
  const [list, created] = await planioFromPage(mock.api('planio'));
  expect(list).toMatchObject({ status: 200, body: { limit: 2 } });
  expect((list as { body: { companies: unknown[] } }).body.companies).toHaveLength(2);
  expect(created).toMatchObject({ status: 201, body: { company: { name: 'Made in a browser' } } });
  expect((created as { location: string }).location).toMatch(/\/planio\/companies\/\d+$/);
  expect(mock.violations()).toEqual([]);
});

test('a page on another origin gets a Plutio token, then people with Authorization: Bearer and Business', async () => {
  const [token, people] = await plutioFromPage(mock.api('plutio'));
  expect(token).toMatchObject({ status: 200 });
  expect(people).toMatchObject({ status: 200 });
  expect((people as { body: unknown[] }).body).toHaveLength(3);
});

test('with --no-cors the same calls fail in the browser, as against the real servers', async () => {
  const planio = await planioFromPage(closed.api('planio'));
  expect(planio.map((o) => 'error' in o)).toEqual([true, true]);
  expect(String((planio[0] as { error: string }).error)).toContain('Failed to fetch');
  // Nothing was created: the preflight of the create failed, so the browser never sent it.
  const names = (await (
    await fetch(`${closed.api('planio')}/companies.json?limit=100`, { headers: { 'X-Redmine-API-Key': KEY } })
  ).json()) as { companies: { name: string }[] };
  expect(names.companies.map((c) => c.name)).not.toContain('Made in a browser');
  const plutio = await plutioFromPage(closed.api('plutio'));
  expect(plutio).toHaveLength(1);
  expect(plutio[0]).toHaveProperty('error');
});

test('the page can neither read nor change the mock through the control endpoints', async () => {
  const before = await (await fetch(`${mock.url}/__crmkit/state?api=planio`)).text();
  const outcome = await page.evaluate(async (root) => {
    const tries: string[] = [];
    try {
      await fetch(`${root}/__crmkit/state`);
      tries.push('state read');
    } catch {
      tries.push('state refused');
    }
    // Simple requests a page may send without asking: a text post and a form post (answers are opaque).
    await fetch(`${root}/__crmkit/reset`, { method: 'POST', mode: 'no-cors', body: '{}' });
    const form = new URLSearchParams({ '{"planio":{}}': '' });
    await fetch(`${root}/__crmkit/state`, { method: 'PUT', mode: 'no-cors', body: form }).catch(() => undefined);
    await fetch(`${root}/__crmkit/fixtures`, { method: 'POST', mode: 'no-cors', body: '{"planio":{}}' });
    return tries;
  }, mock.url);
  expect(outcome).toEqual(['state refused']);
  expect(await (await fetch(`${mock.url}/__crmkit/state?api=planio`)).text()).toBe(before);
  const refused = (await (await fetch(`${mock.url}/__crmkit/requests`)).json()) as {
    requests: { path: string; status: number }[];
  };
  const control = refused.requests.filter((r) => r.path.startsWith('/__crmkit/') && r.path !== '/__crmkit/requests');
  expect(control.filter((r) => r.status === 403).map((r) => r.path)).toEqual(
    expect.arrayContaining(['/__crmkit/state', '/__crmkit/reset', '/__crmkit/fixtures']),
  );
});
