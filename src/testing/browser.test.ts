import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, packagedBrowserArgs } from './browser.js';

let browser: Browser;
let page: Server;
let api: Server;
let pageOrigin: string;
let apiOrigin: string;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  page = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!DOCTYPE html><title>page</title><h1>page</h1>');
  });
  // Another origin (another port): /open allows any origin, /plain sends no CORS header.
  api = createServer((req, res) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (req.url === '/open') headers['access-control-allow-origin'] = '*';
    res.writeHead(200, headers);
    res.end('{"ok":true}');
  });
  pageOrigin = await listen(page);
  apiOrigin = await listen(api);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([page, api].map((s) => new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()))));
});

test('the flags that end the browser with its first page or lift the same-origin policy are dropped', () => {
  const args = ['--no-sandbox', '--single-process', '--disable-web-security', "--headless='shell'", '--no-zygote'];
  expect(packagedBrowserArgs([...args, '--allow-running-insecure-content'])).toEqual(['--no-sandbox', '--no-zygote']);
});

test('the browser serves several pages, and closing one leaves it running', async () => {
  const first = await browser.newPage();
  await first.goto(pageOrigin);
  await first.close();
  const [a, b] = await Promise.all([browser.newPage(), browser.newPage({ viewport: { width: 390, height: 800 } })]);
  await Promise.all([a.goto(pageOrigin), b.goto(pageOrigin)]);
  expect([await a.textContent('h1'), await b.textContent('h1')]).toEqual(['page', 'page']);
  await Promise.all([a.close(), b.close()]);
  expect(browser.isConnected()).toBe(true);
});

test('the browser keeps the same-origin policy: a cross-origin answer without CORS headers is not readable', async () => {
  const tab = await browser.newPage();
  await tab.goto(pageOrigin);
  const read = (url: string) =>
    tab.evaluate(async (u) => {
      try {
        return await (await fetch(u)).text();
      } catch (err) {
        return `refused: ${(err as Error).name}`;
      }
    }, url);
  expect(await read(`${apiOrigin}/open`)).toBe('{"ok":true}');
  expect(await read(`${apiOrigin}/plain`)).toBe('refused: TypeError');
  await tab.close();
});
