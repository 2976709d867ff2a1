import { findTokenOperation, needsToken, tokenFrom } from '../support/auth.js';
import type { Credentials } from '../support/credentials.js';
import type { Scenario } from '../support/scenario.js';
import type { ApiSpec } from '../support/spec-model.js';

/** Name of the scenario that obtains the OAuth2 token; the runner reads `token` from its captures. */
export const AUTH_SCENARIO = 'authentication';

/**
 * For documents secured by OAuth2 client credentials (Plutio): one call to the token operation with the run's
 * client id and secret as a form body, capturing the access token for every later request. Undefined for documents
 * without a token scheme.
 */
export function authenticationScenario(spec: ApiSpec, creds: Credentials): Scenario | undefined {
  if (!needsToken(spec)) return undefined;
  const op = findTokenOperation(spec);
  if (!op) return undefined;
  const missing = !creds.clientId || !creds.clientSecret;
  const form = op.operation.requestBody?.content?.['application/x-www-form-urlencoded'];
  return {
    name: AUTH_SCENARIO,
    kind: 'operation',
    notApplicable: missing
      ? 'no client credentials (give --client-id and --client-secret, or CRMKIT_CLIENT_ID and CRMKIT_CLIENT_SECRET)'
      : undefined,
    steps: [
      {
        operationId: op.operationId,
        title: 'obtain an access token',
        anonymous: true,
        mediaType: form ? 'application/x-www-form-urlencoded' : undefined,
        body: { grant_type: 'client_credentials', client_id: creds.clientId, client_secret: creds.clientSecret },
        capture: (res) => ({ token: tokenFrom(res.value) }),
        expect: { check: (res) => (tokenFrom(res.value) ? undefined : 'token response carries no access token') },
      },
    ],
  };
}
