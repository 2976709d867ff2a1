import { expect, test } from 'vitest';
import { runContract } from './run.js';
import { formatTextReport } from './support/report-text.js';

test('the redmine document holds against the reference server: no violations, every operation exercised', async () => {
  const result = await runContract({ api: 'redmine', target: 'reference' });
  const violations = result.checks.filter((c) => c.result === 'failed').flatMap((c) => c.differences);

  expect(violations).toEqual([]);
  expect(result.ok).toBe(true);
  expect(result.coverage.operations.percent).toBe(100);
  expect(result.leftovers).toEqual([]);
  // Lifecycles ran for real (both formats), not as not-applicable checks.
  const lifecycle = result.checks.filter((c) => c.scenario.startsWith('lifecycle projects'));
  expect(lifecycle.length).toBeGreaterThanOrEqual(14);
  expect(lifecycle.every((c) => c.result === 'passed')).toBe(true);
  const forbidden = result.checks.filter((c) => c.step.endsWith('→ 403'));
  expect(forbidden.length).toBeGreaterThanOrEqual(8);
  expect(forbidden.every((c) => c.result === 'passed' && c.status === 403)).toBe(true);
  expect(result.durationMs).toBeLessThan(60_000);
  const text = formatTextReport(result);
  expect(text).toMatch(/Time: \d+\.\d s/);
  console.log(`redmine reference run: ${text.match(/Time: .*/)?.[0]}, ${result.checks.length} checks`);
});
