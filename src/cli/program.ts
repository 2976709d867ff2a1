import { Command } from 'commander';
import { API_IDS } from '../spec/load.js';
import { serve } from './serve.js';

/** The `crmkit` command line. */
export function buildProgram(): Command {
  const program = new Command('crmkit').description(
    'Executable OpenAPI descriptions and a stateful reference server for the Redmine, Planio, RedmineUP and Plutio APIs.',
  );
  program
    .command('serve')
    .description('Start the reference server (every flag can also be given as CRMKIT_<FLAG>, e.g. CRMKIT_PORT).')
    .option('--host <host>', 'interface to listen on (default 127.0.0.1)')
    .option('--port <port>', 'port; 0 picks a free one (default 4010)')
    .option('--api <id>', `serve one API at / instead of all under their base paths (${API_IDS.join(', ')})`)
    .option('--seed <n>', 'seed of the generated data (default 1)')
    .option('--admin-api-key <key>', 'API key of the seeded Redmine-family administrator')
    .option('--validate-responses', 'check every response against the spec; a violation becomes a 500')
    .option('--body-limit <size>', 'largest request body, e.g. 1048576, 512kb, 1mb (default 1mb)')
    .option('--no-control', 'do not serve the /__crmkit/ control endpoints')
    .option('--plutio-people <n>', 'Plutio: grow the seeded people of every business to n records')
    .option('--plutio-rate-limit <n>', 'Plutio: calls per client and hour before 429 (default 1000, 0 = no limit)')
    .action(serve);
  return program;
}
