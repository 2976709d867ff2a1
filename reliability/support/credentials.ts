/** The documented seeded credentials of the reference server (see the README and the start-up banner). */
export const ADMIN_KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
export const JSMITH_KEY = 'beef0000beef0000beef0000beef0000beef0000';
/** Plutio applications: `crmkit-client` may use business `acme`, `globex-client` business `globex`. */
export const PLUTIO_APPS = {
  acme: { clientId: 'crmkit-client', clientSecret: 'crmkit-secret', business: 'acme' },
  globex: { clientId: 'globex-client', clientSecret: 'globex-secret', business: 'globex' },
} as const;

/** `Authorization: Basic …` for a login and password. */
export function basic(login: string, password: string): string {
  return `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
}
