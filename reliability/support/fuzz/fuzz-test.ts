import { expect } from 'vitest';
import type { ApiId } from '../../../src/spec/load.js';
import { fuzzSeed, LONG, scaled } from '../budget.js';
import { figure } from '../figures.js';
import { type FuzzReport, runFuzz } from './run-fuzz.js';

/** Seeds per API, so that each API's CI run is stable. */
const SEEDS: Record<ApiId, number> = { redmine: 1101, planio: 2202, redmineup: 3303, plutio: 4404 };

/**
 * The body of one API's fuzz test: runs the fuzzer (CI: up to `ciRuns` requests in `ciSeconds`; long: ten times
 * the requests and time), prints the figures and asserts every invariant held.
 */
export async function fuzzApi(api: ApiId, ciRuns: number, ciSeconds: number): Promise<FuzzReport> {
  const report = await runFuzz({
    api,
    runs: scaled(ciRuns, ciRuns * 10),
    timeLimitMs: scaled(ciSeconds, ciSeconds * 10) * 1000,
    seed: fuzzSeed(SEEDS[api]),
  });
  const kinds = report.findings.byKind();
  figure(`fuzz ${api}`, {
    requests: report.requests,
    refused: report.refused,
    accepted: report.accepted,
    '5xx': report.serverErrors,
    'spec-checked': report.specChecked,
    'spec-violations': kinds.spec ?? 0,
    'state-changes-on-refusal': kinds['state-changed-by-refusal'] ?? 0,
    hangs: kinds.hang ?? 0,
    'operations-reached': `${report.operationsHit}/${report.operations}`,
    'max-ms': report.maxMs,
    seed: report.seed,
    long: LONG,
  });
  expect(report.alive, 'the server stopped answering its health check during the fuzz run').toBe(true);
  expect(report.requests, 'too few requests were fuzzed to mean anything').toBeGreaterThanOrEqual(
    Math.min(200, ciRuns),
  );
  const summary = report.findings.report();
  expect(
    report.findings.size,
    `${api}: ${report.findings.total} findings in ${report.findings.size} classes (seed ${report.seed}; rerun with CRMKIT_FUZZ_SEED=${report.seed}):\n${summary}`,
  ).toBe(0);
  return report;
}
