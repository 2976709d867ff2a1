import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningServer, startServer } from '../src/app/app.js';
import { describeMock, forClient, type MockInfo, type RedmineFamilyAuth } from '../src/docs/mock-info.js';
import { createDocsHandler } from '../src/docs/static-handler.js';
import { PROJECT_ROOT } from '../src/spec/load.js';
import { launchBrowser, watchProblems } from '../src/testing/browser.js';

// The "Try it" consoles of the docs site in a real browser, served by a real crmkit server: requests go to that
// server, signed in with the credentials it was started with. And the same pages without a mock behind them.
const SITE = join(PROJECT_ROOT, 'dist', 'docs');
const SHOTS = join(PROJECT_ROOT, '.screenshots');
const ADMIN_KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
/** Per test: a page or two of Swagger UI (1.5 MB of script) on a machine that may be busy with other work. */
const SLOW = 180_000;

// Browser globals used by the callbacks given to page.evaluate (this project compiles without the DOM library).
declare const location: { hash: string };

let browser: Browser;
let mock: RunningServer;

beforeAll(async () => {
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build-docs.mjs')], {
    cwd: PROJECT_ROOT,
    stdio: 'pipe',
  });
  mkdirSync(SHOTS, { recursive: true });
  mock = await startServer({ host: '127.0.0.1', port: 0, log: () => {} });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await mock?.close();
});

/** Opens a page and records what went wrong on it: console errors, page errors, failed requests, HTTP errors. */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(60_000);
  const problems = watchProblems(page);
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

/** Waits until the console is signed in (or has failed, which the assertion then shows). */
async function ready(page: Page): Promise<string> {
  await page.waitForSelector('main.console[data-state="ready"], main.console[data-state="error"]', {
    timeout: 90_000,
  });
  const status = (await page.textContent('#console-status')) ?? '';
  expect(await page.getAttribute('main.console', 'data-state'), status).toBe('ready');
  return status;
}

/** Presses Execute in an open operation and waits for the answer: its status and its body as shown. */
async function execute(op: Locator): Promise<{ status: string; body: string }> {
  expect(await op.locator('.live-responses-table').count(), 'an answer is still shown: clear it first').toBe(0);
  await op.locator('button.execute').click();
  const status = op.locator('.live-responses-table tbody .response-col_status').first();
  await status.waitFor({ timeout: 60_000 });
  // The answer's status and body are rendered together; an answer without a body shows none.
  const body = op.locator('.live-responses-table .response-col_description .highlight-code pre').first();
  const text = (await body.count()) > 0 ? ((await body.textContent()) ?? '') : '';
  return { status: ((await status.textContent()) ?? '').trim(), body: text };
}

/** Clears the previous answer of an operation, so that the next one is not mistaken for it. */
async function clear(op: Locator): Promise<void> {
  await op.locator('button.btn-clear').click();
  await op.locator('.live-responses-table').waitFor({ state: 'detached' });
}

