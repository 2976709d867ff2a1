import type { TargetKind } from './types.js';

/** Credentials a run may use; which ones matter depends on the document's security schemes. */
export interface Credentials {
  /** Redmine-family API key (`X-Redmine-API-Key` or `key`). */
  key?: string;
  /** Redmine-family login and password (HTTP Basic). */
  user?: string;
  password?: string;
  /** Plutio OAuth2 client credentials and business slug (`Business` header). */
  clientId?: string;
  clientSecret?: string;
  business?: string;
  /** Redmine-family API key of a second user who is not an administrator, for the documented 403 answers. */
  userKey?: string;
}

/** The reference server's seeded administrator, its non-administrator `jsmith` and default application. */
export const REFERENCE_CREDENTIALS: Required<Credentials> = {
  key: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00',
  user: 'admin',
  password: 'admin',
  clientId: 'crmkit-client',
  clientSecret: 'crmkit-secret',
  business: 'acme',
  userKey: 'beef0000beef0000beef0000beef0000beef0000',
};

/** The variable each credential falls back to when not given. */
export const CREDENTIAL_ENV: Readonly<Record<keyof Credentials, string>> = {
  key: 'CRMKIT_API_KEY',
  user: 'CRMKIT_USER',
  password: 'CRMKIT_PASSWORD',
  clientId: 'CRMKIT_CLIENT_ID',
  clientSecret: 'CRMKIT_CLIENT_SECRET',
  business: 'CRMKIT_BUSINESS',
  userKey: 'CRMKIT_USER_API_KEY',
};

/**
 * Resolves the credentials of a run: values given explicitly win, then the `CRMKIT_*` environment variables
 * (`CRMKIT_API_KEY`, `CRMKIT_USER`, `CRMKIT_PASSWORD`, `CRMKIT_CLIENT_ID`, `CRMKIT_CLIENT_SECRET`,
 * `CRMKIT_BUSINESS`, `CRMKIT_USER_API_KEY`). The reference server and Prism fall back to the reference server's seeded credentials (Prism
 * accepts any well-formed credentials); a live server gets nothing it was not given.
 */
export function resolveCredentials(
  given: Credentials,
  kind: TargetKind,
  env: NodeJS.ProcessEnv = process.env,
): Credentials {
  const out: Credentials = {};
  for (const name of Object.keys(CREDENTIAL_ENV) as (keyof Credentials)[]) {
    const value =
      given[name] ?? env[CREDENTIAL_ENV[name]] ?? (kind === 'live' ? undefined : REFERENCE_CREDENTIALS[name]);
    if (value !== undefined && value !== '') out[name] = value;
  }
  // A login given explicitly is meant to be used: do not let a default key shadow it.
  if (kind !== 'live' && given.user && !given.key && !env[CREDENTIAL_ENV.key]) delete out.key;
  return out;
}
