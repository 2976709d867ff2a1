import { expect, test } from 'vitest';
import { runCli } from './cli-process.js';

test('crmkit contract --api redmine --target reference --json: exit 0, the result as JSON on stdout', async () => {
  const run = await runCli(['contract', '--api', 'redmine', '--target', 'reference', '--json'], {
    timeoutMs: 120_000,
  });
  const result = JSON.parse(run.stdout) as {
    ok: boolean;
    api: string;
    totals: { passed: number; failed: number };
    operations: Array<{ result: string; firstDifference?: string }>;
  };
  const failed = result.operations.filter((o) => o.result === 'failed').map((o) => o.firstDifference);
  expect(run.code, failed.join('\n')).toBe(0);
  expect(result).toMatchObject({ ok: true, api: 'redmine', totals: { failed: 0 } });
  expect(result.totals.passed).toBeGreaterThan(10);
  // Progress stays on stderr, one line per check.
  expect(run.stderr).toMatch(/^\[\s*1\/\d+\] ok /m);
}, 150_000);

test('a target that cannot be reached is one line and exit code 2', async () => {
  const run = await runCli(['contract', '--api', 'redmine', '--target', 'http://127.0.0.1:9', '--json']);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^crmkit contract: cannot reach http:\/\/127\.0\.0\.1:9/);
});
