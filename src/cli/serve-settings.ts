import { resolve } from 'node:path';
import { checkStateSize } from '../app/options.js';
import { API_SETTINGS, type ApiSettingValues } from '../app/registry.js';
import { type FaultInput, parseFaultSpec } from '../ops/fault-spec.js';
import { API_IDS, type ApiId, isApiId } from '../spec/load.js';
import { integer, isLoopbackHost, isOff, isOn, parseSize } from './parse-values.js';
import { type ServeFlags, serveEnvName } from './serve-flags.js';

/** The server's own `crmkit serve` settings after flags, `CRMKIT_*` variables and defaults are combined. */
export interface CoreServeSettings {
  host: string;
  port: number;
  api: ApiId | undefined;
  seed: number;
  validateResponses: boolean;
  bodyLimit: number | undefined;
  maxRecords: number | undefined;
  maxStateBytes: number | undefined;
  control: boolean;
  /** Why the control endpoints are off without being asked to be (a non-loopback host). */
  controlNotice: string | undefined;
  /** Host names the control endpoints accept besides loopback (`--allowed-host`). */
  allowedHosts: string[];
  controlToken: string | undefined;
  cors: boolean;
  faults: FaultInput[];
  /** Absolute path. */
  stateFile: string | undefined;
  /** Absolute path. */
  fixturesDir: string | undefined;
}

/** `crmkit serve` settings: the server's own and the APIs' (`API_SETTINGS`), side by side as the flags give them. */
export type ServeSettings = CoreServeSettings & Partial<ApiSettingValues>;

/**
 * Combines flags with their `CRMKIT_<KEY>` variables (flag wins; see `serveEnvName`) and the defaults. The control
 * endpoints follow `--control` / `--no-control` (or `CRMKIT_CONTROL=1|0`, `CRMKIT_NO_CONTROL=1`); with neither
 * they are on for a loopback host and off otherwise. `CRMKIT_FAULT` holds fault specs separated by `;` or new
 * lines. Relative paths are resolved against the working directory. Throws with a readable one-line message on a
 * bad value, and when the control endpoints are on for a non-loopback host without `--control-token`.
 * `CRMKIT_ALLOWED_HOST` holds host names separated by commas or spaces; `CRMKIT_CORS=0` (or `CRMKIT_NO_CORS=1`)
 * is `--no-cors`.
 */
export function resolveServeSettings(flags: ServeFlags, env: NodeJS.ProcessEnv = process.env): ServeSettings {
  const pick = <T>(flag: T | undefined, name: string): T | string | undefined => flag ?? env[`CRMKIT_${name}`];
  const opt = <T>(v: string | number | undefined, parse: (v: string | number) => T) =>
    v === undefined ? undefined : parse(v);
  const api = pick(flags.api, 'API');
  if (api !== undefined && !isApiId(api)) throw new Error(`--api must be one of ${API_IDS.join(', ')} (got "${api}")`);
  const host = pick(flags.host, 'HOST') ?? '127.0.0.1';
  const explicit = flags.control ?? envSwitch(env);
  const loopback = isLoopbackHost(host);
  const control = explicit ?? loopback;
  const controlToken = opt(pick(flags.controlToken, 'CONTROL_TOKEN'), (v) => controlTokenOf(String(v)));
  if (control && !loopback && controlToken === undefined) {
    throw new Error(
      `--control on ${host} (not a loopback address) needs --control-token <secret> (or CRMKIT_CONTROL_TOKEN): anyone who can reach the port could read and replace the data`,
    );
  }
  return {
    host,
    port: integer(pick(flags.port, 'PORT') ?? 4010, '--port', 0, 65535),
    api,
    seed: integer(pick(flags.seed, 'SEED') ?? 1, '--seed', 0, 2 ** 32 - 1),
    validateResponses: flags.validateResponses === true || isOn(env.CRMKIT_VALIDATE_RESPONSES),
    bodyLimit: opt(pick(flags.bodyLimit, 'BODY_LIMIT'), parseSize),
    maxRecords: opt(pick(flags.maxRecords, 'MAX_RECORDS'), (v) => integer(v, '--max-records', 1, 1e7)),
    maxStateBytes: opt(pick(flags.maxStateSize, 'MAX_STATE_SIZE'), (v) =>
      checkStateSize(parseSize(v, '--max-state-size'), api === undefined ? API_IDS.length : 1),
    ),
    control,
    controlNotice:
      explicit === undefined && !loopback
        ? `crmkit: control endpoints are off because ${host} is not a loopback address (add --control to turn them on)`
        : undefined,
    allowedHosts: (flags.allowedHost ?? env.CRMKIT_ALLOWED_HOST?.split(/[\s,]+/) ?? []).map(hostNameOf).filter(Boolean),
    controlToken,
    cors: flags.cors === false ? false : (corsSwitch(env) ?? true),
    faults: faultsOf(flags.fault ?? env.CRMKIT_FAULT?.split(/[;\n]/)),
    stateFile: opt(pick(flags.stateFile, 'STATE_FILE'), (v) => resolve(String(v))),
    fixturesDir: opt(pick(flags.fixturesDir, 'FIXTURES_DIR'), (v) => resolve(String(v))),
    ...apiSettings(flags, env),
  };
}

