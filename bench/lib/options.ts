import { parseArgs } from 'node:util';
import { SERVER_KINDS, type ServerKind, WORKLOADS } from './workloads.js';

/** Settings of one benchmark run (`npm run bench -- --help`). */
export interface BenchOptions {
  rounds: number;
  duration: number;
  warmup: number;
  connections: number;
  startups: number;
  people: number;
  workloads: string[];
  servers: ServerKind[];
  contract: boolean;
  /** Build `dist/lib` when it is missing or older than the sources (default); false uses it as it is. */
  build: boolean;
  profile: boolean;
  out: string;
}

export const USAGE = `npm run bench -- [options]
  --rounds <n>        rounds of alternating measurements (default 4)
  --duration <s>      seconds per measurement (default 1.5)
  --warmup <s>        unrecorded seconds before each workload's first measurement per server (default 1; 0 = none)
  --connections <n>   concurrent connections (default 50)
  --startups <n>      fresh start-up measurements of the reference server (default 3; 0 = skip)
  --people <n>        Plutio people in the load server's store (default 10000)
  --workloads <ids>   comma-separated subset of: ${WORKLOADS.map((w) => w.id).join(', ')}
  --servers <kinds>   comma-separated subset of: ${SERVER_KINDS.join(', ')}
  --no-contract       skip timing the contract runs
  --no-build          start the compiled CLI in dist/lib as it is, even when older than the sources
  --profile           write a V8 CPU profile of the reference server under load and print its hot spots
  --out <file>        JSON results (default bench/results.json)`;

function positive(name: string, text: string | undefined, fallback: number, min = 0): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}`);
  return n;
}

function subset<T extends string>(name: string, text: string | undefined, all: readonly T[]): T[] {
  if (text === undefined) return [...all];
  const picked = text.split(',').map((s) => s.trim()) as T[];
  const unknown = picked.filter((p) => !all.includes(p));
  if (unknown.length) throw new Error(`--${name}: unknown ${unknown.join(', ')} (known: ${all.join(', ')})`);
  return picked;
}

/** Parses the command line; throws with a readable message on a bad value. Returns undefined for `--help`. */
export function parseOptions(argv: string[]): BenchOptions | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      startups: { type: 'string' },
      people: { type: 'string' },
      workloads: { type: 'string' },
      servers: { type: 'string' },
      'no-contract': { type: 'boolean' },
      'no-build': { type: 'boolean' },
      profile: { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return undefined;
  return {
    rounds: positive('rounds', values.rounds, 4, 1),
    duration: positive('duration', values.duration, 1.5, 0.5),
    warmup: positive('warmup', values.warmup, 1),
    connections: positive('connections', values.connections, 50, 1),
    startups: positive('startups', values.startups, 3),
    people: positive('people', values.people, 10_000, 1),
    workloads: subset(
      'workloads',
      values.workloads,
      WORKLOADS.map((w) => w.id),
    ),
    servers: subset('servers', values.servers, SERVER_KINDS),
    contract: !values['no-contract'],
    build: !values['no-build'],
    profile: values.profile ?? false,
    out: values.out ?? 'bench/results.json',
  };
}
