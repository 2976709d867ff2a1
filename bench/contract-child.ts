import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../src/spec/load.js';

/**
 * Child process of the benchmark: times one full contract run of an API against the reference server and prints
 * one JSON line `{ ok, durationMs, totals }` or `{ error }`. Run as `node --import tsx bench/contract-child.ts <api>`.
 */
async function main(api: string): Promise<Record<string, unknown>> {
  const mod = (await import(pathToFileURL(join(PROJECT_ROOT, 'contract-tests', 'run.ts')).href)) as Record<
    string,
    unknown
  >;
  const runContract = mod.runContract;
  if (typeof runContract !== 'function') return { error: 'contract-tests/run.ts does not export runContract' };
  const started = performance.now();
  const result = (await runContract({ api, target: 'reference' })) as {
    ok: boolean;
    durationMs: number;
    totals: Record<string, number>;
  };
  return { ok: result.ok, durationMs: result.durationMs, wallMs: performance.now() - started, totals: result.totals };
}

main(process.argv[2] ?? '').then(
  (out) => {
    process.stdout.write(`${JSON.stringify(out)}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    process.stdout.write(`${JSON.stringify({ error: (err as Error).message ?? String(err) })}\n`);
    process.exit(0);
  },
);
