import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from './commands/cli-process.js';
import { oneLineError } from './program.js';

const COMMANDS = ['serve', 'prism', 'contract', 'lint', 'bundle', 'generate', 'docs'];
const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

test('crmkit --help lists every command, the config file and its precedence, from any directory', async () => {
  const run = await runCli(['--help'], { cwd: tmpdir() });
  expect(run.code).toBe(0);
  for (const name of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${name} \\[options\\]`, 'm'));
  expect(run.stdout).toContain('crmkit.config.json, crmkit.config.yaml or crmkit.config.yml in the working');
  expect(run.stdout).toContain('Precedence: command-line flags > CRMKIT_* environment variables > config file');
});

test('every command has --help with examples of itself', async () => {
  const runs = await Promise.all(COMMANDS.map((name) => runCli([name, '--help'])));
  runs.forEach((run, i) => {
    const name = COMMANDS[i] as string;
    expect(run.code, name).toBe(0);
    expect(run.stdout, name).toContain(`Usage: crmkit ${name} [options]`);
    expect(run.stdout, name).toMatch(new RegExp(`Examples:\\n\\s+(CRMKIT_\\S+ )?crmkit ${name}`));
  });
});

test('a wrong flag is one line with the command and a pointer to its help; exit code 2', async () => {
  const run = await runCli(['serve', '--prot', '3']);
  expect(run.code).toBe(2);
  expect(lines(run.stderr)).toEqual([
    "crmkit serve: unknown option '--prot' (Did you mean --port?) (see crmkit serve --help)",
  ]);
  const missing = await runCli(['contract', '--target', 'reference']);
  expect(missing.code).toBe(2);
  expect(lines(missing.stderr)).toEqual([
    "crmkit contract: required option '--api <id>' not specified (see crmkit contract --help)",
  ]);
  const command = await runCli(['servr']);
  expect(lines(command.stderr)).toHaveLength(1);
  expect(command.stderr).toContain("crmkit: unknown command 'servr'");
});

test('an unknown --api is one line listing the API ids, for every command that takes one', async () => {
  const runs = await Promise.all(
    ['serve', 'prism', 'contract', 'lint', 'bundle', 'generate'].map((name) => runCli([name, '--api', 'jira'])),
  );
  for (const run of runs) {
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain("argument 'jira' is invalid. Allowed choices are redmine, planio, redmineup, plutio.");
  }
});

test('a config file with an unknown key or a bad value stops the command in one line naming key and file', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'crmkit-cli-'));
  writeFileSync(join(cwd, 'crmkit.config.yaml'), 'serve:\n  prot: 5000\n');
  const unknown = await runCli(['serve'], { cwd });
  expect(unknown.code).toBe(2);
  expect(lines(unknown.stderr)).toHaveLength(1);
  expect(unknown.stderr).toContain('unknown key "prot" in section "serve" of crmkit.config.yaml (known: host, port,');
  writeFileSync(join(cwd, 'other.json'), '{ "contract": { "api": "jira" } }');
  const bad = await runCli(['lint', '--config', 'other.json'], { cwd });
  expect(bad.code).toBe(2);
  expect(lines(bad.stderr)).toHaveLength(1);
  expect(bad.stderr).toMatch(/contract\.api in other\.json: .*Allowed choices are redmine, planio/);
});

test('config values fill in flags (mandatory ones too); flags given on the command line win', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'crmkit-cli-'));
  writeFileSync(join(cwd, 'crmkit.config.json'), JSON.stringify({ contract: { api: 'redmine', target: 'reference' } }));
  const fromFile = await runCli(['contract', '--json', '--quiet', '--read-only'], { cwd, timeoutMs: 120_000 });
  expect(fromFile.stderr).toBe('');
  expect(JSON.parse(fromFile.stdout)).toMatchObject({ api: 'redmine', readOnly: true, target: { kind: 'reference' } });
  const flagWins = await runCli(['contract', '--api', 'planio', '--json', '--quiet', '--read-only'], {
    cwd,
    timeoutMs: 120_000,
  });
  expect(JSON.parse(flagWins.stdout)).toMatchObject({ api: 'planio', target: { kind: 'reference' } });
}, 240_000);

test("commander's multi-line messages become one line", () => {
  expect(oneLineError("error: unknown option '--x'\n(Did you mean --y?)\n", 'crmkit a')).toBe(
    "crmkit a: unknown option '--x' (Did you mean --y?) (see crmkit a --help)\n",
  );
});
