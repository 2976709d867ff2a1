import { API_IDS, type ApiId, isApiId } from '../spec/load.js';

/** Flags of `crmkit serve`, as commander parses them (strings where the user typed text). */
export interface ServeFlags {
  host?: string;
  port?: string;
  api?: string;
  seed?: string;
  adminApiKey?: string;
  validateResponses?: boolean;
  bodyLimit?: string;
  control?: boolean;
  plutioPeople?: string;
  plutioRateLimit?: string;
}

/** `crmkit serve` settings after flags, `CRMKIT_*` variables and defaults are combined. */
export interface ServeSettings {
  host: string;
  port: number;
  api: ApiId | undefined;
  seed: number;
  adminApiKey: string | undefined;
  validateResponses: boolean;
  bodyLimit: number | undefined;
  control: boolean;
  plutioPeople: number | undefined;
  plutioRateLimit: number | undefined;
}

/**
 * Combines flags with their `CRMKIT_<FLAG>` variables (flag wins): `CRMKIT_HOST`, `CRMKIT_PORT`, `CRMKIT_API`,
 * `CRMKIT_SEED`, `CRMKIT_ADMIN_API_KEY`, `CRMKIT_VALIDATE_RESPONSES`, `CRMKIT_BODY_LIMIT`, `CRMKIT_PLUTIO_PEOPLE`,
 * `CRMKIT_PLUTIO_RATE_LIMIT`, and `CRMKIT_CONTROL=0` (or `CRMKIT_NO_CONTROL=1`) for `--no-control`. Throws with a
 * readable message on a bad value.
 */
export function resolveServeSettings(flags: ServeFlags, env: NodeJS.ProcessEnv = process.env): ServeSettings {
  const pick = (flag: string | undefined, name: string) => flag ?? env[`CRMKIT_${name}`];
  const api = pick(flags.api, 'API');
  if (api !== undefined && !isApiId(api)) throw new Error(`--api must be one of ${API_IDS.join(', ')}`);
  const controlOff = flags.control === false || isOff(env.CRMKIT_CONTROL) || isOn(env.CRMKIT_NO_CONTROL);
  const bodyLimit = pick(flags.bodyLimit, 'BODY_LIMIT');
  const people = pick(flags.plutioPeople, 'PLUTIO_PEOPLE');
  const rateLimit = pick(flags.plutioRateLimit, 'PLUTIO_RATE_LIMIT');
  return {
    host: pick(flags.host, 'HOST') ?? '127.0.0.1',
    port: integer(pick(flags.port, 'PORT') ?? '4010', '--port', 0, 65535),
    api,
    seed: integer(pick(flags.seed, 'SEED') ?? '1', '--seed', 0, 2 ** 32 - 1),
    adminApiKey: pick(flags.adminApiKey, 'ADMIN_API_KEY'),
    validateResponses: flags.validateResponses === true || isOn(env.CRMKIT_VALIDATE_RESPONSES),
    bodyLimit: bodyLimit === undefined ? undefined : parseSize(bodyLimit),
    control: !controlOff,
    plutioPeople: people === undefined ? undefined : integer(people, '--plutio-people', 0, 10_000_000),
    plutioRateLimit: rateLimit === undefined ? undefined : integer(rateLimit, '--plutio-rate-limit', 0, 1_000_000_000),
  };
}

/** Parses a byte size: `1048576`, `512kb`, `1mb`. */
export function parseSize(text: string): number {
  const m = /^\s*(\d+)\s*(b|kb|k|mb|m)?\s*$/i.exec(text);
  if (!m) throw new Error(`--body-limit: "${text}" is not a size (e.g. 1048576, 512kb, 1mb)`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
  return Number(m[1]) * factor;
}

function integer(text: string, flag: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${flag} must be an integer from ${min} to ${max}`);
  return n;
}

function isOn(v: string | undefined): boolean {
  return v !== undefined && /^(1|true|yes|on)$/i.test(v.trim());
}

function isOff(v: string | undefined): boolean {
  return v !== undefined && /^(0|false|no|off)$/i.test(v.trim());
}
