import { expect, test } from 'vitest';
import { runContract } from './run.js';
import { formatTextReport } from './support/report-text.js';

test('the redmineup document holds against the reference server: no violations, every operation exercised', async () => {
  const result = await runContract({ api: 'redmineup', target: 'reference' });
  const violations = result.checks.filter((c) => c.result === 'failed').flatMap((c) => c.differences);

  expect(violations).toEqual([]);
  expect(result.ok).toBe(true);
  expect(result.coverage.operations.percent).toBe(100);
  expect(result.leftovers).toEqual([]);
  // The CRM scenarios ran for real in both formats, none of their checks skipped.
  for (const prefix of [
    'lifecycle contacts',
    'lifecycle notes',
    'lifecycle deals',
    'behaviour contact projects',
    'behaviour contact and deal filters',
    'behaviour include on contacts and deals',
    'negative contacts, deals and notes of a hidden project',
  ]) {
    const checks = result.checks.filter((c) => c.scenario.startsWith(prefix));
    expect(checks.length, prefix).toBeGreaterThanOrEqual(14);
    expect(
      checks.filter((c) => c.result !== 'passed'),
      prefix,
    ).toEqual([]);
  }
  const lastProject = result.checks.filter((c) => c.step === 'remove its last project → 403');
  expect(lastProject.map((c) => `${c.status} ${c.result}`)).toEqual(['403 passed', '403 passed']);
  expect(result.durationMs).toBeLessThan(60_000);
  const text = formatTextReport(result);
  expect(text).toMatch(/Time: \d+\.\d s/);
  console.log(`redmineup reference run: ${text.match(/Time: .*/)?.[0]}, ${result.checks.length} checks`);
});