test(
  'Plutio console: signed in with a token from the mock, a list of people answers 200 with the seeded people',
  async () => {
    const { page, problems } = await open(`${mock.url}/docs/console/plutio.html#/People/listPeople`);
    const status = await ready(page);
    expect(status).toContain(`${mock.url}/plutio/v1.8`);
    expect(status).toContain('crmkit-client');
    expect(status).toContain('Business: acme');
    const op = page.locator('#operations-People-listPeople');
    expect(await op.getAttribute('class')).toContain('is-open');
    await op.locator('tr[data-param-name="limit"] input').fill('3');
    const { status: code, body } = await execute(op);
    expect(code).toBe('200');
    const shown = JSON.parse(body) as { _id: string; name?: { first?: string } }[];
    expect(shown).toHaveLength(3);
    // The same people the mock gives any client of business acme.
    const token = await fetch(`${mock.url}/plutio/v1.8/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: 'crmkit-client',
        client_secret: 'crmkit-secret',
        grant_type: 'client_credentials',
      }),
    });
    const { accessToken } = (await token.json()) as { accessToken: string };
    const direct = await fetch(`${mock.url}/plutio/v1.8/people?limit=3`, {
      headers: { authorization: `Bearer ${accessToken}`, business: 'acme' },
    });
    expect(shown.map((p) => p._id)).toEqual(((await direct.json()) as { _id: string }[]).map((p) => p._id));
    const curl = (await op.locator('.curl-command').textContent()) ?? '';
    expect(curl).toContain(`${mock.url}/plutio/v1.8/people?skip=0&limit=3`);
    expect(curl).toContain("-H 'Business: acme'");
    expect(curl).toMatch(/-H 'Authorization: Bearer [0-9a-f]{20,}'/);
    await op.locator('.live-responses-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'docs-console-plutio-people.png') });
    expect(problems).toEqual([]);
    await page.close();
  },
  SLOW,
);

test(
  'Planio console: the company list answers 200 in JSON and in XML, with the admin API key',
  async () => {
    const { page, problems } = await open(`${mock.url}/docs/console/planio.html#/Companies/listCompanies`);
    expect(await ready(page)).toContain(ADMIN_KEY);
    const op = page.locator('#operations-Companies-listCompanies');
    expect(await op.locator('tr[data-param-name="format"] select').inputValue()).toBe('json');
    const json = await execute(op);
    expect(json.status).toBe('200');
    const list = JSON.parse(json.body) as { companies: { name: string }[]; total_count: number };
    expect(list.total_count).toBeGreaterThan(0);
    expect(list.companies[0]?.name).toBe('Atelier Lumière SARL');
    expect(await op.locator('.curl-command').textContent()).toContain(`-H 'X-Redmine-API-Key: ${ADMIN_KEY}'`);
    await clear(op);

    await op.locator('tr[data-param-name="format"] select').selectOption('xml');
    const xml = await execute(op);
    expect(xml.status).toBe('200');
    expect(xml.body.trim()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\s*<companies total_count="\d+"/);
    expect(xml.body).toContain('<name>Atelier Lumière SARL</name>');
    const curl = (await op.locator('.curl-command').textContent()) ?? '';
    expect(curl).toContain(`${mock.url}/planio/companies.xml`);
    expect(curl).toContain("-H 'Accept: application/xml'");
    await op.locator('.live-responses-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'docs-console-planio-xml.png') });
    expect(problems).toEqual([]);
    await page.close();
  },
  SLOW,
);

test(
  'the Try it tab of a reference page opens the operation being read, and the Reference tab goes back to it',
  async () => {
    const { page, problems } = await open(`${mock.url}/docs/reference/planio.html#/companies/getcompany`);
    await page.waitForSelector('[data-section-id^="/companies"]', { state: 'attached' });
    await page.click('.api-tab[data-view="console"]');
    await page.waitForURL(/\/docs\/console\/planio\.html/, { timeout: 60_000 });
    await ready(page);
    expect(await page.evaluate(() => location.hash)).toBe('#/Companies/getCompany');
    const op = page.locator('#operations-Companies-getCompany');
    expect(await op.getAttribute('class')).toContain('is-open');
    await page.click('.api-tab[data-view="reference"]');
    await page.waitForURL(/\/docs\/reference\/planio\.html#\/companies\/getcompany$/);
    expect(problems).toEqual([]);
    await page.close();
  },
  SLOW,
);

test(
  'one API at the root (--api) with its own key: the console sends to "" and signs in with that key',
  async () => {
    const key = 'feedfacefeedfacefeedfacefeedfacefeedface';
    const root = await startServer({
      host: '127.0.0.1',
      port: 0,
      api: 'redmine',
      apiOptions: { redmine: { adminApiKey: key } },
      log: () => {},
    });
    try {
      const { page, problems } = await open(`${root.url}/docs/console/redmine.html#/Users/getCurrentUser`);
      expect(await ready(page)).toContain(key);
      const op = page.locator('#operations-Users-getCurrentUser');
      const { status, body } = await execute(op);
      expect(status).toBe('200');
      expect(JSON.parse(body)).toMatchObject({ user: { login: 'admin', api_key: key } });
      expect(await op.locator('.curl-command').textContent()).toContain(`'${root.url}/users/current.json`);
      // The other APIs are not served: their consoles say so, and how to start a mock that serves them.
      const other = await browser.newPage();
      await other.goto(`${root.url}/docs/console/plutio.html`);
      await other.waitForSelector('main.console[data-state="no-mock"]', { timeout: 60_000 });
      expect(await other.textContent('#console-offline-why')).toContain('does not serve Plutio');
      expect(await other.locator('#swagger-ui').innerHTML()).toBe('');
      await other.close();
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await root.close();
    }
  },
  SLOW,
);

test(
  'Plutio with other credentials (--plutio-client-id, --plutio-business): the console uses them',
  async () => {
    const custom = await startServer({
      host: '127.0.0.1',
      port: 0,
      apis: ['plutio'],
      apiOptions: {
        plutio: { plutioClientId: 'docs-client', plutioClientSecret: 'docs-secret', plutioBusiness: 'initech' },
      },
      log: () => {},
    });
    try {
      const { page, problems } = await open(`${custom.url}/docs/console/plutio.html#/People/listPeople`);
      const status = await ready(page);
      expect(status).toContain('docs-client');
      expect(status).toContain('Business: initech');
      const op = page.locator('#operations-People-listPeople');
      expect(await op.locator('tr[data-param-name="Business"] input').inputValue()).toBe('initech');
      const { status: code } = await execute(op);
      expect(code).toBe('200');
      expect(await op.locator('.curl-command').textContent()).toContain("-H 'Business: initech'");
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await custom.close();
    }
  },
  SLOW,
);

test(
  'without a mock (a static web server, or a file) the console says where to start one',
  async () => {
    const docs = createDocsHandler(SITE);
    const plain: Server = createServer((req, res) => {
      const path = (req.url ?? '/').replace(/\?.*$/s, '');
      if (path.startsWith('/docs/') && docs(req, res, path.slice('/docs'.length))) return;
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    try {
      const origin = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
      const pages = [
        [`${origin}/docs/console/planio.html`, 'not served by a crmkit mock'],
        [pathToFileURL(join(SITE, 'console', 'plutio.html')).href, 'opened from a file'],
      ] as const;
      for (const [url, why] of pages) {
        const { page, problems } = await open(url);
        await page.waitForSelector('main.console[data-state="no-mock"]', { timeout: 60_000 });
        expect(await page.isVisible('#console-offline')).toBe(true);
        expect(await page.isVisible('#console-status')).toBe(false);
        expect(await page.textContent('#console-offline-why')).toContain(why);
        expect(await page.textContent('#console-offline pre')).toBe('npx crmkit serve');
        const link = page.locator('#console-offline a.console-mock-link');
        expect(await link.getAttribute('href')).toMatch(
          /^http:\/\/127\.0\.0\.1:4010\/docs\/console\/(planio|plutio)\.html$/,
        );
        expect(await page.locator('#swagger-ui').innerHTML()).toBe('');
        if (url.startsWith('http')) await page.screenshot({ path: join(SHOTS, 'docs-console-no-mock.png') });
        expect(problems).toEqual([]);
        await page.close();
      }
    } finally {
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }
  },
  SLOW,
);

test(
  'given no credentials (a mock shared with its own, read from another machine), the console asks to Authorize',
  async () => {
    const info = (await (await fetch(`${mock.url}/docs/mock.json`)).json()) as MockInfo;
    const remote = forClient(
      {
        ...info,
        apis: { ...info.apis, planio: { basePath: '/planio', auth: { ...planioAuth(info), apiKey: 'own' } } },
      },
      '192.0.2.7',
      describeMock(mock.modules.map((module) => ({ module, basePath: mock.basePaths[module.id] ?? '' }))).credentials,
    );
    expect(remote.apis.planio?.auth).not.toHaveProperty('apiKey');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    await page.route('**/docs/mock.json', (route) => route.fulfill({ json: remote }));
    await page.goto(`${mock.url}/docs/console/planio.html#/Companies/listCompanies`);
    expect(await ready(page)).toContain('sign in with Authorize');
    const op = page.locator('#operations-Companies-listCompanies');
    const { status } = await execute(op);
    expect(status).toBe('401');
    expect(await op.locator('.curl-command').textContent()).not.toContain('X-Redmine-API-Key');
    await page.close();
  },
  SLOW,
);

function planioAuth(info: MockInfo): RedmineFamilyAuth {
  return info.apis.planio?.auth as RedmineFamilyAuth;
}
