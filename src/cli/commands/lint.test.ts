import { expect, test } from 'vitest';
import { runCli } from './cli-process.js';
import { formatLint, splitJsonObjects } from './lint.js';

test('Redocly reports printed one after another are split into objects', () => {
  const text = '{\n  "a": "}{",\n  "b": [1]\n}{"c": "\\"}"}\n';
  expect(splitJsonObjects(text)).toEqual([{ a: '}{', b: [1] }, { c: '"}' }]);
});

test('the terminal report gives a line per API and a located line per problem', () => {
  const text = formatLint([
    { api: 'redmine', errors: 0, warnings: 0, problems: [] },
    {
      api: 'plutio',
      errors: 1,
      warnings: 0,
      problems: [
        {
          severity: 'error',
          ruleId: 'operation-summary',
          message: 'Missing.',
          file: 'openapi/p.yaml',
          line: 3,
          column: 5,
        },
      ],
    },
  ]);
  expect(text.split('\n')).toEqual([
    'redmine  ok',
    'plutio   1 error, 0 warnings',
    '  openapi/p.yaml:3:5  error  operation-summary  Missing.',
  ]);
});

test('crmkit lint --api redmine --json prints the problems as JSON with totals', async () => {
  const run = await runCli(['lint', '--api', 'redmine', '--json']);
  const result = JSON.parse(run.stdout) as { ok: boolean; errors: number; apis: Array<{ api: string }> };
  expect(result.apis.map((a) => a.api)).toEqual(['redmine']);
  expect(typeof result.errors).toBe('number');
  expect(run.code).toBe(result.ok ? 0 : 1);
});
