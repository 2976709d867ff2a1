import { expect, test } from 'vitest';
import { LONG, scaled } from './support/budget.js';
import { spawnServer } from './support/child-server.js';
import { ADMIN_KEY } from './support/credentials.js';
import { figure, mb } from './support/figures.js';
import { plutioSession } from './support/plutio.js';

/**
 * Growth run: writers create records against one API until the record cap answers, for at most a bounded time. The
 * CI variant caps collections at 150 records (at most 10 s per API); `npm run test:long` uses the default cap of
 * 10,000 (at most 30 s per API). Bounds (docs/guides/limits.md): RSS at the cap under 400 MB; the create calls' 99th percentile
 * under 1 s; a list page at the cap under 1 s (bounds for a busy two-core CI runner; an idle machine
 * answers in a few milliseconds); past the cap every create is the documented refusal.
 */
const MAX_RECORDS = LONG ? 10_000 : 150;
const SECONDS = scaled(10, 30);
const WRITERS = 8;
const RSS_BOUND = 400 * 1024 * 1024;
const P99_BOUND_MS = 1000;
const LIST_BOUND_MS = 1000;

interface Target {
  api: string;
  /** Sends one create; `i` makes names unique. */
  create(url: string, i: number): Promise<Response>;
  /** A list page over the grown collection. */
  list(url: string): Promise<Response>;
  /** The documented refusal past the cap. */
  refusal: { status: number; message: RegExp };
}

const FAMILY_HEADERS = { 'x-redmine-api-key': ADMIN_KEY, 'content-type': 'application/json' };
const RECORDS_MESSAGE = /^[A-Z][a-z ]+ cannot hold more than \d+ records \(--max-records\)\.?$/;

const familyTarget = (api: string, path: string, body: (i: number) => unknown, list: string): Target => ({
  api,
  create: (url, i) =>
    fetch(`${url}/${api}${path}`, { method: 'POST', headers: FAMILY_HEADERS, body: JSON.stringify(body(i)) }),
  list: (url) => fetch(`${url}/${api}${list}`, { headers: FAMILY_HEADERS }),
  refusal: { status: 422, message: RECORDS_MESSAGE },
});

const TARGETS: Target[] = [
  familyTarget(
    'redmine',
    '/projects.json',
    (i) => ({ project: { name: `Growth ${i}`, identifier: `growth-${i}` } }),
    '/projects.json?limit=100',
  ),
  familyTarget(
    'planio',
    '/companies.json',
    (i) => ({ company: { name: `Growth ${i} GmbH` } }),
    '/companies.json?limit=100',
  ),
  familyTarget(
    'redmineup',
    '/contacts.json',
    (i) => ({ contact: { project_id: 1, first_name: `Growth ${i}`, last_name: 'Bound' } }),
    '/contacts.json?limit=100',
  ),
];

async function plutioTarget(url: string): Promise<Target> {
  const session = await plutioSession(`${url}/plutio/v1.8`, 'acme');
  const headers = { ...session.headers, 'content-type': 'application/json' };
  return {
    api: 'plutio',
    create: (u, i) =>
      fetch(`${u}/plutio/v1.8/people`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: { first: `Growth ${i}`, last: 'Bound' }, role: 'client' }),
      }),
    list: (u) => fetch(`${u}/plutio/v1.8/people?limit=100&name.last=Bound`, { headers }),
    refusal: { status: 400, message: RECORDS_MESSAGE },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

test(`growth: ${SECONDS} s of creates per API reach the cap of ${MAX_RECORDS} records and stay within bounds`, async () => {
  const child = await spawnServer(['--plutio-rate-limit', '0', '--max-records', String(MAX_RECORDS)]);
  try {
    const targets = [...TARGETS, await plutioTarget(child.url)];
    const slow: string[] = [];
    for (const target of targets) {
      const latencies: number[] = [];
      const statuses: Record<string, number> = {};
      const refusals = new Set<string>();
      // One call first: the first request of an operation compiles its validators (not a growth cost).
      await (await target.create(child.url, -1)).arrayBuffer();
      let next = 0;
      let capped = false;
      const deadline = performance.now() + SECONDS * 1000;
      const writer = async () => {
        while (performance.now() < deadline && !capped) {
          const i = next++;
          const started = performance.now();
          const res = await target.create(child.url, i);
          const text = await res.text();
          latencies.push(performance.now() - started);
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status >= 400) {
            const body = JSON.parse(text) as { errors?: string[]; message?: string };
            refusals.add(`${res.status} ${body.errors?.join('; ') ?? body.message}`);
            capped = true;
          }
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, writer));
      const listStarted = performance.now();
      const list = await target.list(child.url);
      await list.arrayBuffer();
      const listMs = performance.now() - listStarted;
      const rss = child.rssBytes();
      latencies.sort((a, b) => a - b);
      const p99 = percentile(latencies, 99);
      figure(`growth ${target.api}`, {
        seconds: SECONDS,
        'max-records': MAX_RECORDS,
        created: statuses[target.api === 'plutio' ? 200 : 201] ?? 0,
        capped,
        'p50-ms': percentile(latencies, 50),
        'p99-ms': p99,
        'max-ms': latencies.at(-1) ?? 0,
        'list-ms': listMs,
        'rss-mb': mb(rss),
      });
      expect(capped, `${target.api}: the cap of ${MAX_RECORDS} was not reached in ${SECONDS} s`).toBe(true);
      expect(refusals.size, [...refusals].join(' | ')).toBe(1);
      const [refusal] = [...refusals] as [string];
      expect(refusal.startsWith(`${target.refusal.status} `), refusal).toBe(true);
      expect(refusal.slice(4)).toMatch(target.refusal.message);
      expect(Object.keys(statuses).filter((s) => Number(s) >= 500)).toEqual([]);
      expect(list.status).toBe(200);
      slow.push(...(listMs < LIST_BOUND_MS ? [] : [`${target.api} list ${listMs} ms`]));
      slow.push(...(p99 < P99_BOUND_MS ? [] : [`${target.api} create p99 ${p99} ms`]));
      expect(rss, `RSS ${mb(rss)} MB`).toBeLessThan(RSS_BOUND);
    }
    expect(slow).toEqual([]);
  } finally {
    await child.stop('SIGKILL');
  }
}, 600_000);
