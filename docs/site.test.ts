import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { API_TABS_HEIGHT, HEADER_HEIGHT } from '../src/docs/layout.js';
import { createDocsHandler } from '../src/docs/static-handler.js';
import { API_IDS, type ApiId, bundlePath, listOperations, loadBundledSpec, PROJECT_ROOT } from '../src/spec/load.js';
import { launchBrowser, watchProblems } from '../src/testing/browser.js';

// The built site in a real browser (the Chromium of the npm package @sparticuz/chromium, or CRMKIT_CHROMIUM), served
// as static files: what a copy of dist/docs on any web server shows.
const SITE = join(PROJECT_ROOT, 'dist', 'docs');
const SHOTS = join(PROJECT_ROOT, '.screenshots');
const GUIDES = readdirSync(join(PROJECT_ROOT, 'docs', 'guides'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => basename(f, '.md'));
const MOCK_PATHS: Record<ApiId, string> = {
  redmine: '/redmine',
  planio: '/planio',
  redmineup: '/redmineup',
  plutio: '/plutio/v1.8',
};

// The callbacks given to page.evaluate run in the browser; this project compiles without the DOM library, so the few
// browser globals they use are declared here, for this file only.
interface BrowserElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  scrollIntoView(): void;
}
declare const document: {
  documentElement: { scrollWidth: number };
  querySelector(selector: string): BrowserElement | null;
  querySelectorAll(selector: string): Iterable<BrowserElement>;
};
declare const window: { innerWidth: number; location: { hash: string }; scrollTo(x: number, y: number): void };

let server: Server;
let origin: string;
let browser: Browser;

/** Opens a page and records everything that went wrong on it: console errors, page errors, failed requests. */
async function open(path: string, width = 1280): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems = watchProblems(page);
  const res = await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  expect(res?.status(), path).toBe(200);
  return { page, problems };
}

/** Every same-site link of the page answers 200, and its #fragment exists on the target page. */
async function checkLinks(page: Page): Promise<number> {
  const hrefs = await page.$$eval('a[href]:not(.mock-link)', (as) =>
    as.map((a) => (a as unknown as { href: string }).href),
  );
  const local = [...new Set(hrefs.filter((h) => h.startsWith(origin)))];
  for (const href of local) {
    const [url = '', fragment] = href.split('#');
    const res = await fetch(url);
    expect(res.status, href).toBe(200);
    const text = await res.text();
    if (fragment && url.endsWith('.html') && !url.includes('/reference/'))
      expect(text, href).toContain(`id="${fragment}"`);
  }
  return local.length;
}

/** Saves a screenshot: the whole page, or only the viewport (Redoc unmounts the sections out of view). */
async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

beforeAll(async () => {
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build-docs.mjs')], {
    cwd: PROJECT_ROOT,
    stdio: 'pipe',
  });
  mkdirSync(SHOTS, { recursive: true });
  const docs = createDocsHandler(SITE);
  server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/\?.*$/s, '');
    if ((path === '/docs' || path.startsWith('/docs/')) && docs(req, res, path.slice('/docs'.length))) return;
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

test('all four API documents are bundled, so the site documents all four', () => {
  expect(API_IDS.filter((id) => !existsSync(bundlePath(id)))).toEqual([]);
});

test('the landing page lists the four APIs with their operation counts and mock base URLs', async () => {
  const { page, problems } = await open('/docs/');
  for (const id of API_IDS) {
    const row = page.locator(`tr[data-api="${id}"]`);
    expect(await row.count(), `row of ${id}`).toBe(1);
    const count = listOperations(loadBundledSpec(id)).length;
    expect(await row.locator('.op-count').textContent(), id).toBe(String(count));
    const mock = row.locator('a.mock-link').first();
    expect(await mock.getAttribute('href'), `mock link of ${id}, on this page's origin`).toBe(origin + MOCK_PATHS[id]);
    expect(await mock.textContent()).toBe(origin + MOCK_PATHS[id]);
  }
  expect(await page.locator('tr[data-api="plutio"] .op-count').textContent()).toBe('147');
  expect(await checkLinks(page)).toBeGreaterThan(10);
  await shoot(page, 'docs-landing');
  expect(problems).toEqual([]);
  await page.close();
});

test('the landing page is readable on a phone-sized screen', async () => {
  const { page, problems } = await open('/docs/', 390);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shoot(page, 'docs-landing-narrow');
  expect(problems).toEqual([]);
  await page.close();
});

test.each(GUIDES)('guide %s renders with the shared layout, and its links resolve', async (slug) => {
  const { page, problems } = await open(`/docs/guides/${slug}.html`);
  expect((await page.locator('main h1').textContent())?.trim()).toMatch(/\w/);
  expect(await page.locator('.site-header a').allTextContents()).toEqual(
    expect.arrayContaining(['Home', 'Guides', 'Redmine', 'Planio', 'RedmineUP CRM', 'Plutio']),
  );
  expect(await page.locator('.sidebar .guide-list li').count()).toBe(GUIDES.length - 1);
  await checkLinks(page);
  await shoot(page, `docs-guide-${slug}`);
  expect(problems).toEqual([]);
  await page.close();
});

