import { defineConfig } from 'vitest/config';

// `npm test`: unit and server tests next to the code under src/, the offline contract tests, the docs browser test
// and the reliability suite. The live-server contract tests have their own config (contract-tests/vitest.live.config.ts,
// `npm run test:live`).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'contract-tests/**/*.test.ts', 'docs/**/*.test.ts', 'reliability/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'contract-tests/live/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: [
      'default',
      ['junit', { outputFile: 'dist/test-results/junit.xml' }],
      ['json', { outputFile: 'dist/test-results/results.json' }],
    ],
  },
});
