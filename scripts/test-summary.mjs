#!/usr/bin/env node
// Prints "N passed, N failed, N skipped" summed over vitest JSON reports, plus failed CI steps outside vitest.
//   node scripts/test-summary.mjs --failed-steps N <report.json> [<report.json> ...]
// A report that is missing counts as one failure (the run that should have written it did not finish).
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
let failed = 0;
if (args[0] === '--failed-steps') {
  failed += Number(args[1] ?? 0);
  args.splice(0, 2);
}
let passed = 0;
let skipped = 0;
for (const file of args) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } catch (err) {
    console.error(`no test report at ${file}: ${err.message}`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
