import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// `npm test`: unit and server tests next to the code under src/, the offline contract tests, the docs browser test
// and the reliability suite. The live-server contract tests have their own config (contract-tests/vitest.live.config.ts,
// `npm run test:live`).
// CRMKIT_RESULTS_SUFFIX names a second set of reports (CI's run on another Node line writes results-node24.json).
const suffix = process.env.CRMKIT_RESULTS_SUFFIX ?? '';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'contract-tests/**/*.test.ts',
      'docs/**/*.test.ts',
      'reliability/**/*.test.ts',
      'package/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'contract-tests/live/**'],
    // Many suites wait on child processes, browsers and npm rather than the CPU: at least three files run at once even
    // on a two-core machine (vitest's default there is one), which takes a full run from about 7 to about 5 minutes.
    maxWorkers: Math.max(3, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: [
      'default',
      ['junit', { outputFile: `dist/test-results/junit${suffix}.xml` }],
      ['json', { outputFile: `dist/test-results/results${suffix}.json` }],
    ],
  },
});
