import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import type { ContractTiming } from './contract.js';
import type { BenchOptions } from './options.js';
import type { ProcessFigures } from './report.js';
import { cellMedians, type Row, ratio } from './rounds.js';
import type { StartupSummary } from './startup.js';
import { round } from './stats.js';
import type { TargetResult } from './targets.js';
import { SERVER_KINDS } from './workloads.js';

/** Everything a run found, as written to `bench/results.json`. */
export interface BenchResults {
  startedAt: string;
  totalSeconds: number;
  machine: { node: string; cpus: number; cpuModel?: string; loadAverageAtStart: number[]; loadAverageAtEnd?: number[] };
  settings: Omit<BenchOptions, 'out'>;
  /** The node options the reference server ran with (those of `npm run serve`). */
  serverNodeFlags: string[];
  workloads: unknown[];
  startup?: StartupSummary;
  processes: ProcessFigures[];
  contracts?: ContractTiming[];
  targets: TargetResult[];
  profile?: unknown;
}

/** The per-workload part of the results: per server its medians, every sample, and the ratios. */
export function workloadResults(rows: readonly Row[]): unknown[] {
  return rows.map((row) => ({
    id: row.workload.id,
    title: row.workload.title,
    ratios: {
      crmkitToPrism: round(ratio(row.cells.crmkit, row.cells.prism), 3),
      crmkitToBare: round(ratio(row.cells.crmkit, row.cells.bare), 3),
    },
    servers: Object.fromEntries(
      SERVER_KINDS.map((s) => {
        const cell = row.cells[s];
        const m = cellMedians(cell);
        return [
          s,
          {
            available: cell.available,
            reason: cell.reason,
            notes: cell.notes,
            median: cell.available ? { rps: round(m.rps, 0), p50: round(m.p50, 2), p99: round(m.p99, 2) } : undefined,
            samples: cell.samples.map((x) => ({
              ...x,
              rps: round(x.rps, 0),
              p50: round(x.p50, 3),
              p99: round(x.p99, 3),
            })),
          },
        ];
      }),
    ),
  }));
}

/** Machine facts recorded with the results. */
export function machineFacts(): BenchResults['machine'] {
  return { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverageAtStart: loadavg() };
}

/** Writes the results as pretty JSON. */
export function writeResults(file: string, results: BenchResults): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
