import { type Command, Option } from 'commander';
import { API_SETTINGS, type ApiSettingValues, apisWithSetting } from '../app/registry.js';
import type { ApiSetting } from '../server/types.js';
import { API_IDS } from '../spec/load.js';
import type { ServeFlags } from './serve-flags.js';

export { parseSize } from './parse-values.js';
export { type ServeFlags, serveEnvName } from './serve-flags.js';
export { resolveServeSettings, type ServeSettings } from './serve-settings.js';

/** One flag of `crmkit serve`. */
export interface ServeOptionSpec {
  /** Commander's flag text, e.g. `--port <port>`. */
  flags: string;
  /** The `ServeFlags` key (commander's attribute name; also the config-file key). */
  key: keyof ServeFlags;
  description: string;
  /** Allowed values (refused in one line listing them). */
  choices?: readonly string[];
  /** The flag may be given several times; the values are collected in order. */
  repeatable?: boolean;
}

/** An API's setting as a flag of `crmkit serve`. */
const flagOf = (setting: ApiSetting<ApiSettingValues>): ServeOptionSpec => ({
  flags: setting.flags,
  key: setting.key,
  description: setting.description,
});

/** Settings several APIs share (the Redmine family's admin key), listed with the server's data flags. */
const SHARED_SETTINGS = API_SETTINGS.filter((s) => apisWithSetting(s.key).length > 1).map(flagOf);

/** Settings of one API, listed last. */
const OWN_SETTINGS = API_SETTINGS.filter((s) => apisWithSetting(s.key).length === 1).map(flagOf);

/**
 * Every flag of `crmkit serve`: the server's own, defined here, and the APIs' settings (`API_SETTINGS` of
 * `src/app/registry.ts`, declared by each API). Each has a `CRMKIT_<KEY>` variable (`serveEnvName`), e.g.
 * `CRMKIT_STATE_FILE` for `stateFile`; a flag wins over its variable.
 */
export const SERVE_OPTIONS: readonly ServeOptionSpec[] = [
  { flags: '--host <host>', key: 'host', description: 'interface to listen on (default 127.0.0.1)' },
  { flags: '--port <port>', key: 'port', description: 'port; 0 picks a free one (default 4010)' },
  {
    flags: '--api <id>',
    key: 'api',
    description: 'serve one API at / instead of all under their base paths',
    choices: API_IDS,
  },
  { flags: '--seed <n>', key: 'seed', description: 'seed of the generated data and of fault draws (default 1)' },
  ...SHARED_SETTINGS,
  {
    flags: '--validate-responses',
    key: 'validateResponses',
    description: 'check every response against the spec; a violation becomes a 500',
  },
  {
    flags: '--body-limit <size>',
    key: 'bodyLimit',
    description: 'largest request body, e.g. 512kb, 1mb (default 1mb)',
  },
  {
    flags: '--max-records <n>',
    key: 'maxRecords',
    description: 'records one collection may hold, per API and Plutio business (default 10000)',
  },
  {
    flags: '--max-state-size <size>',
    key: 'maxStateSize',
    description: 'bytes of stored records per API, e.g. 8mb (default 12mb; at most 15mb with every API served)',
  },
  {
    flags: '--control',
    key: 'control',
    description: 'serve the /__crmkit/ control endpoints even on a non-loopback --host',
  },
  { flags: '--no-control', key: 'control', description: 'do not serve the /__crmkit/ control endpoints' },
  {
    flags: '--control-token <secret>',
    key: 'controlToken',
    description:
      'every control request must send it (Authorization: Bearer <secret>); required for --control on a non-loopback --host',
  },
  {
    flags: '--allowed-host <name>',
    key: 'allowedHost',
    description:
      'repeatable: accept this Host (any port; .example.test for subdomains too) at the control endpoints besides loopback',
    repeatable: true,
  },
  {
    flags: '--no-cors',
    key: 'cors',
    description:
      'send no CORS headers and answer no preflights, as the real servers (default: browsers may call the APIs)',
  },
  {
    flags: '--fault <spec>',
    key: 'fault',
    description:
      'inject a fault, repeatable: [api[:operationId]:]key=value,… e.g. planio:getCompany:status=503,rate=0.5',
    repeatable: true,
  },
  { flags: '--state-file <file>', key: 'stateFile', description: 'keep the state in this file across restarts' },
  {
    flags: '--fixtures-dir <dir>',
    key: 'fixturesDir',
    description: 'directory POST /__crmkit/fixtures?file= may load files from',
  },
  ...OWN_SETTINGS,
];

/** The commander options of `crmkit serve`, built from {@link SERVE_OPTIONS}. */
export function serveOptions(): Option[] {
  return SERVE_OPTIONS.map((spec) => {
    const option = new Option(spec.flags, spec.description);
    if (spec.choices) option.choices([...spec.choices]);
    if (spec.repeatable)
      option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
    return option;
  });
}

/** Adds every serve flag to a command (`crmkit serve`). */
export function addServeOptions(command: Command): Command {
  for (const option of serveOptions()) command.addOption(option);
  return command;
}
