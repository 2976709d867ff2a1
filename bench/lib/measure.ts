import { loadavg } from 'node:os';
import autocannon, { type AutocannonRequest } from 'autocannon';
import { percentile } from './stats.js';
import type { Step } from './workloads.js';

/** One autocannon run against one server. */
export interface Sample {
  /** Completed requests per second (every step of a sequence counts). */
  rps: number;
  /** Latency percentiles in ms, from every response's own timing (autocannon's histogram rounds to 1 ms). */
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  /** Count per status code. */
  statuses: Record<string, number>;
  /** The machine's 1-minute load average right after the run (other work on the machine skews the figures). */
  load1: number;
}

/** Load settings. */
export interface LoadSettings {
  connections: number;
  /** Seconds. */
  duration: number;
}

/** Turns a workload's steps into autocannon's request sequence; a step with `pathFrom` reads the previous answer. */
export function toRequests(steps: readonly Step[], prefix: string): AutocannonRequest[] {
  return steps.map((step, i) => {
    const request: AutocannonRequest = { method: step.method, path: prefix + step.path, headers: step.headers };
    if (step.body !== undefined) request.body = step.body;
    const next = steps[i + 1];
    if (next?.pathFrom) {
      const pathFrom = next.pathFrom;
      request.onResponse = (_status, body, context) => {
        context.nextPath = pathFrom(body);
      };
    }
    if (step.pathFrom) {
      request.setupRequest = (req, context) => {
        const path = typeof context.nextPath === 'string' ? context.nextPath : step.path;
        context.nextPath = undefined;
        return { ...req, path: prefix + path };
      };
    }
    return request;
  });
}

/** Runs autocannon with `connections` connections for `duration` seconds on loopback. */
export async function measure(url: string, requests: AutocannonRequest[], load: LoadSettings): Promise<Sample> {
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const instance = autocannon({ url, connections: load.connections, duration: load.duration, timeout: 10, requests });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    if (count === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[count++] = ms;
  });
  const result = await instance;
  const sorted = latencies.subarray(0, count).sort();
  const statuses: Record<string, number> = {};
  for (const [code, { count: n }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = Number(n);
  return {
    rps: count / result.duration,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    total: count,
    non2xx: result.non2xx,
    errors: result.errors,
    statuses,
    load1: loadavg()[0] ?? 0,
  };
}
