import type { ApiSetting, ModuleOptions } from '../../server/types.js';
import { withDefaultLimits } from '../../store/limits.js';
import {
  DEFAULT_APPS,
  DEFAULT_TOKEN_TTL_SECONDS,
  type PlutioAppConfig,
  type PlutioDomainOptions,
} from './domain/index.js';

/**
 * Plutio's own options: the default application (`plutioClientId`, `plutioClientSecret`, `plutioBusiness`), the
 * token lifetime (`plutioTokenTtl`), the rate limit and the people count. Each unset credential or lifetime falls
 * back to its `CRMKIT_PLUTIO_*` variable (`CRMKIT_PLUTIO_CLIENT_ID`, `CRMKIT_PLUTIO_CLIENT_SECRET`,
 * `CRMKIT_PLUTIO_BUSINESS`, `CRMKIT_PLUTIO_TOKEN_TTL`), then to the documented default (`crmkit-client` /
 * `crmkit-secret` for `acme`, 3600 s).
 */
export type PlutioOptions = {
  /** Grow the seeded `people` of the default business to this many records. */
  plutioPeople?: number;
  /** Calls per client and hour before 429; 0 turns the limit off; undefined = the default 1000. */
  plutioRateLimit?: number;
  /** Client id of the default application. */
  plutioClientId?: string;
  /** Its client secret. */
  plutioClientSecret?: string;
  /** Its business, a subdomain label. */
  plutioBusiness?: string;
  /** Access-token lifetime in seconds. */
  plutioTokenTtl?: number;
};

/** What the Plutio module is built from: the options every module gets and Plutio's own. */
export type PlutioModuleOptions = ModuleOptions & PlutioOptions;

/** Plutio's flags of `crmkit serve` (each with its `CRMKIT_PLUTIO_*` variable and config-file key). */
export const PLUTIO_SETTINGS: readonly ApiSetting<PlutioOptions>[] = [
  {
    flags: '--plutio-people <n>',
    key: 'plutioPeople',
    description: 'Plutio: grow the seeded people to n records',
    integer: { min: 0, max: 1e7 },
  },
  {
    flags: '--plutio-rate-limit <n>',
    key: 'plutioRateLimit',
    description: 'Plutio: calls per client and hour before 429 (default 1000, 0 = no limit)',
    integer: { min: 0, max: 1e9 },
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
    integer: { min: 1, max: 31_536_000 },
  },
];

/** Resolved Plutio settings: what the domain is built with, plus the default application for the start-up lines. */
export interface PlutioSettings {
  domain: PlutioDomainOptions;
  /** The application the flags configure (the first one); its business is the default business. */
  defaultApp: PlutioAppConfig;
  apps: PlutioAppConfig[];
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Combines the module options with the `CRMKIT_PLUTIO_*` variables (an option wins over its variable) and the
 * defaults. `plutioRateLimit: 0` turns rate limiting off; `plutioPeople` grows the people of the default business.
 * @throws Error with a readable message for an empty credential, a business slug that is not a subdomain label, or
 *   a token lifetime that is not a positive integer.
 */
export function resolvePlutioSettings(
  options: PlutioModuleOptions,
  env: NodeJS.ProcessEnv = process.env,
): PlutioSettings {
  const [first, ...others] = DEFAULT_APPS;
  const clientId = text(options.plutioClientId ?? env.CRMKIT_PLUTIO_CLIENT_ID, '--plutio-client-id', first?.clientId);
  const clientSecret = text(
    options.plutioClientSecret ?? env.CRMKIT_PLUTIO_CLIENT_SECRET,
    '--plutio-client-secret',
    first?.clientSecret,
  );
  const business = slug(options.plutioBusiness ?? env.CRMKIT_PLUTIO_BUSINESS, first?.businesses[0] ?? 'acme');
  const ttl = options.plutioTokenTtl ?? env.CRMKIT_PLUTIO_TOKEN_TTL;
  const defaultApp: PlutioAppConfig = { clientId, clientSecret, businesses: [business] };
  const apps = [defaultApp, ...others.filter((a) => a.clientId !== clientId)];
  const limit = options.plutioRateLimit;
  const domain: PlutioDomainOptions = {
    apps,
    seed: options.seed,
    tokenTtlSeconds: ttl === undefined ? DEFAULT_TOKEN_TTL_SECONDS : positive(ttl, '--plutio-token-ttl'),
    rateLimit: limit === undefined ? undefined : { limit: limit === 0 ? Number.POSITIVE_INFINITY : limit },
    people: options.plutioPeople === undefined ? undefined : { [business]: options.plutioPeople },
    limits: withDefaultLimits(options.limits),
  };
  return { domain, defaultApp, apps };
}

function text(value: string | undefined, flag: string, fallback: string | undefined): string {
  const v = value ?? fallback;
  if (v === undefined || v.trim() === '') throw new Error(`${flag} must not be empty`);
  return v;
}

function slug(value: string | undefined, fallback: string): string {
  const v = (value ?? fallback).trim().toLowerCase();
  if (!SLUG.test(v)) throw new Error(`--plutio-business must be a subdomain label such as acme, got "${value}"`);
  return v;
}

function positive(value: number | string, flag: string): number {
  const n = typeof value === 'number' ? value : Number(value.trim());
  if (!Number.isInteger(n) || n < 1 || (typeof value === 'string' && value.trim() === '')) {
    throw new Error(`${flag} must be a positive whole number of seconds, got "${value}"`);
  }
  return n;
}
