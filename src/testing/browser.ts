import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

/**
 * Flags of `@sparticuz/chromium` that the browser tests must not use. The package tunes its browser for one page in a
 * serverless function: `--single-process` ends the whole browser when its first page is closed (a test suite opens
 * and closes dozens), and `--disable-web-security` / `--allow-running-insecure-content` turn off the same-origin
 * policy, under which a cross-origin request would succeed without any CORS header. The headless mode is the one
 * playwright-core asks for.
 */
const UNWANTED_FLAGS = ['--single-process', '--disable-web-security', '--allow-running-insecure-content', '--headless'];

/** The packaged browser's flags without those that break multi-page tests or the same-origin policy. */
export function packagedBrowserArgs(args: readonly string[]): string[] {
  return args.filter((arg) => !UNWANTED_FLAGS.some((flag) => arg === flag || arg.startsWith(`${flag}=`)));
}

/**
 * The browser of the browser tests: the headless Chromium that the npm package `@sparticuz/chromium` ships inside it
 * (unpacked to the system's temporary folder on first use, about 2 s), driven by playwright-core. Nothing is
 * downloaded. `CRMKIT_CHROMIUM=/path/to/chromium` uses an installed browser instead (Debian's `/usr/bin/chromium`,
 * for example); the tests fail, never skip, when neither can be started. Either way the browser keeps the
 * same-origin policy and serves any number of pages.
 */
export async function launchBrowser(): Promise<Browser> {
  const configured = process.env.CRMKIT_CHROMIUM;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CRMKIT_CHROMIUM=${configured}: no such file`);
    return chromium.launch({ executablePath: configured, headless: true, args: ['--no-sandbox'] });
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  return chromium.launch({
    executablePath: await packaged.executablePath(),
    args: packagedBrowserArgs(packaged.args),
    headless: true,
  });
}

/**
 * Records what goes wrong on a page from now on: console errors, page errors, failed requests and HTTP answers of
 * 400 and above. The returned list fills as the page runs.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}
