/**
 * Measures `GET /people?q=…` throughput on a workspace of 10,000 people: list calls per second (parse + compile +
 * scan + copy of the page), by wall clock and per CPU-second (steadier on a busy machine).
 * Run: `npx tsx src/apis/plutio/domain/query/measure-q-throughput.ts`. Not a test: prints one line per query.
 */
import { cpus, loadavg } from 'node:os';
import { createPlutioDomain } from '../index.js';

const workspace = createPlutioDomain({ people: 10_000 }).workspaceFor('acme');
const QUERIES: Array<[string, Record<string, string>]> = [
  [
    '$or of two AND-ed names (full scan)',
    { q: '{"$or":[{"name.first":"Emma","name.last":"Young"},{"status":"gone"}]}' },
  ],
  ['$regex i on e-mail (no match, full scan)', { q: '{"contactEmails.address":{"$regex":"^zz","$options":"i"}}' }],
  ['$elemMatch on e-mails (no match, full scan)', { q: '{"contactEmails":{"$elemMatch":{"address":"nobody@x"}}}' }],
  ['equality on two fields (full scan)', { q: '{"role":"lead","address.city":"Boston"}' }],
  ['$in + $ne (broad, page of 100)', { q: '{"role":{"$in":["client","lead"]},"status":{"$ne":"inactive"}}' }],
  ['date range $gte/$lt (broad, page of 100)', { q: '{"createdAt":{"$gte":"2021-01-01","$lt":"2023-01-01"}}' }],
  ['$not + $size via mingo fallback (full scan)', { q: '{"tags":{"$not":{"$size":0}},"role":"lead"}' }],
  ['basic filter + q, page of 1000', { role: 'client', q: '{"address.city":"Boston"}', limit: '1000' }],
];

console.log(
  `${cpus().length} CPUs (${cpus()[0]?.model}), load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
for (const [label, params] of QUERIES) {
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
