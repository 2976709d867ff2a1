import { resolve } from 'node:path';
import { type FaultInput, parseFaultSpec } from '../server/fault-spec.js';
import { checkStateSize } from '../server/options.js';
import { API_IDS, type ApiId, isApiId } from '../spec/load.js';
import type { ServeFlags } from './options.js';
import { integer, isLoopbackHost, isOff, isOn, parseSize } from './parse-values.js';

/** `crmkit serve` settings after flags, `CRMKIT_*` variables and defaults are combined. */
export interface ServeSettings {
  host: string;
  port: number;
  api: ApiId | undefined;
  seed: number;
  adminApiKey: string | undefined;
  validateResponses: boolean;
  bodyLimit: number | undefined;
  maxRecords: number | undefined;
  maxStateBytes: number | undefined;
  control: boolean;
  /** Why the control endpoints are off without being asked to be (a non-loopback host). */
  controlNotice: string | undefined;
  faults: FaultInput[];
  /** Absolute path. */
  stateFile: string | undefined;
  /** Absolute path. */
  fixturesDir: string | undefined;
  plutioPeople: number | undefined;
  plutioRateLimit: number | undefined;
  plutioClientId: string | undefined;
  plutioClientSecret: string | undefined;
  plutioBusiness: string | undefined;
  plutioTokenTtl: number | undefined;
}

/**
 * Combines flags with their `CRMKIT_<KEY>` variables (flag wins; see `serveEnvName`) and the defaults. The control
 * endpoints follow `--control` / `--no-control` (or `CRMKIT_CONTROL=1|0`, `CRMKIT_NO_CONTROL=1`); with neither
 * they are on for a loopback host and off otherwise. `CRMKIT_FAULT` holds fault specs separated by `;` or new
 * lines. Relative paths are resolved against the working directory. Throws with a readable one-line message on a
 * bad value.
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
  return {
    host,
    port: integer(pick(flags.port, 'PORT') ?? 4010, '--port', 0, 65535),
    api,
    seed: integer(pick(flags.seed, 'SEED') ?? 1, '--seed', 0, 2 ** 32 - 1),
    adminApiKey: pick(flags.adminApiKey, 'ADMIN_API_KEY'),
    validateResponses: flags.validateResponses === true || isOn(env.CRMKIT_VALIDATE_RESPONSES),
    bodyLimit: opt(pick(flags.bodyLimit, 'BODY_LIMIT'), parseSize),
    maxRecords: opt(pick(flags.maxRecords, 'MAX_RECORDS'), (v) => integer(v, '--max-records', 1, 1e7)),
    maxStateBytes: opt(pick(flags.maxStateSize, 'MAX_STATE_SIZE'), (v) =>
      checkStateSize(parseSize(v, '--max-state-size'), api === undefined ? API_IDS.length : 1),
    ),
    control: explicit ?? loopback,
    controlNotice:
      explicit === undefined && !loopback
        ? `crmkit: control endpoints are off because ${host} is not a loopback address (add --control to turn them on)`
        : undefined,
    faults: faultsOf(flags.fault ?? env.CRMKIT_FAULT?.split(/[;\n]/)),
    stateFile: opt(pick(flags.stateFile, 'STATE_FILE'), (v) => resolve(String(v))),
    fixturesDir: opt(pick(flags.fixturesDir, 'FIXTURES_DIR'), (v) => resolve(String(v))),
    plutioPeople: opt(pick(flags.plutioPeople, 'PLUTIO_PEOPLE'), (v) => integer(v, '--plutio-people', 0, 1e7)),
    plutioRateLimit: opt(pick(flags.plutioRateLimit, 'PLUTIO_RATE_LIMIT'), (v) =>
      integer(v, '--plutio-rate-limit', 0, 1e9),
    ),
    plutioClientId: pick(flags.plutioClientId, 'PLUTIO_CLIENT_ID'),
    plutioClientSecret: pick(flags.plutioClientSecret, 'PLUTIO_CLIENT_SECRET'),
    plutioBusiness: pick(flags.plutioBusiness, 'PLUTIO_BUSINESS'),
    plutioTokenTtl: opt(pick(flags.plutioTokenTtl, 'PLUTIO_TOKEN_TTL'), (v) =>
      integer(v, '--plutio-token-ttl', 1, 31_536_000),
    ),
  };
}

function envSwitch(env: NodeJS.ProcessEnv): boolean | undefined {
  if (isOn(env.CRMKIT_NO_CONTROL) || isOff(env.CRMKIT_CONTROL)) return false;
  if (isOn(env.CRMKIT_CONTROL)) return true;
  return undefined;
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
