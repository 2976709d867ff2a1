import { serveNodeFlags } from './build.js';
import type { ContractTiming } from './contract.js';
import type { ApiStartup } from './crmkit.js';
import { type Cell, cellMedians, type Row, ratio } from './rounds.js';
import type { StartupSummary } from './startup.js';
import { mib } from './stats.js';
import type { TargetResult } from './targets.js';
import { SERVER_KINDS } from './workloads.js';

/** RSS and start-up of one server process of the load. */
export interface ProcessFigures {
  name: string;
  pid: number;
  startupMs?: number;
  /** Time after the first answer until the process went idle (background work after start-up). */
  settleMs?: number;
  rssAfterStart?: number;
  rssAfterLoad?: number;
}

const num = (v: number | undefined, digits = 0) => (v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits));
const times = (v: number | undefined) => (v === undefined ? '-' : `${v.toFixed(v >= 10 ? 0 : 2)}×`);

function cellText(cell: Cell): string {
  if (!cell.available) return `${'n/a'.padStart(7)} ${''.padStart(6)} ${''.padStart(6)}`;
  const m = cellMedians(cell);
  const flag = (m.badShare ?? 0) > 0.01 ? '!' : ' ';
  return `${num(m.rps).padStart(7)}${flag}${num(m.p50, 2).padStart(6)} ${num(m.p99, 2).padStart(6)}`;
}

/** The table: workload × server (median req/s, p50 and p99 in ms), then the throughput ratios. */
export function formatTable(rows: readonly Row[]): string {
  const w = Math.max(8, ...rows.map((r) => r.workload.title.length));
  const group = (name: string) => `${name.padEnd(7)} p50 ms p99 ms`.padStart(21);
  const header = `${'workload'.padEnd(w)} | ${SERVER_KINDS.map((s) => group(`${s} req/s`)).join(' | ')} | crmkit/prism | crmkit/bare`;
  const lines = [header, '-'.repeat(header.length)];
  for (const row of rows) {
    const cells = SERVER_KINDS.map((s) => cellText(row.cells[s]).padStart(21)).join(' | ');
    const rp = times(ratio(row.cells.crmkit, row.cells.prism));
    const rb = times(ratio(row.cells.crmkit, row.cells.bare));
    lines.push(`${row.workload.title.padEnd(w)} | ${cells} | ${rp.padStart(12)} | ${rb.padStart(11)}`);
  }
  lines.push('', 'medians over the rounds; ratios are medians of per-round ratios; ! = more than 1% non-2xx or errors');
  return lines.join('\n');
}

/** Why cells were not measured, and what to keep in mind about measured ones. */
export function formatNotes(rows: readonly Row[]): string {
  const lines: string[] = [];
  for (const row of rows) {
    for (const server of SERVER_KINDS) {
      const cell = row.cells[server];
      const notes = [cell.available ? undefined : `not available: ${cell.reason}`, ...cell.notes].filter(Boolean);
      for (const note of notes) lines.push(`  ${row.workload.id} / ${server}: ${note}`);
    }
  }
  return lines.length ? `Notes\n${lines.join('\n')}` : '';
}

/** Start-up, first requests, memory and contract run times. */
export function formatFigures(
  startup: StartupSummary | undefined,
  processes: readonly ProcessFigures[],
  contracts: readonly ContractTiming[] | undefined,
): string {
  const lines: string[] = [];
  if (startup?.error) lines.push(`Start-up failed after ${startup.runs.length} run(s): ${startup.error}`);
  if (startup && startup.runs.length > 0) {
    const apis: Record<string, ApiStartup> = startup.runs[0]?.apis ?? {};
    const perApi = Object.entries(apis)
      .map(([id, a]) => `${id} ${a.served ? `${Math.round(a.ms ?? 0)} ms` : `not served (${a.reason})`}`)
      .join(', ');
    lines.push(
      `Start-up (fresh process, ${startup.runner} CLI, default settings, node ${serveNodeFlags().join(' ') || 'without options'} as npm run serve, median of ${startup.runs.length}): ${num(startup.medianStartupMs)} ms to every served API answering`,
      `  first run per API: ${perApi}`,
      `  RSS after start: ${startup.runs.map((r) => `${num(mib(r.rssAfterStart), 1)} MiB`).join(', ')}`,
    );
    if (startup.tsxRuns.length > 0)
      lines.push(
        `  through tsx (npm run serve, median of ${startup.tsxRuns.length}): ${num(startup.tsxMedianStartupMs)} ms; runs ${startup.tsxRuns.map((r) => `${num(r.startupMs)} ms`).join(', ')}; RSS after start ${startup.tsxRuns.map((r) => `${num(mib(r.rssAfterStart), 1)} MiB`).join(', ')}`,
      );
    lines.push('  first request of each operation (median ms / worst ms over the runs):');
    for (const f of startup.firstRequests)
      lines.push(
        `    ${f.label.padEnd(52)} ${num(f.medianMs, 1).padStart(7)} ${num(f.maxMs, 1).padStart(7)}  (${f.status})`,
      );
  }
  lines.push(
    '',
    'Server processes of the load: start-up to first answer, then until idle (background work), RSS after start → after the load',
  );
  for (const p of processes)
    lines.push(
      `  ${p.name.padEnd(16)} ${num(p.startupMs).padStart(6)} ms  +${num(p.settleMs).padStart(6)} ms   ${num(mib(p.rssAfterStart), 1).padStart(6)} MiB → ${num(mib(p.rssAfterLoad), 1).padStart(6)} MiB`,
    );
  if (contracts) {
    lines.push('', 'Contract runs against the reference server (one child process per API)');
    let sum = 0;
    for (const c of contracts) {
      if (c.error) lines.push(`  ${c.api.padEnd(10)} not available: ${c.error}`);
      else {
        sum += c.processMs ?? 0;
        const totals = c.totals ? ` (${c.totals.passed} passed, ${c.totals.failed} failed)` : '';
        lines.push(
          `  ${c.api.padEnd(10)} ${num(c.runMs)} ms run, ${num(c.processMs)} ms with process start, ok=${c.ok}${totals}`,
        );
      }
    }
    lines.push(`  total ${num(sum)} ms`);
  }
  return lines.join('\n');
}

/** The targets with PASS/MISS and their figures. */
export function formatTargets(targets: readonly TargetResult[]): string {
  const w = Math.max(...targets.map((t) => t.target.length));
  return ['Targets', ...targets.map((t) => `  ${t.status.padEnd(7)} ${t.target.padEnd(w)}  ${t.detail}`)].join('\n');
}
