import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, type CommanderError } from 'commander';
import { PROJECT_ROOT } from '../spec/load.js';
import { registerBundle } from './commands/bundle.js';
import { contractEnvNames, registerContract } from './commands/contract.js';
import { registerDocs } from './commands/docs.js';
import { registerGenerate } from './commands/generate.js';
import { registerLint } from './commands/lint.js';
import { registerPrism } from './commands/prism.js';
import { registerServe, serveEnvNames } from './commands/serve.js';
import { applyConfigSection, ConfigError, type EnvNames, findConfigFile, loadConfigFile } from './config-file.js';

const HELP_AFTER = `
Configuration:
  crmkit.config.json, crmkit.config.yaml or crmkit.config.yml in the working directory (or
  --config <file>) gives flag values: one section per command, keys are the long flag names in
  camelCase, and "--no-x" is "x: false":
    serve:    { port: 4010, seed: 7, validateResponses: true }
    contract: { api: redmine, target: reference, quiet: true }
  Precedence: command-line flags > CRMKIT_* environment variables > config file > defaults.
  An unknown key is an error. See crmkit.config.example.yaml.

Examples:
  crmkit serve                    stateful mock of all four APIs on http://127.0.0.1:4010
  crmkit prism --api redmine      Prism mock of the Redmine document
  crmkit contract --api plutio --target reference
  crmkit lint --json              problems as JSON
  crmkit bundle && crmkit generate && crmkit docs

Run "crmkit <command> --help" for a command's flags and examples.`;

/** Exit codes: 0 help/version, 2 wrong usage (unknown flag, bad value, bad config file). */
function exitFor(err: CommanderError): never {
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') process.exit(0);
  process.exit(err.code === 'commander.help' ? err.exitCode : 2);
}

/** Commander's message as one line: `crmkit <cmd>: <message> (see crmkit <cmd> --help)`. */
export function oneLineError(text: string, path: string): string {
  const message = text
    .replace(/^error:\s*/i, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
  return `${path}: ${message} (see ${path} --help)\n`;
}

function withOneLineErrors(command: Command, path: string): Command {
  return command.configureOutput({ outputError: (text, write) => write(oneLineError(text, path)) });
}

/** The `crmkit` command line: every subcommand, the config file and one-line usage errors. */
export function buildProgram(): Command {
  const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  const program = new Command('crmkit')
    .description(
      'Executable OpenAPI descriptions, a stateful reference server, Prism mocks, contract tests and docs for the ' +
        'Redmine, Planio, RedmineUP and Plutio APIs.',
    )
    .version(version, '-V, --version')
    .option('--config <file>', 'config file (default: crmkit.config.json, .yaml or .yml in the working directory)')
    .exitOverride(exitFor)
    .configureHelp({ helpWidth: Math.min(process.stdout.columns || 100, 100) })
    .addHelpText('after', HELP_AFTER);
  withOneLineErrors(program, 'crmkit');

  const envNames = new Map<Command, EnvNames>();
  envNames.set(registerServe(program), serveEnvNames);
  registerPrism(program);
  envNames.set(registerContract(program), contractEnvNames);
  registerLint(program);
  registerBundle(program);
  registerGenerate(program);
  registerDocs(program);
  for (const command of program.commands) withOneLineErrors(command, `crmkit ${command.name()}`);

  program.hook('preSubcommand', (root, sub) => {
    if (root.args.some((a) => a === '--help' || a === '-h')) return;
    try {
      const file = findConfigFile(process.cwd(), root.opts<{ config?: string }>().config);
      if (!file) return;
      const config = loadConfigFile(
        file,
        program.commands.map((c) => c.name()),
      );
      for (const command of program.commands) {
        applyConfigSection(command, config[command.name()], { file, envNames: envNames.get(command) });
      }
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      sub.error(err.message, { exitCode: 2, code: 'crmkit.config' });
    }
  });
  return program;
}
