import type { ConsoleAuth } from '../../server/types.js';
import { DEFAULT_APPS, type PlutioAppConfig, type PlutioDomain } from './domain/index.js';
import { TOKEN_PATH } from './gate.js';

/**
 * The start-up lines under the API's URL: where to get a token, each application's credentials and businesses,
 * and the rate limit. With `baseUrl` (the API's root URL) the token URL is absolute.
 */
export function plutioStartupInfo(domain: PlutioDomain, baseUrl?: string): string[] {
  const limit = domain.rateLimit.limit;
  return [
    `token:  POST ${baseUrl ?? '<URL above>'}${TOKEN_PATH} (form: client_id, client_secret, grant_type=client_credentials)`,
    ...domain.auth.apps.map(
      (app) => `client: ${app.clientId} / ${app.clientSecret}, Business: ${app.businesses.join(', ')}`,
    ),
    `limits: ${limit === Number.POSITIVE_INFINITY ? 'no rate limit' : `${limit} calls an hour per client`}, tokens last ${domain.auth.tokenTtlSeconds} s`,
  ];
}

/**
 * The docs' console signs in with the default application's client credentials, exchanged at the token path, in
 * its business. A client on another machine gets the secret only when both are the documented defaults.
 */
export function plutioConsoleAuth(app: PlutioAppConfig): ConsoleAuth {
  const documented = DEFAULT_APPS[0];
  return {
    auth: {
      type: 'oauth2',
      scheme: 'PlutioOAuth',
      tokenPath: TOKEN_PATH,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      business: app.businesses[0] ?? '',
    },
    secret: 'clientSecret',
    defaults: { clientId: documented?.clientId ?? '', clientSecret: documented?.clientSecret ?? '' },
  };
}
