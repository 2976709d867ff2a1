import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/**
 * The browser of the browser tests: the headless Chromium that the npm package `@sparticuz/chromium` ships inside it
 * (unpacked to the system's temporary folder on first use, about 2 s), driven by playwright-core. Nothing is
 * downloaded. `CRMKIT_CHROMIUM=/path/to/chromium` uses an installed browser instead (Debian's `/usr/bin/chromium`,
 * for example); the tests fail, never skip, when neither can be started.
 */
export async function launchBrowser(): Promise<Browser> {
  const configured = process.env.CRMKIT_CHROMIUM;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CRMKIT_CHROMIUM=${configured}: no such file`);
    return chromium.launch({ executablePath: configured, headless: true, args: ['--no-sandbox'] });
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  return chromium.launch({ executablePath: await packaged.executablePath(), args: packaged.args, headless: true });
}
