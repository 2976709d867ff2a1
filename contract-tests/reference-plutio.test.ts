import { expect, test } from 'vitest';
import { runContract } from './run.js';
import { formatTextReport } from './support/report-text.js';

test('the plutio document holds against the reference server: no violations, every operation exercised', async () => {
  const result = await runContract({ api: 'plutio', target: 'reference' });
  const violations = result.checks.filter((c) => c.result === 'failed').flatMap((c) => c.differences);

  expect(violations).toEqual([]);
  expect(result.ok).toBe(true);
  expect(result.coverage.operations.percent).toBe(100);
  expect(result.leftovers).toEqual([]);
  // The token call ran, and every lifecycle, move, copy and refusal ran for real, none of them skipped.
  expect(result.checks.find((c) => c.scenario === 'authentication')?.result).toBe('passed');
  const own = result.checks.filter((c) => /^(lifecycle|behaviour|negative) /.test(c.scenario));
  expect(own.length).toBeGreaterThanOrEqual(300);
  expect(own.filter((c) => c.result !== 'passed')).toEqual([]);
  const lifecycles = new Set(result.checks.filter((c) => c.scenario.startsWith('lifecycle ')).map((c) => c.scenario));
  expect(lifecycles.size).toBeGreaterThanOrEqual(30);
  const refusals = result.checks.filter((c) => c.scenario.startsWith('negative ')).map((c) => c.status);
  expect(new Set(refusals)).toEqual(new Set([400, 401, 403, 404]));
  expect(result.durationMs).toBeLessThan(60_000);
  const text = formatTextReport(result);
  expect(text).toMatch(/Time: \d+\.\d s/);
  console.log(`plutio reference run: ${text.match(/Time: .*/)?.[0]}, ${result.checks.length} checks`);
});
