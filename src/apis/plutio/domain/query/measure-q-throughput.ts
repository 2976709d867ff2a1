/**
 * Measures `GET /people?q=…` throughput on a workspace of 10,000 people: list calls per second (parse, compile —
 * cached per `q` text —, index lookup or scan, copy of the page), by wall clock and per CPU-second (steadier on a busy
 * machine). "index" marks queries answered from equality indexes (built on a path's second call), "scan" the others.
 * Run: `npx tsx src/apis/plutio/domain/query/measure-q-throughput.ts`. Not a test: prints one line per query.
 */
import { cpus, loadavg } from 'node:os';
import { createPlutioDomain } from '../index.js';

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
