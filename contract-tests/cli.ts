import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, Option } from 'commander';
import { API_IDS, type ApiId } from '../src/spec/load.js';
import { runContract } from './run.js';
import type { Credentials } from './support/credentials.js';
import { formatProgress } from './support/progress.js';
import { formatTextReport } from './support/report-text.js';

/** Flags of `crmkit contract`, as commander parses them. */
interface ContractFlags extends Credentials {
  api: ApiId;
  target: string;
  readOnly?: boolean;
  report?: string;
  json?: string;
  quiet?: boolean;
}

/** Defines the `contract` command's flags on a commander command (shared with the `crmkit` CLI). */
export function contractCommand(command = new Command('contract')): Command {
  return command
    .description('Run the contract of an API document against the reference server, Prism or a live server.')
    .addOption(new Option('--api <id>', 'API document').choices([...API_IDS]).makeOptionMandatory())
    .requiredOption('--target <target>', 'reference | prism | base URL of a live server')
    .option('--key <api key>', 'Redmine-family API key (or CRMKIT_API_KEY)')
    .option('--user <login>', 'Redmine-family login for HTTP Basic (or CRMKIT_USER)')
    .option('--password <pw>', 'password for --user (or CRMKIT_PASSWORD)')
    .option('--client-id <id>', 'Plutio OAuth2 client id (or CRMKIT_CLIENT_ID)')
    .option('--client-secret <secret>', 'Plutio OAuth2 client secret (or CRMKIT_CLIENT_SECRET)')
    .option('--business <slug>', 'Plutio business slug for the Business header (or CRMKIT_BUSINESS)')
    .option('--user-key <api key>', 'API key of a non-administrator for the documented 403s (or CRMKIT_USER_API_KEY)')
    .option('--read-only', 'send no writes (scenarios that write are reported as not applicable)')
    .option('--report <file>', 'write JUnit XML to this file')
    .option('--json <file>', 'write the full result as JSON to this file')
    .option('--quiet', 'no progress lines on stderr');
}

/** Runs the command with parsed flags; resolves to the process exit code (0 ok, 1 violations, 2 run error). */
export async function contractAction(flags: ContractFlags): Promise<number> {
  try {
    const result = await runContract({
      ...flags,
      onProgress: flags.quiet ? undefined : (event) => process.stderr.write(`${formatProgress(event)}\n`),
    });
    process.stdout.write(`${formatTextReport(result, process.stdout.columns || 160)}\n`);
    return result.ok ? 0 : 1;
  } catch (err) {
    process.stderr.write(`crmkit contract: ${(err as Error).message}\n`);
    return 2;
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const program = contractCommand().action(async (flags: ContractFlags) => {
    process.exitCode = await contractAction(flags);
  });
  await program.parseAsync(process.argv);
}
