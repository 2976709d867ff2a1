import { type Command, Option } from 'commander';
import { API_IDS } from '../spec/load.js';

export { parseSize } from './parse-values.js';
export { resolveServeSettings, type ServeSettings } from './serve-settings.js';

/**
 * Flags of `crmkit serve` as commander parses them, keyed by the camelCase attribute name that a config file's
 * `serve` section uses too. Values are strings where the user typed text (numbers are accepted from config files).
 */
export interface ServeFlags {
  host?: string;
  port?: string | number;
  api?: string;
  seed?: string | number;
  adminApiKey?: string;
  validateResponses?: boolean;
  bodyLimit?: string | number;
  maxRecords?: string | number;
  maxStateSize?: string | number;
  /** true for `--control`, false for `--no-control`, unset for neither. */
  control?: boolean;
  /** Every `--allowed-host` given, in order. */
  allowedHost?: string[];
  controlToken?: string;
  /** false for `--no-cors` (commander's default for it is true). */
  cors?: boolean;
  /** Every `--fault` given, in order. */
  fault?: string[];
  stateFile?: string;
  fixturesDir?: string;
  plutioPeople?: string | number;
  plutioRateLimit?: string | number;
  plutioClientId?: string;
  plutioClientSecret?: string;
  plutioBusiness?: string;
  plutioTokenTtl?: string | number;
}

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

/**
 * Every flag of `crmkit serve`, the one place they are defined. Each has a `CRMKIT_<KEY>` variable
 * (`serveEnvName`), e.g. `CRMKIT_STATE_FILE` for `stateFile`; a flag wins over its variable.
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
  { flags: '--admin-api-key <key>', key: 'adminApiKey', description: 'API key of the seeded Redmine-family admin' },
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
  { flags: '--plutio-people <n>', key: 'plutioPeople', description: 'Plutio: grow the seeded people to n records' },
  {
    flags: '--plutio-rate-limit <n>',
    key: 'plutioRateLimit',
    description: 'Plutio: calls per client and hour before 429 (default 1000, 0 = no limit)',
  },
  { flags: '--plutio-client-id <id>', key: 'plutioClientId', description: 'Plutio: client id (default crmkit-client)' },
  {
    flags: '--plutio-client-secret <secret>',
    key: 'plutioClientSecret',
    description: 'Plutio: client secret (default crmkit-secret)',
  },
  {
    flags: '--plutio-business <slug>',
    key: 'plutioBusiness',
    description: 'Plutio: business of that client (default acme)',
  },
  {
    flags: '--plutio-token-ttl <s>',
    key: 'plutioTokenTtl',
    description: 'Plutio: token lifetime in seconds (default 3600)',
  },
];

/** The variable of a serve flag: `CRMKIT_` + the key in upper snake case (`stateFile` → `CRMKIT_STATE_FILE`). */
export function serveEnvName(key: keyof ServeFlags | string): string {
  return `CRMKIT_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

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