/**
 * The APIs' settings (`API_SETTINGS`) from their flags and `CRMKIT_<KEY>` variables (flag wins), whole numbers
 * checked against their range.
 */
function apiSettings(flags: ServeFlags, env: NodeJS.ProcessEnv): Partial<ApiSettingValues> {
  const values: Record<string, string | number> = {};
  for (const setting of API_SETTINGS) {
    const given = flags[setting.key] ?? env[serveEnvName(setting.key)];
    if (given === undefined) continue;
    const { integer: range } = setting;
    const flag = setting.flags.split(' ')[0] ?? setting.flags;
    values[setting.key] = range ? integer(given, flag, range.min, range.max) : given;
  }
  return values;
}

function envSwitch(env: NodeJS.ProcessEnv): boolean | undefined {
  if (isOn(env.CRMKIT_NO_CONTROL) || isOff(env.CRMKIT_CONTROL)) return false;
  if (isOn(env.CRMKIT_CONTROL)) return true;
  return undefined;
}

function corsSwitch(env: NodeJS.ProcessEnv): boolean | undefined {
  if (isOn(env.CRMKIT_NO_CORS) || isOff(env.CRMKIT_CORS)) return false;
  if (isOn(env.CRMKIT_CORS)) return true;
  return undefined;
}

/** A control token: printable ASCII without spaces, so that it travels in a header as given. */
function controlTokenOf(value: string): string {
  if (!/^[\x21-\x7e]+$/.test(value)) {
    throw new Error('--control-token must be printable ASCII without spaces (e.g. the output of openssl rand -hex 32)');
  }
  return value;
}

/** An `--allowed-host` value: a host name or address without scheme or port (trimmed, lower case). */
function hostNameOf(value: string): string {
  const name = value.trim().toLowerCase();
  if (name !== '' && !/^\.?[a-z0-9_.-]+$|^\[?[0-9a-f:.]+\]?$/.test(name)) {
    throw new Error(`--allowed-host must be a host name without scheme or port, e.g. mock.internal (got "${value}")`);
  }
  return name.replace(/^\[(.*)\]$/, '$1');
}

function faultsOf(specs: readonly string[] | undefined): FaultInput[] {
  const out: FaultInput[] = [];
  for (const spec of specs ?? []) {
    if (spec.trim() === '') continue;
    try {
      out.push(parseFaultSpec(spec.trim()));
    } catch (err) {
      throw new Error(`--fault: ${(err as Error).message}`);
    }
  }
  return out;
}