/**
 * Redoc renders a tag's operations only once the tag's section scrolls into view: bring every section into view in
 * turn and wait until its operation links are there.
 */
async function renderAllSections(page: Page): Promise<void> {
  await page.waitForSelector('[data-section-id^="/"]');
  await page.evaluate(async () => {
    const ids = [
      ...new Set([...document.querySelectorAll('[data-section-id]')].map((e) => e.getAttribute('data-section-id'))),
    ];
    for (const id of ids) {
      if (!id || id === '/') continue;
      document.querySelector(`[data-section-id="${id}"]`)?.scrollIntoView();
      for (let waited = 0; waited < 3000 && !document.querySelector(`a[href^="#${id}/"]`); waited += 20) {
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    window.scrollTo(0, 0);
  });
}

test.each(API_IDS)(
  'reference page of %s lists every operation of its bundle and renders them',
  async (id) => {
    const operations = listOperations(loadBundledSpec(id));
    const { page, problems } = await open(`/docs/reference/${id}.html`);
    // Its tabs: this reference, and the "Try it" console of the same API.
    expect(await page.locator('.api-tab[aria-current="page"]').getAttribute('data-view')).toBe('reference');
    expect(await page.locator('.api-tab[data-view="console"]').getAttribute('href')).toBe(`../console/${id}.html`);
    expect((await fetch(`${origin}/docs/console/${id}.html`)).status).toBe(200);
    // Redoc's sidebar starts below the header (site bar and tabs), not under it.
    const header = await page.locator('.site-header').boundingBox();
    const menu = await page.locator('.menu-content').boundingBox();
    expect(header?.height).toBe(HEADER_HEIGHT + API_TABS_HEIGHT);
    expect(menu?.y).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0));
    await renderAllSections(page);
    // Redoc lists each operation under its tag as a link `#/<tag>/<operation>` whose text is method + path.
    const links = await page.$$eval('a[href^="#/"]', (as) =>
      as.map((a) => [a.getAttribute('href') ?? '', (a.textContent ?? '').replace(/\s+/g, '')] as const),
    );
    const rendered = new Map(links.filter(([href]) => /^#\/[^/]+\/[^/]+$/.test(href)));
    const expected = operations.map((o) => `${o.method.toLowerCase()}${o.path}`).sort();
    expect([...rendered.values()].sort()).toEqual(expected);
    if (id === 'plutio') expect(rendered.size).toBe(147);
    await shoot(page, `docs-reference-${id}`, false);
    // Open the first operation of every tag and wait for its section (heading = summary) to render.
    const hrefOf = new Map([...rendered].map(([href, text]) => [text, href]));
    const seenTags = new Set<string>();
    for (const op of operations) {
      const tag = String(op.operation.tags?.[0]);
      if (seenTags.has(tag)) continue;
      seenTags.add(tag);
      const href = hrefOf.get(`${op.method.toLowerCase()}${op.path}`);
      await page.evaluate((h) => {
        window.location.hash = h ?? '';
      }, href);
      const summary = String(op.operation.summary);
      await page.waitForFunction(
        (s) => [...document.querySelectorAll('h1, h2')].some((h) => h.textContent?.trim() === s),
        summary,
        { timeout: 10_000 },
      );
      if (seenTags.size === 1) await shoot(page, `docs-reference-${id}-operation`, false);
    }
    expect(problems).toEqual([]);
    await page.close();
  },
  120_000,
);

test('the mock links of the landing page answer on the reference server', async () => {
  const { startServer } = await import('../src/app/app.js');
  const ref = await startServer({ port: 0, log: () => {} });
  try {
    const served = ref.modules.map((m) => m.id as ApiId);
    expect(served.length).toBeGreaterThan(0);
    const { page } = await open('/docs/');
    for (const id of served) {
      const path = await page.locator(`tr[data-api="${id}"] a.mock-link`).first().getAttribute('data-mock-path');
      expect(path).toBe(MOCK_PATHS[id]);
      const res =
        id === 'plutio'
          ? await fetch(`${ref.url}${path}/oauth/token`, {
              method: 'POST',
              body: new URLSearchParams({
                client_id: 'crmkit-client',
                client_secret: 'crmkit-secret',
                grant_type: 'client_credentials',
              }),
            })
          : await fetch(`${ref.url}${path}/users/current.json?key=c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00`);
      expect([id, res.status]).toEqual([id, 200]);
    }
    await page.close();
  } finally {
    await ref.close();
  }
});
