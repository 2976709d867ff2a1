import type { ContractResult } from './result.js';
import type { CheckResult } from './types.js';

const MARK: Record<CheckResult, string> = { passed: 'PASS', failed: 'FAIL', 'not-applicable': 'N/A ' };

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** Splits text at ', ' so that no line is longer than `width`. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const part of text.split(', ')) {
    const next = line ? `${line}, ${part}` : part;
    if (next.length > width && line) {
      out.push(`${line},`);
      line = part;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

/** Seconds with one decimal. */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The terminal report: one row per operation (result, checks passed/run, first difference or the reason it was not
 * applicable), then the checks that did not apply grouped by scenario with their reasons, coverage and time.
 */
export function formatTextReport(result: ContractResult, width = 160): string {
  const lines: string[] = [];
  const { totals, coverage } = result;
  lines.push(
    `crmkit contract: ${result.api} against ${result.target.description}${result.readOnly ? ' (read-only)' : ''}`,
  );
  lines.push('');
  const labelWidth = Math.min(60, Math.max(...result.operations.map((o) => o.label.length), 9));
  lines.push(`${'result'.padEnd(6)}  ${'operation'.padEnd(labelWidth)}  passed  first difference (or why nothing ran)`);
  for (const op of result.operations) {
    const ran = op.passed + op.failed;
    const detail = op.firstDifference ?? (op.result === 'not-applicable' ? (op.reasons[0] ?? 'no check') : '');
    const counts = `${op.passed}/${ran}`.padEnd(6);
    const row = `${MARK[op.result].padEnd(6)}  ${clip(op.label, labelWidth).padEnd(labelWidth)}  ${counts}  ${detail}`;
    lines.push(clip(row, width));
  }
  const failures = result.checks.filter((c) => c.result === 'failed');
  if (failures.length > 0) {
    lines.push('', `Violations (${failures.length} checks):`);
    for (const f of failures) lines.push(`  - [${f.scenario}] ${f.differences.join('; ')}`);
  }
  const byReason = new Map<string, Set<string>>();
  for (const c of result.checks) {
    if (c.result !== 'not-applicable') continue;
    const reason = c.reason ?? 'not applicable';
    if (!byReason.has(reason)) byReason.set(reason, new Set());
    byReason.get(reason)!.add(c.scenario);
  }
  if (byReason.size > 0) {
    lines.push('', `Not applicable (${totals.notApplicable} checks), by reason:`);
    for (const [reason, scenarios] of byReason) {
      lines.push(`  - ${reason}:`);
      lines.push(...wrap([...scenarios].join(', '), width - 6).map((l) => `      ${l}`));
    }
  }
  if (result.leftovers.length > 0) {
    lines.push('', 'Left behind (created by this run, cleanup failed):');
    for (const l of result.leftovers) lines.push(`  - ${l}`);
  }
  const pct = (r: { exercised: number; documented: number; percent: number }) =>
    `${r.exercised}/${r.documented} (${r.percent}%)`;
  lines.push(
    '',
    `Coverage: operations ${pct(coverage.operations)}, documented responses ${pct(coverage.responses)}`,
    `Checks: ${totals.passed} passed, ${totals.failed} failed, ${totals.notApplicable} not applicable`,
    `Time: ${seconds(result.durationMs)}`,
    result.ok ? 'Result: no violations' : 'Result: VIOLATIONS FOUND',
  );
  return lines.join('\n');
}
