import type { AutocannonRequest } from 'autocannon';
import { type LoadSettings, measure, type Sample } from './measure.js';
import { median } from './stats.js';
import type { ServerKind, Workload } from './workloads.js';

/** One workload on one server: measured in every round, or not available with a reason. */
export interface Cell {
  server: ServerKind;
  available: boolean;
  /** Why it is not measured, or what to keep in mind about the figures. */
  reason?: string;
  notes: string[];
  url: string;
  requests: AutocannonRequest[];
  /** Runs right before each measurement (the bare server switches its bytes here). */
  before?: () => Promise<void>;
  samples: Sample[];
}

/** A workload with its three cells. */
export interface Row {
  workload: Workload;
  cells: Record<ServerKind, Cell>;
}

/** Settings of the rounds. */
export interface RoundSettings extends LoadSettings {
  rounds: number;
  /** Seconds of unrecorded load before the first measurement of each workload on each server. */
  warmup: number;
}

/** Seconds the rounds will take (plus about 0.2 s of overhead per measurement). */
export function estimateSeconds(rows: readonly Row[], s: RoundSettings): number {
  const cells = rows.flatMap((r) => Object.values(r.cells)).filter((c) => c.available).length;
  return cells * (s.rounds * (s.duration + 0.2) + (s.warmup > 0 ? s.warmup + 0.2 : 0));
}

function fmt(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '-';
}

/**
 * Runs the rounds: in each round every workload is measured on every server in turn (crmkit, Prism, bare, crmkit,
 * Prism, bare, ...), so a drift of the machine's speed hits all servers alike. Progress goes to `print`.
 */
export async function runRounds(rows: readonly Row[], s: RoundSettings, print: (line: string) => void): Promise<void> {
  for (let round = 0; round < s.rounds; round++) {
    for (const row of rows) {
      for (const cell of Object.values(row.cells)) {
        if (!cell.available) continue;
        await cell.before?.();
        if (round === 0 && s.warmup > 0) await measure(cell.url, cell.requests, { ...s, duration: s.warmup });
        const sample = await measure(cell.url, cell.requests, s);
        cell.samples.push(sample);
        const bad = sample.non2xx + sample.errors;
        print(
          `  round ${round + 1}/${s.rounds}  ${row.workload.id.padEnd(16)} ${cell.server.padEnd(6)} ` +
            `${fmt(sample.rps, 0).padStart(7)} req/s  p50 ${fmt(sample.p50, 2).padStart(6)} ms  ` +
            `p99 ${fmt(sample.p99, 2).padStart(7)} ms${bad ? `  (${bad} non-2xx/errors: ${JSON.stringify(sample.statuses)})` : ''}`,
        );
      }
    }
  }
}

/** Medians of a cell's samples. */
export function cellMedians(cell: Cell): { rps?: number; p50?: number; p99?: number; badShare?: number } {
  if (!cell.available || cell.samples.length === 0) return {};
  return {
    rps: median(cell.samples.map((x) => x.rps)),
    p50: median(cell.samples.map((x) => x.p50)),
    p99: median(cell.samples.map((x) => x.p99)),
    badShare: median(cell.samples.map((x) => (x.non2xx + x.errors) / Math.max(1, x.total + x.errors))),
  };
}

/** Median over rounds of the per-round throughput ratio a/b (same round, so drift cancels). */
export function ratio(a: Cell, b: Cell): number | undefined {
  if (!a.available || !b.available) return undefined;
  const n = Math.min(a.samples.length, b.samples.length);
  const ratios: number[] = [];
  for (let i = 0; i < n; i++) ratios.push((a.samples[i]?.rps ?? 0) / (b.samples[i]?.rps || Number.NaN));
  return median(ratios);
}
