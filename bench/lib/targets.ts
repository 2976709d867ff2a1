import type { ApiStartup } from './crmkit.js';
import { type Cell, cellMedians, type Row, ratio } from './rounds.js';
import type { StartupSummary } from './startup.js';
import { mib, round } from './stats.js';

/** PASS/MISS as measured; PARTIAL when what could be measured passes but part of the target could not be measured. */
export type TargetStatus = 'PASS' | 'MISS' | 'PARTIAL' | 'N/A';

/** One target with its verdict and the figures behind it. */
export interface TargetResult {
  target: string;
  status: TargetStatus;
  detail: string;
}

/** Everything the targets are judged on. */
export interface TargetInputs {
  rows: readonly Row[];
  startup?: StartupSummary;
  rssAfterLoad?: number;
  /** Whether the load server's Plutio store held the intended number of people. */
  storeOk: boolean;
  people: number;
  totalSeconds: number;
}

/** Share of failed requests above which a cell's figures do not count. */
const MAX_BAD_SHARE = 0.01;

function usable(cell: Cell): string | undefined {
  if (!cell.available) return `not measured (${cell.reason ?? 'not available'})`;
  const bad = cellMedians(cell).badShare ?? 0;
  if (bad > MAX_BAD_SHARE) return `${(bad * 100).toFixed(1)}% of answers non-2xx or errors`;
  return undefined;
}

function verdict(passes: boolean[], missing: string[]): TargetStatus {
  if (passes.length === 0) return 'N/A';
  if (passes.some((p) => !p)) return 'MISS';
  return missing.length > 0 ? 'PARTIAL' : 'PASS';
}

/** Judges a per-workload target: `check` gives [passes, figure text] for each workload whose cells are usable. */
function perWorkload(
  target: string,
  rows: readonly Row[],
  servers: readonly (keyof Row['cells'])[],
  check: (row: Row) => [boolean, string],
): TargetResult {
  const passes: boolean[] = [];
  const parts: string[] = [];
  const missing: string[] = [];
  for (const row of rows) {
    const problem = servers.map((s) => usable(row.cells[s])).find((p) => p !== undefined);
    if (problem) {
      missing.push(`${row.workload.id}: ${problem}`);
      continue;
    }
    const [ok, text] = check(row);
    passes.push(ok);
    parts.push(`${row.workload.id} ${text}${ok ? '' : ' ✗'}`);
  }
  const detail = [parts.join('; '), missing.length ? `not judged: ${missing.join('; ')}` : ''].filter(Boolean);
  return { target, status: verdict(passes, missing), detail: detail.join(' | ') };
}

/** Judges every target of the benchmark. */
export function judgeTargets(input: TargetInputs): TargetResult[] {
  const reads = input.rows.filter((r) => r.workload.readTarget);
  const prismFair = input.rows.filter((r) => r.workload.prism.serves && r.workload.prism.faithful);
  const results: TargetResult[] = [
    perWorkload('crmkit ≥ 50% of bare node:http req/s (reads)', reads, ['crmkit', 'bare'], (row) => {
      const r = ratio(row.cells.crmkit, row.cells.bare) ?? 0;
      return [r >= 0.5, `${(r * 100).toFixed(0)}%`];
    }),
    perWorkload('crmkit ≥ 6× prism mock -v error', prismFair, ['crmkit', 'prism'], (row) => {
      const r = ratio(row.cells.crmkit, row.cells.prism) ?? 0;
      return [r >= 6, `${r.toFixed(1)}×`];
    }),
    perWorkload('p99 < 10 ms at 50 connections (reads)', reads, ['crmkit'], (row) => {
      const p99 = cellMedians(row.cells.crmkit).p99 ?? Number.POSITIVE_INFINITY;
      return [p99 < 10, `${p99.toFixed(1)} ms`];
    }),
  ];

  const s = input.startup;
  if (!s || s.runs.length === 0)
    results.push({
      target: 'all four APIs answer within 1 s of process start',
      status: 'N/A',
      detail: s?.error ?? 'not run',
    });
  else {
    const apis: Record<string, ApiStartup> = s.runs[0]?.apis ?? {};
    const served = Object.entries(apis).filter(([, a]) => a.served);
    const notServed = Object.entries(apis).filter(([, a]) => !a.served);
    const ms = s.medianStartupMs ?? Number.POSITIVE_INFINITY;
    const missing = notServed.map(([id, a]) => `${id} (${a.reason})`);
    results.push({
      target: 'all four APIs answer within 1 s of process start',
      status: verdict([ms <= 1000], missing),
      detail: `${Math.round(ms)} ms (median of ${s.runs.length}, ${s.runner} CLI) for ${served.map(([id]) => id).join(', ')}${s.tsxMedianStartupMs === undefined ? '' : `; through tsx ${Math.round(s.tsxMedianStartupMs)} ms`}${missing.length ? ` | not served: ${missing.join(', ')}` : ''}`,
    });
    const worst = [...s.firstRequests].sort((a, b) => (b.medianMs ?? 0) - (a.medianMs ?? 0))[0];
    results.push({
      target: 'first request of any operation < 20 ms',
      status: worst ? verdict([(worst.medianMs ?? 0) < 20], missing) : 'N/A',
      detail: worst
        ? `slowest: ${worst.label} ${round(worst.medianMs, 1)} ms (median; worst run ${round(worst.maxMs, 1)} ms)`
        : 'no operation touched',
    });
  }

  const rss = mib(input.rssAfterLoad);
  results.push({
    target: 'crmkit RSS < 150 MiB after the load',
    status: rss === undefined ? 'N/A' : rss < 150 ? 'PASS' : 'MISS',
    detail: rss === undefined ? 'not measured' : `${rss} MiB`,
  });

  const q = input.rows.find((r) => r.workload.id === 'plutio-q');
  const qProblem = q ? usable(q.cells.crmkit) : 'workload not selected';
  const qRps = q && !qProblem ? (cellMedians(q.cells.crmkit).rps ?? 0) : undefined;
  results.push({
    target: `q over ${input.people.toLocaleString('en')} people ≥ 2,000 req/s`,
    status: qRps === undefined ? 'N/A' : qRps < 2000 ? 'MISS' : input.storeOk ? 'PASS' : 'PARTIAL',
    detail:
      qRps === undefined
        ? `${qProblem}`
        : `${Math.round(qRps)} req/s${input.storeOk ? '' : ` (store smaller than ${input.people}: --plutio-people not in effect)`}`,
  });
  results.push({
    target: 'npm run bench under 5 minutes',
    status: input.totalSeconds < 300 ? 'PASS' : 'MISS',
    detail: `${Math.round(input.totalSeconds)} s`,
  });
  return results;
}
