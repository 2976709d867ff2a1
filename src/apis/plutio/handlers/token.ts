import type { Handler, HandlerResult } from '../../../server/types.js';
import type { PlutioDomain } from '../domain/index.js';
import { oauthBody, PlutioApiError, toApiError } from '../errors.js';
import type { PlutioGate } from '../gate.js';

const FORM = 'application/x-www-form-urlencoded';

/**
 * `POST /oauth/token`: the client-credentials grant. Only a form-encoded body is read (a JSON body gets 400
 * `invalid_request`, as on the live API); credentials are checked before the grant type, as `oauth2-server` does.
 * The `Business` header is ignored here. A call with valid credentials counts against the application's hourly
 * limit before the token is issued.
 * @see docs/sources.md#plutio-token — token request and response; docs/sources.md#plutio-oauth-errors — errors.
 */
export function tokenHandler(gate: PlutioGate): Handler<PlutioDomain> {
  return (ctx): HandlerResult => {
    if (ctx.mediaType !== FORM) {
      throw new PlutioApiError(oauthBody('Invalid request: content must be application/x-www-form-urlencoded'));
    }
    const fields = (ctx.body ?? {}) as Record<string, unknown>;
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
