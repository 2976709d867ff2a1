import type { Command } from 'commander';
import { addServeOptions, serveEnvName } from '../options.js';
import { serve } from '../serve.js';
import { runAction } from './common.js';

/**
 * The variables `crmkit serve` reads itself for a config key (`resolveServeSettings`): `CRMKIT_<KEY>`, e.g.
 * `CRMKIT_STATE_FILE` for `stateFile`, plus `CRMKIT_NO_CONTROL` for `control` and `CRMKIT_NO_CORS` for `cors`.
 */
export function serveEnvNames(key: string): string[] {
  if (key === 'control') return [serveEnvName(key), 'CRMKIT_NO_CONTROL'];
  if (key === 'cors') return [serveEnvName(key), 'CRMKIT_NO_CORS'];
  return [serveEnvName(key)];
}

/** Registers `crmkit serve` with the flags of `SERVE_OPTIONS` (src/cli/options.ts). */
export function registerServe(program: Command): Command {
  const command = program
    .command('serve')
    .description('Start the stateful reference server for all four APIs (or one with --api).');
  return addServeOptions(command)
    .addHelpText(
      'after',
      `
Every flag also reads CRMKIT_<FLAG> (CRMKIT_PORT, CRMKIT_STATE_FILE, CRMKIT_CONTROL=0, …) and the
"serve" section of crmkit.config.json/.yaml (port, stateFile, fault: [...], control: false, …).
Flags win over variables, variables over the file.
Base paths: /redmine, /planio, /redmineup, /plutio/v1.8 (or / with --api).

Examples:
  crmkit serve                                  all APIs on http://127.0.0.1:4010
  crmkit serve --port 0 --api plutio            Plutio alone at / on a free port
  crmkit serve --state-file .crmkit-state.json  keep the data across restarts
  crmkit serve --fault planio:getCompany:status=503,rate=0.5
  crmkit serve --no-cors                        no CORS headers, as the real servers (browsers get no data)
  crmkit serve --host 0.0.0.0 --control --control-token "$(openssl rand -hex 16)"
  CRMKIT_PORT=5000 crmkit serve                 flags as environment variables`,
    )
    .action(runAction('serve', serve));
}
