import { expect, test } from 'vitest';
import { runContract } from './run.js';
import { formatTextReport } from './support/report-text.js';

test('the planio document holds against the reference server: no violations, every operation exercised', async () => {
  const result = await runContract({ api: 'planio', target: 'reference' });
  const violations = result.checks.filter((c) => c.result === 'failed').flatMap((c) => c.differences);

  expect(violations).toEqual([]);
  expect(result.ok).toBe(true);
  expect(result.coverage.operations.percent).toBe(100);
  expect(result.leftovers).toEqual([]);
  // The company-bound scenarios ran for real in both formats, none of their checks skipped.
  for (const prefix of [
    'lifecycle companies/contacts',
    'behaviour contacts stay with their company',
    'behaviour companies of a project',
    'negative company of no project as a non-member',
  ]) {
    const checks = result.checks.filter((c) => c.scenario.startsWith(prefix));
    expect(checks.length, prefix).toBeGreaterThanOrEqual(10);
    expect(
      checks.filter((c) => c.result !== 'passed'),
      prefix,
    ).toEqual([]);
  }
  const forbidden = result.checks.filter((c) => c.status === 403 && c.result === 'passed');
  expect(forbidden.length).toBeGreaterThanOrEqual(20);
  expect(result.durationMs).toBeLessThan(60_000);
  const text = formatTextReport(result);
  expect(text).toMatch(/Time: \d+\.\d s/);
  console.log(`planio reference run: ${text.match(/Time: .*/)?.[0]}, ${result.checks.length} checks`);
});
