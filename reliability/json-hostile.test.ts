import { afterAll, beforeAll, expect, test } from 'vitest';
import { figure, mb } from './support/figures.js';
import { deepJson } from './support/hostile-bodies.js';
import { send } from './support/http.js';
import { measured } from './support/measure.js';
import { type InProcessServer, startInProcess } from './support/servers.js';
import { declaredArrayField, enveloped, familyTargets, plutioTarget, type WriteTarget } from './support/targets.js';

const QUICK_MS = 1000;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MEMORY_BOUND = 128 * 1024 * 1024;
let srv: InProcessServer;

beforeAll(async () => {
  srv = await startInProcess();
});
afterAll(async () => {
  await srv?.close();
});

const postJson = (t: WriteTarget, body: string | Buffer) =>
  send({ method: 'POST', url: t.url, headers: { ...t.headers, 'content-type': 'application/json' }, body });

/** Deep nesting and huge arrays against one target; returns the problems found. */
async function nestingAndSize(
  t: WriteTarget,
  stats: { tried: number; refused: number; slowest: number; peak: number },
) {
  const problems: string[] = [];
  const [field, item] = declaredArrayField(t);
  const hugeArray = JSON.stringify(enveloped(t, { ...t.valid('huge-array'), [field]: new Array(450_000).fill(item) }));
  const cases: { name: string; body: string; mustRefuse: boolean }[] = [
    { name: 'deep-arrays', body: deepJson(200_000, 'array'), mustRefuse: true },
    { name: 'deep-objects', body: deepJson(100_000, 'object'), mustRefuse: true },
    {
      name: 'deep-inside-envelope',
      body: JSON.stringify(enveloped(t, { name: JSON.parse(deepJson(100, 'array')) })),
      mustRefuse: true,
    },
    { name: 'huge-array', body: hugeArray, mustRefuse: false },
  ];
  for (const c of cases) {
    const before = srv.digest();
    const { value: res, peakRssGrowth, maxLoopDelayMs } = await measured(() => postJson(t, c.body));
    stats.tried++;
    stats.slowest = Math.max(stats.slowest, res.ms);
    stats.peak = Math.max(stats.peak, peakRssGrowth);
    const label = `${t.api} ${c.name}${c.name === 'huge-array' ? ` in ${field}` : ''} (${c.body.length} bytes)`;
    if (res.status >= 400 && res.status < 500) stats.refused++;
    if (res.status === 0 || res.status >= 500) {
      const crash = srv.crashes().at(-1)?.split('\n').slice(0, 2).join(' ') ?? '';
      problems.push(`${label}: got ${res.status} ${res.error ?? res.bodyText.slice(0, 100)} ${crash}`);
    }
    if (c.mustRefuse && (res.status < 400 || res.status >= 500))
      problems.push(`${label}: expected a 4xx, got ${res.status}`);
    const bound = c.mustRefuse ? QUICK_MS : 3 * QUICK_MS;
    if (res.ms > bound) problems.push(`${label}: took ${res.ms} ms, blocking the event loop ${maxLoopDelayMs} ms`);
    if (peakRssGrowth > MEMORY_BOUND) problems.push(`${label}: memory grew by ${mb(peakRssGrowth)} MB`);
    if (res.status >= 400 && srv.digest() !== before) problems.push(`${label}: refused, yet the store changed`);
  }
  return problems;
}

test('JSON nested 100,000 levels deep is refused with 4xx quickly; a 450,000-element array is bounded (Redmine family)', async () => {
  const stats = { tried: 0, refused: 0, slowest: 0, peak: 0 };
  const problems: string[] = [];
  for (const t of familyTargets(srv)) problems.push(...(await nestingAndSize(t, stats)));
  figure('hostile json family', {
    tried: stats.tried,
    refused: stats.refused,
    'slowest-ms': stats.slowest,
    'peak-rss-growth-mb': mb(stats.peak),
  });
  expect(problems, problems.join('\n')).toEqual([]);
});

test('JSON nested 100,000 levels deep is refused with 4xx quickly; a 450,000-element array is bounded (Plutio)', async () => {
  const t = await plutioTarget(srv);
  const stats = { tried: 0, refused: 0, slowest: 0, peak: 0 };
  const problems = await nestingAndSize(t, stats);
  figure('hostile json plutio', {
    tried: stats.tried,
    refused: stats.refused,
    'slowest-ms': stats.slowest,
    'peak-rss-growth-mb': mb(stats.peak),
  });
  expect(problems, problems.join('\n')).toEqual([]);
});

test('duplicate JSON keys: the last one wins, as in Rails', async () => {
  for (const t of familyTargets(srv)) {
    const record = JSON.stringify(t.valid('dup-keys'));
    const nameKey = t.api === 'redmineup' ? 'first_name' : 'name';
    const inner = `{"${nameKey}":"First",${record.slice(1, -1)},"${nameKey}":"Second"}`;
    const res = await postJson(t, `{"${t.envelope}":${inner}}`);
    expect(res.status, `${t.api}: ${res.bodyText.slice(0, 200)}`).toBe(201);
    const created = (JSON.parse(res.bodyText) as Record<string, Record<string, unknown>>)[t.envelope as string];
    expect(created?.[nameKey], t.api).toBe('Second');
  }
});

test('invalid UTF-8 in a JSON body never gives a 5xx; what is stored is well-formed text', async () => {
  const outcomes: string[] = [];
  for (const t of familyTargets(srv)) {
    for (const bad of [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]) {
      const record = JSON.stringify(enveloped(t, t.valid(`utf8-${bad.join('-')}`)));
      const at = record.indexOf('":"') + 3;
      const body = Buffer.concat([Buffer.from(record.slice(0, at)), Buffer.from(bad), Buffer.from(record.slice(at))]);
      const before = srv.digest();
      const res = await postJson(t, body);
      outcomes.push(`${t.api}:${res.status}`);
      expect(res.status, `${t.api} bytes ${bad.join(',')}`).toBeGreaterThan(0);
      expect(res.status, `${t.api} bytes ${bad.join(',')}: ${res.bodyText.slice(0, 100)}`).toBeLessThan(500);
      if (res.status >= 400) expect(srv.digest()).toBe(before);
      else expect(LONE_SURROGATE.test(res.bodyText), `${t.api} stored text has a lone surrogate`).toBe(false);
    }
  }
  figure('hostile json invalid-utf8', { tried: outcomes.length, outcomes: [...new Set(outcomes)].join(',') });
});
