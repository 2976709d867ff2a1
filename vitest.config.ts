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
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: [
      'default',
      ['junit', { outputFile: `dist/test-results/junit${suffix}.xml` }],
      ['json', { outputFile: `dist/test-results/results${suffix}.json` }],
    ],
  },
});
