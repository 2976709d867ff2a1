#!/usr/bin/env node
// Prints "N passed, N failed, N skipped" from a vitest JSON report, adding failed CI steps outside vitest.
//   node scripts/test-summary.mjs <results.json> [extra-failed]
import { readFileSync } from 'node:fs';

const [file, extraArg] = process.argv.slice(2);
const extra = Number(extraArg ?? 0);
let passed = 0;
let failed = extra;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
} catch (err) {
  console.error(`no test report at ${file}: ${err.message}`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
