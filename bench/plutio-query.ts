/**
 * Measures `GET /people?q=…` throughput on a workspace of 10,000 people: list calls per second (parse, compile —
 * cached per `q` text —, index lookup or scan, copy of the page), by wall clock and per CPU-second (steadier on a busy
 * machine). "index" marks queries answered from equality indexes (built on a path's second call), "scan" the others.
 * Then each fast structure of `src/apis/plutio/domain/query/` against what it replaces, on the same 10,000 people: one
 * line per structure with both rates per CPU-second and their ratio (the figures its comment quotes).
 * Run: `node --import tsx bench/plutio-query.ts` (`--structures` for the second part only). Not a test.
 */
import { cpus, loadavg } from 'node:os';
import { resolve } from 'mingo/util';
import { createPlutioDomain, type JsonObject } from '../src/apis/plutio/domain/index.js';
import { compileCriteria } from '../src/apis/plutio/domain/query/compile.js';
import { withElementScan } from '../src/apis/plutio/domain/query/element-scan.js';
import { planLookups } from '../src/apis/plutio/domain/query/eq-plan.js';
import { compileWithMingo } from '../src/apis/plutio/domain/query/mingo-query.js';
import { compileQ } from '../src/apis/plutio/domain/query/q-cache.js';
import { parseQ } from '../src/apis/plutio/domain/query/q-validate.js';
import { makeResolver } from '../src/apis/plutio/domain/query/resolve-path.js';

const workspace = createPlutioDomain({ people: 10_000 }).workspaceFor('acme');
const [last] = workspace.list('people', { skip: String(workspace.count('people') - 1), limit: '1' }) as [
  { contactEmails: [{ address: string }]; contactPhones: [{ number: string }] },
];
/** The query of the benchmark's `plutio-q` workload: e-mail or phone of the last person (one match). */
const benchQ = JSON.stringify({
  $or: [
    { 'contactEmails.address': last.contactEmails[0].address },
    { 'contactPhones.number': last.contactPhones[0].number },
  ],
});
const QUERIES: Array<[string, Record<string, string>]> = [
  ['benchmark $or e-mail / phone (index, 1 match)', { q: benchQ, limit: '25' }],
  ['no query, page of 25', { limit: '25' }],
  ['$or of two AND-ed names (index)', { q: '{"$or":[{"name.first":"Emma","name.last":"Young"},{"status":"gone"}]}' }],
  ['$regex i on e-mail (no match, scan)', { q: '{"contactEmails.address":{"$regex":"^zz","$options":"i"}}' }],
  ['$elemMatch on e-mails (no match, scan)', { q: '{"contactEmails":{"$elemMatch":{"address":"nobody@x"}}}' }],
  ['equality on two fields (index)', { q: '{"role":"lead","address.city":"Boston"}' }],
  ['$in + $ne (broad: scan, page of 100)', { q: '{"role":{"$in":["client","lead"]},"status":{"$ne":"inactive"}}' }],
  ['date range $gte/$lt (scan, page of 100)', { q: '{"createdAt":{"$gte":"2021-01-01","$lt":"2023-01-01"}}' }],
  ['$not + $size via mingo, role (index)', { q: '{"tags":{"$not":{"$size":0}},"role":"lead"}' }],
  ['basic filter + q (broad: scan), page of 1000', { role: 'client', q: '{"address.city":"Boston"}', limit: '1000' }],
];

console.log(
  `${cpus().length} CPUs (${cpus()[0]?.model}), load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const structuresOnly = process.argv.includes('--structures');
for (const [label, params] of structuresOnly ? [] : QUERIES) {
  for (let i = 0; i < 50; i++) workspace.list('people', params);
  const started = performance.now();
  const cpu = process.cpuUsage();
  let calls = 0;
  let rows = 0;
  while (performance.now() - started < 2000) {
    rows = workspace.list('people', params).length;
    calls++;
  }
  const used = process.cpuUsage(cpu);
  const wall = Math.round((calls / (performance.now() - started)) * 1000);
  const perCpu = Math.round(calls / ((used.user + used.system) / 1e6));
  console.log(
    `${label.padEnd(46)} ${String(wall).padStart(6)}/s wall ${String(perCpu).padStart(6)}/cpu-s  ${rows} rows`,
  );
}

/** Calls of `fn` per CPU-second, over one second after a warm-up. */
function perCpuSecond(fn: () => unknown): number {
  for (let i = 0; i < 20; i++) fn();
  const started = performance.now();
  const cpu = process.cpuUsage();
  let calls = 0;
  while (performance.now() - started < 1000) {
    fn();
    calls++;
  }
  const used = process.cpuUsage(cpu);
  return calls / ((used.user + used.system) / 1e6);
}

/** Prints how much faster `fast` runs than `plain`. */
function compare(label: string, fast: () => unknown, plain: () => unknown): void {
  const f = perCpuSecond(fast);
  const p = perCpuSecond(plain);
  const fmt = (n: number) => String(Math.round(n)).padStart(8);
  console.log(`${label.padEnd(58)} ${fmt(f)}/cpu-s vs ${fmt(p)}/cpu-s  ${(f / p).toFixed(1)}x`);
}

const people: JsonObject[] = [];
for (let skip = 0; skip < workspace.count('people'); skip += 1000) {
  people.push(...workspace.list('people', { skip: String(skip), limit: '1000' }));
}
const criteria = parseQ(benchQ);
const scan = (test: (r: JsonObject) => boolean) => () => people.filter(test).length;
const email = last.contactEmails[0].address;

console.log(
  `\nfast structures, ${people.length} people: fast vs replaced, per CPU-second (one pass over all = one call)`,
);
compare(
  'fast-path: benchmark q, compiled closures vs mingo',
  scan(compileCriteria(criteria)),
  scan(compileWithMingo(criteria)),
);
const get = makeResolver('contactEmails.address', true);
const isEmail = (x: unknown) => x === email;
/** The fast path's equality on a one-dot path without the scan (`eqPredicate`'s `whole`). */
const whole = (v: unknown) => {
  const a = get(v);
  if (a === email) return true;
  if (a == null) return false;
  return Array.isArray(a) && a.some((x) => (Array.isArray(x) ? x.some(isEmail) : isEmail(x)));
};
compare(
  'element-scan: contactEmails.address equality, scan vs resolve',
  scan(withElementScan('contactEmails.address', whole, isEmail)),
  scan(whole),
);
const city = makeResolver('address.city', true);
compare(
  'resolve-path: address.city, unrolled vs mingo resolve',
  scan((r) => city(r) === 'Boston'),
  scan((r) => resolve(r, 'address.city', { unwrapArray: true }) === 'Boston'),
);
const predicate = compileCriteria(criteria);
compare(
  'eq-index: benchmark q, index lookup vs scan of every record',
  () => workspace.list('people', { q: benchQ, limit: '25' }),
  scan(predicate),
);
compare(
  'q-cache: benchmark q, cached vs parsed, checked and compiled',
  () => compileQ(benchQ),
  () => {
    const parsed = parseQ(benchQ);
    return [compileCriteria(parsed), planLookups(parsed)];
  },
);
