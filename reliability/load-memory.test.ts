import { expect, test } from 'vitest';
import { serveNodeFlags } from '../bench/lib/build.js';
import { scaled } from './support/budget.js';
import { spawnServer } from './support/child-server.js';
import { figure, mb } from './support/figures.js';
import { runLoad } from './support/load.js';
import { plutioSession } from './support/plutio.js';

const N = scaled(3000, 60_000);
const CONCURRENCY = 32;
/** Allowed RSS growth between the first and the last N requests (after a warm-up of N). */
const FLAT_BOUND = 48 * 1024 * 1024;

test(`sustained load on loopback keeps memory flat: RSS after ${N} and after ${3 * N} requests`, async () => {
  // The server as `npm start` and `npm run serve` run it (`--max-semi-space-size=8`): with Node 24's default young
  // generation RSS keeps growing for longer before it levels (about +55 MB over these requests, against +10 on Node 20).
  const child = await spawnServer(['--plutio-rate-limit', '0'], {}, 30_000, serveNodeFlags());
  try {
    const plutio = await plutioSession(`${child.url}/plutio/v1.8`, 'acme');
    const atStart = child.rssBytes();
    const started = performance.now();
    const warm = await runLoad(child.url, plutio, N, CONCURRENCY, 0);
    const afterWarmUp = child.rssBytes();
    const middle = await runLoad(child.url, plutio, N, CONCURRENCY, N);
    const afterMiddle = child.rssBytes();
    const last = await runLoad(child.url, plutio, N, CONCURRENCY, 2 * N);
    const atEnd = child.rssBytes();
    const seconds = (performance.now() - started) / 1000;
    const requests = warm.requests + middle.requests + last.requests;
    figure('load memory', {
      requests,
      seconds,
      'req-per-s': requests / seconds,
      'rss-start-mb': mb(atStart),
      'rss-after-warmup-mb': mb(afterWarmUp),
      'rss-after-2n-mb': mb(afterMiddle),
      'rss-end-mb': mb(atEnd),
      '5xx-or-dropped': warm.errors + middle.errors + last.errors,
      statuses: Object.entries(last.byStatus)
        .map(([s, n]) => `${s}:${n}`)
        .join(','),
    });
    expect(warm.errors + middle.errors + last.errors, JSON.stringify(last.byStatus)).toBe(0);
    expect(
      atEnd - afterWarmUp,
      `RSS grew from ${mb(afterWarmUp)} MB to ${mb(atEnd)} MB after the warm-up`,
    ).toBeLessThan(FLAT_BOUND);
  } finally {
    await child.stop('SIGKILL');
  }
}, 600_000);
