import type { Command } from 'commander';
import { contractAction, contractCommand } from '../../../contract-tests/cli.js';
import { runContract } from '../../../contract-tests/run.js';
import { CREDENTIAL_ENV } from '../../../contract-tests/support/credentials.js';
import { formatProgress } from '../../../contract-tests/support/progress.js';
import { printJson, reportFailure } from './common.js';

type ContractFlags = Parameters<typeof contractAction>[0];

/**
 * Variables `crmkit contract` reads itself for a config key: the `CRMKIT_*` variable a credential flag falls back to
 * (they outrank the config file).
 */
export function contractEnvNames(key: string): string[] {
  const name = (CREDENTIAL_ENV as Readonly<Record<string, string>>)[key];
  return name ? [name] : [];
}

/**
 * `--json` of the contract runner takes a file; here the file is optional, and `--json` alone (or `--json -`)
 * prints the result on stdout instead of the text report.
 */
function allowJsonOnStdout(command: Command): void {
  const json = command.options.find((o) => o.long === '--json');
  if (!json?.required) return;
  json.required = false;
  json.optional = true;
  json.flags = '--json [file]';
  json.description = 'the full result as JSON: on stdout instead of the table, or into <file>';
}

/** `--json` without a file: the run with progress on stderr and the whole result as JSON on stdout. */
async function contractJson(flags: ContractFlags): Promise<number> {
  try {
    const result = await runContract({
      ...flags,
      json: undefined,
      onProgress: flags.quiet ? undefined : (event) => process.stderr.write(`${formatProgress(event)}\n`),
    });
    printJson(result);
    return result.ok ? 0 : 1;
  } catch (err) {
    reportFailure('contract', err);
    return 2;
  }
}

/** Registers `crmkit contract` (the flags and the run of `contract-tests/cli.ts`). */
export function registerContract(program: Command): Command {
  const command = contractCommand(program.command('contract'));
  allowJsonOnStdout(command);
  return command
    .addHelpText(
      'after',
      `
Credentials fall back to CRMKIT_API_KEY, CRMKIT_USER, CRMKIT_PASSWORD, CRMKIT_CLIENT_ID,
CRMKIT_CLIENT_SECRET, CRMKIT_BUSINESS and CRMKIT_USER_API_KEY, then (reference and prism targets
only) to the seeded administrator and app.
Exit code: 0 no violations, 1 violations (or objects left behind), 2 the run itself failed.

Examples:
  crmkit contract --api redmine --target reference
  crmkit contract --api planio --target prism --report dist/contract/planio.xml
  crmkit contract --api redmine --target https://redmine.example.com --key "$KEY" --read-only
  crmkit contract --api plutio --target reference --json --quiet > plutio.json`,
    )
    .action(async (flags: Omit<ContractFlags, 'json'> & { json?: string | boolean }) => {
      const toStdout = flags.json === true || flags.json === '-';
      const json = typeof flags.json === 'string' && !toStdout ? flags.json : undefined;
      process.exitCode = toStdout ? await contractJson({ ...flags, json }) : await contractAction({ ...flags, json });
    });
}
