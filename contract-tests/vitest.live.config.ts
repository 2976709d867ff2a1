import { defineConfig } from 'vitest/config';

// The live tests: a real Redmine (scripts/redmine-live/redmine-live.sh up), never part of the default `npm test`.
export default defineConfig({
  test: {
    include: ['contract-tests/live/**/*.test.ts'],
    env: { CRMKIT_LIVE: '1' },
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: 'dist/test-results/live-results.json' }]],
  },
});
