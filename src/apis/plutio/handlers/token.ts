import type { operations } from '../../../generated/plutio.js';
import type { OperationHandler } from '../../../server/typed-handlers.js';
import type { PlutioDomain } from '../domain/index.js';
import { oauthBody, PlutioApiError, toApiError } from '../errors.js';
import type { PlutioGate, PlutioPrincipal } from '../gate.js';
import type { TOKEN_OPERATION } from '../render-error.js';

const FORM = 'application/x-www-form-urlencoded';

/**
 * The token call's handler. Its body is whatever form arrived (`plutioInvalidBody` lets every body of this call
 * through, so that the domain answers missing or wrong fields with `oauth2-server`'s errors).
 */
type TokenHandler = OperationHandler<operations[typeof TOKEN_OPERATION], PlutioDomain, PlutioPrincipal, unknown>;

/**
 * `POST /oauth/token`: the client-credentials grant. Only a form-encoded body is read (a JSON body gets 400
 * `invalid_request`, as on the live API); credentials are checked before the grant type, as `oauth2-server` does.
 * The `Business` header is ignored here. A call with valid credentials counts against the application's hourly
 * limit before the token is issued.
 * @see docs/sources.md#plutio-token — token request and response; docs/sources.md#plutio-oauth-errors — errors.
 */
export function tokenHandler(gate: PlutioGate): TokenHandler {
  return (ctx) => {
    if (ctx.mediaType !== FORM) {
      throw new PlutioApiError(oauthBody('Invalid request: content must be application/x-www-form-urlencoded'));
    }
    const fields = isFields(ctx.body) ? ctx.body : {};
    const domain = ctx.state;
    const now = domain.now();
    try {
      const app = domain.auth.apps.find(
        (a) => a.clientId === fields.client_id && a.clientSecret === fields.client_secret,
      );
      if (app) gate.count(app.clientId, now);
      return { status: 200, body: domain.auth.issueToken(fields, now) };
    } catch (err) {
      throw toApiError(err);
    }
  };
}

/** Whether a decoded body is an object of form fields. */
function isFields(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null;
}
