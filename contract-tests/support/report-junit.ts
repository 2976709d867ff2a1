import type { ContractResult } from './result.js';

/** Characters XML 1.0 can carry: tab, newline, carriage return and everything from space up. */
const xmlChar = (ch: string) => {
  const c = ch.charCodeAt(0);
  return c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
};

const esc = (text: string) =>
  [...text]
    .filter(xmlChar)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/**
 * JUnit XML for CI: one `<testsuite>` per API, one `<testcase>` per check (classname `crmkit.<api>.<operationId>`,
 * name `scenario › step`), `<failure>` with every difference, `<skipped>` with the reason a check did not apply.
 * Coverage goes into suite properties.
 */
export function formatJunit(result: ContractResult): string {
  const { totals, coverage } = result;
  const cases = result.checks.map((c) => {
    const name = esc(`${c.scenario} › ${c.step}`);
    const attrs = `classname="${esc(`crmkit.${result.api}.${c.operationId}`)}" name="${name}" time="${((c.ms ?? 0) / 1000).toFixed(3)}"`;
    if (c.result === 'failed') {
      const message = esc(c.differences[0] ?? 'failed');
      return `    <testcase ${attrs}>\n      <failure message="${message}">${esc(c.differences.join('\n'))}</failure>\n    </testcase>`;
    }
    if (c.result === 'not-applicable') {
      return `    <testcase ${attrs}>\n      <skipped message="${esc(c.reason ?? 'not applicable')}"/>\n    </testcase>`;
    }
    return `    <testcase ${attrs}/>`;
  });
  const props = [
    ['target', result.target.description],
    ['operations.exercised', `${coverage.operations.exercised}/${coverage.operations.documented}`],
    ['operations.percent', String(coverage.operations.percent)],
    ['responses.exercised', `${coverage.responses.exercised}/${coverage.responses.documented}`],
    ['responses.percent', String(coverage.responses.percent)],
  ].map(([k, v]) => `      <property name="${esc(k!)}" value="${esc(v!)}"/>`);
  const total = totals.passed + totals.failed + totals.notApplicable;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="crmkit contract" tests="${total}" failures="${totals.failed}" skipped="${totals.notApplicable}" time="${(result.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="crmkit.${esc(result.api)}" tests="${total}" failures="${totals.failed}" errors="0" skipped="${totals.notApplicable}" time="${(result.durationMs / 1000).toFixed(3)}" timestamp="${esc(result.startedAt)}">`,
    '    <properties>',
    ...props,
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
