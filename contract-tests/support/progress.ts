import type { ProgressEvent } from './runner.js';

const MARK = { passed: 'ok  ', failed: 'FAIL', 'not-applicable': 'n/a ' } as const;

/**
 * One progress line per check, for stderr: counter, result, label, status and time; failures add their first
 * difference, checks that do not apply their reason.
 */
export function formatProgress({ done, total, record }: ProgressEvent): string {
  const width = String(total).length;
  const head = `[${String(done).padStart(width)}/${total}] ${MARK[record.result]} ${record.label}`;
  const status = record.status !== undefined ? ` → ${record.status} (${record.ms ?? 0} ms)` : '';
  const plain = record.scenario === `operation ${record.label}` && record.step === record.label;
  const scenario = plain
    ? ''
    : record.step === record.label
      ? ` [${record.scenario}]`
      : ` [${record.scenario} › ${record.step}]`;
  if (record.result === 'failed') return `${head}${status}${scenario}\n      ${record.differences[0] ?? ''}`;
  if (record.result === 'not-applicable') return `${head}${scenario}: ${record.reason ?? ''}`;
  return `${head}${status}${scenario}`;
}
