import type { ApiId } from '../../src/spec/load.js';
import { rssBytes, stopChild } from './children.js';
import { type ApiStartup, BASE_PATHS, type CrmkitProcess, startCrmkit } from './crmkit.js';
import { CallLog, findVars, preflight, type TimedCall } from './prepare.js';
import { median } from './stats.js';
import { WORKLOADS } from './workloads.js';

/** One fresh start of the reference server with default settings. */
export interface StartupRun {
  startupMs: number;
  apis: Record<ApiId, ApiStartup>;
  rssAfterStart?: number;
  /** Every request of the preparation, in order: the first request of each operation the workloads touch. */
  firstCalls: TimedCall[];
}

/** A fresh start of the CLI from the TypeScript sources through tsx (time to every API answering and RSS only). */
export interface TsxStartupRun {
  startupMs: number;
  rssAfterStart?: number;
}

/** Start-up figures over several fresh processes. */
export interface StartupSummary {
  /** How the judged runs started the server: the compiled CLI, or tsx when there was no build. */
  runner: 'compiled' | 'tsx';
  runs: StartupRun[];
  medianStartupMs?: number;
  /** The same start through tsx (`npm run serve`), one after each judged run: the second figure. */
  tsxRuns: TsxStartupRun[];
  tsxMedianStartupMs?: number;
  /** Why a start failed (the runs before it are kept). */
  error?: string;
  /** Per request label: median and worst time over the runs. */
  firstRequests: { label: string; medianMs?: number; maxMs: number; status: number }[];
}

/** Sends, in a fresh process, the requests the benchmark prepares with: each is the first of its operation. */
export async function touchOperations(crmkit: CrmkitProcess, people: number): Promise<CallLog> {
  const log = new CallLog(crmkit.url);
  const { vars } = await findVars(crmkit, log, people);
  for (const w of WORKLOADS) {
    if (crmkit.apis[w.api].served) await preflight(w, vars, log, BASE_PATHS[w.api]);
  }
  return log;
}

/**
 * Starts the reference server `count` times with default settings (all APIs, default seed), one after the other:
 * time to every API answering, RSS right after, then the first request of each operation the workloads touch. After
 * each run of the compiled CLI, one start through tsx gives the second figure (time and RSS only).
 */
export async function measureStartups(
  count: number,
  people: number,
  runner: 'compiled' | 'tsx' = 'compiled',
): Promise<StartupSummary> {
  const runs: StartupRun[] = [];
  const tsxRuns: TsxStartupRun[] = [];
  let error: string | undefined;
  for (let i = 0; i < count && !error; i++) {
    let crmkit: CrmkitProcess;
    try {
      crmkit = await startCrmkit({ runner });
    } catch (err) {
      error = (err as Error).message;
      break;
    }
    try {
      const rssAfterStart = rssBytes(crmkit.child.pid);
      const log = await touchOperations(crmkit, people);
      runs.push({ startupMs: crmkit.startupMs, apis: crmkit.apis, rssAfterStart, firstCalls: log.calls });
    } finally {
      await stopChild(crmkit.child);
    }
    if (runner === 'compiled') {
      try {
        const viaTsx = await startCrmkit({ runner: 'tsx' });
        tsxRuns.push({ startupMs: viaTsx.startupMs, rssAfterStart: rssBytes(viaTsx.child.pid) });
        await stopChild(viaTsx.child);
      } catch (err) {
        error = `through tsx: ${(err as Error).message}`;
      }
    }
  }
  const labels = [...new Set(runs.flatMap((r) => r.firstCalls.map((c) => c.label)))];
  const firstRequests = labels.map((label) => {
    const calls = runs.flatMap((r) => r.firstCalls.filter((c) => c.label === label).slice(0, 1));
    return {
      label,
      medianMs: median(calls.map((c) => c.ms)),
      maxMs: Math.max(...calls.map((c) => c.ms)),
      status: calls[0]?.status ?? 0,
    };
  });
  return {
    runner,
    runs,
    medianStartupMs: median(runs.map((r) => r.startupMs)),
    tsxRuns,
    tsxMedianStartupMs: median(tsxRuns.map((r) => r.startupMs)),
    firstRequests,
    error,
  };
}
