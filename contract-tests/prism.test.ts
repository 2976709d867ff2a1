import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { API_IDS, bundlePath } from '../src/spec/load.js';
import { runContract } from './run.js';
import { formatJunit } from './support/report-junit.js';
import { formatTextReport } from './support/report-text.js';

// Prism is a stateless, example-driven mock: the run must reach every operation, and every stateful check must be
// reported as not applicable with its reason. What Prism does differently from the APIs is asserted as such.
for (const api of API_IDS) {
  test(`the ${api} contract runs against Prism`, { timeout: 120_000 }, async () => {
    expect(existsSync(bundlePath(api)), `${bundlePath(api)} (run npm run bundle)`).toBe(true);
    const result = await runContract({ api, target: 'prism' });

    expect(result.target.kind).toBe('prism');
    expect(result.coverage.operations.percent).toBe(100);
    const notApplicable = result.checks.filter((c) => c.result === 'not-applicable');
    expect(notApplicable.every((c) => (c.reason ?? '').length > 10)).toBe(true);
    const stateful = result.checks.filter((c) => /^(lifecycle|behaviour)/.test(c.scenario));
    for (const c of stateful) {
      expect(c.result).toBe('not-applicable');
      expect(c.reason).toMatch(/^not meaningful on Prism, which answers from examples and keeps no state: /);
    }

    const text = formatTextReport(result);
    const n = result.operations.length;
    expect(text).toContain(`Coverage: operations ${n}/${n} (100%)`);
    if (stateful.length > 0) expect(text).toContain('not meaningful on Prism');
    expect(formatJunit(result)).toContain(`<testsuite name="crmkit.${api}"`);

    const noSuffix = result.checks.filter((c) => c.scenario.endsWith('without format suffix'));
    // Prism routes only the documented templates: a URL without `.json`/`.xml` is a 404, not Redmine's 406.
    expect(noSuffix.every((c) => c.result === 'failed' && c.status === 404)).toBe(true);
    // Secured operations were called with credentials Prism accepts: none was answered 401 outside the negatives.
    const unauthorised = result.checks.filter((c) => c.status === 401 && !c.scenario.startsWith('negative'));
    expect(unauthorised).toEqual([]);
  });
}
