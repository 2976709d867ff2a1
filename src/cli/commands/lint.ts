import type { Command } from 'commander';
import { API_IDS, type ApiId } from '../../spec/load.js';
import { apiOption, parseCount, printJson, progressLog, runAction } from './common.js';
import { redoclyApis, runRedocly } from './redocly.js';

/** One lint problem, flattened from Redocly's JSON report. */
export interface LintProblem {
  severity: 'error' | 'warn';
  ruleId: string;
  message: string;
  /** File relative to the project root. */
  file: string;
  line?: number;
  column?: number;
  /** JSON pointer inside that file. */
  pointer?: string;
}

/** The lint result of one API. */
export interface ApiLint {
  api: ApiId;
  errors: number;
  warnings: number;
  problems: LintProblem[];
}

interface RedoclyReport {
  totals: { errors: number; warnings: number };
  problems: Array<{
    ruleId: string;
    severity: 'error' | 'warn';
    message: string;
    location?: Array<{ source?: { ref?: string }; pointer?: string; start?: { line: number; col: number } }>;
  }>;
}

/** Splits Redocly's output for several APIs: one JSON object after another. */
export function splitJsonObjects(text: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') {
      if (depth++ === 0) start = i;
    } else if (ch === '}' && --depth === 0) out.push(JSON.parse(text.slice(start, i + 1)));
  }
  return out;
}

/** Lints API documents with the rules of `redocly.yaml`; one entry per API, in the order asked. */
export async function lintApis(ids: readonly ApiId[], maxProblems = 100): Promise<ApiLint[]> {
  const apis = redoclyApis(ids);
  const run = await runRedocly(['lint', ...apis.map((a) => a.alias), '--format=json', `--max-problems=${maxProblems}`]);
  const reports = splitJsonObjects(run.stdout) as RedoclyReport[];
  if (reports.length !== apis.length) throw new Error(`redocly lint did not report on every API:\n${run.stderr}`);
  return apis.map((api, i) => {
    const report = reports[i] as RedoclyReport;
    const problems = report.problems.map((p): LintProblem => {
      const at = p.location?.[0];
      return {
        severity: p.severity,
        ruleId: p.ruleId,
        message: p.message,
        file: at?.source?.ref ?? '',
        line: at?.start?.line,
        column: at?.start?.col,
        pointer: at?.pointer,
      };
    });
    return { api: api.id, errors: report.totals.errors, warnings: report.totals.warnings, problems };
  });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The terminal report: a line per API, then its problems as `file:line:col  severity  rule  message`. */
export function formatLint(results: readonly ApiLint[]): string {
  const width = Math.max(...results.map((r) => r.api.length)) + 2;
  const lines: string[] = [];
  for (const r of results) {
    const clean = r.errors === 0 && r.warnings === 0;
    lines.push(
      `${r.api.padEnd(width)}${clean ? 'ok' : `${plural(r.errors, 'error')}, ${plural(r.warnings, 'warning')}`}`,
    );
    for (const p of r.problems) {
      const where = `${p.file}${p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : ''}`;
      lines.push(`  ${where}  ${p.severity === 'error' ? 'error' : 'warn '}  ${p.ruleId}  ${p.message}`);
    }
  }
  return lines.join('\n');
}

interface LintFlags {
  api?: ApiId;
  json?: boolean;
  maxProblems?: string;
}

/** Registers `crmkit lint`. */
export function registerLint(program: Command): Command {
  return program
    .command('lint')
    .description("Lint the OpenAPI documents with the project's Redocly rules; exit 1 on any error.")
    .addOption(apiOption())
    .option('--max-problems <n>', 'report at most n problems per API (default 100)')
    .option('--json', 'print the problems as JSON: { ok, errors, warnings, apis }')
    .addHelpText(
      'after',
      `
Examples:
  crmkit lint                    lint all four documents
  crmkit lint --api redmineup    one document
  crmkit lint --json | jq '.apis[].problems[] | .file + ": " + .message'`,
    )
    .action(
      runAction('lint', async (flags: LintFlags) => {
        const ids = flags.api ? [flags.api] : [...API_IDS];
        progressLog(false)(`lint: ${ids.join(', ')} …`);
        const max = flags.maxProblems === undefined ? 100 : parseCount(flags.maxProblems, '--max-problems');
        const results = await lintApis(ids, max);
        const errors = results.reduce((n, r) => n + r.errors, 0);
        const warnings = results.reduce((n, r) => n + r.warnings, 0);
        if (flags.json) printJson({ ok: errors === 0, errors, warnings, apis: results });
        else process.stdout.write(`${formatLint(results)}\n`);
        return errors === 0 ? 0 : 1;
      }),
    );
}
