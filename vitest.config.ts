import { defineConfig } from 'vitest/config';

// Unit and server tests live next to the code under src/; contract tests under contract-tests/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'contract-tests/**/*.test.ts', 'docs/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', ['junit', { outputFile: 'dist/test-results/junit.xml' }], ['json', { outputFile: 'dist/test-results/results.json' }]],
  },
});
