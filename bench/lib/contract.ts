import { once } from 'node:events';
import { API_IDS, type ApiId } from '../../src/spec/load.js';
import { spawnChild, stopChild } from './children.js';

/** One API's contract run against the reference server. */
export interface ContractTiming {
  api: ApiId;
  /** Wall-clock time of the child process, from spawn to exit (includes loading the code). */
  processMs?: number;
  /** `durationMs` reported by `runContract`. */
  runMs?: number;
  ok?: boolean;
  totals?: Record<string, number>;
  error?: string;
}

/** Runs `bench/contract-child.ts` once per API, one after the other, each bounded by `timeoutMs`. */
export async function timeContracts(timeoutMs = 120_000): Promise<ContractTiming[]> {
  const out: ContractTiming[] = [];
  for (const api of API_IDS) {
    const started = performance.now();
    const child = spawnChild(`contract ${api}`, ['--import', 'tsx', 'bench/contract-child.ts', api]);
    const timer = setTimeout(() => void stopChild(child, 1000), timeoutMs);
    await once(child.proc, 'exit');
    clearTimeout(timer);
    const processMs = performance.now() - started;
    const line = child
      .output()
      .split('\n')
      .reverse()
      .find((l) => l.startsWith('{"'));
    if (!line) {
      out.push({ api, processMs, error: `no result (exit ${child.proc.exitCode ?? child.proc.signalCode})` });
      continue;
    }
    const parsed = JSON.parse(line) as {
      ok?: boolean;
      durationMs?: number;
      totals?: Record<string, number>;
      error?: string;
    };
    out.push({ api, processMs, runMs: parsed.durationMs, ok: parsed.ok, totals: parsed.totals, error: parsed.error });
  }
  return out;
}
