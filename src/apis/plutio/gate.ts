import type { RequestInfo, RoutedRequest } from '../../server/types.js';
import type { PlutioApp, PlutioDomain, Workspace } from './domain/index.js';
import { toApiError } from './errors.js';

/** Who is calling: the application of the bearer token, and the business (workspace) its `Business` header names. */
export interface PlutioPrincipal {
  app: PlutioApp;
  business: string;
  workspace: Workspace;
}

/** Path of the token call, the one call without a bearer token or `Business` header. */
export const TOKEN_PATH = '/oauth/token';

/**
 * The checks every resource call passes before routing, in the order of an API behind OAuth middleware: a valid
 * bearer token (401), a `Business` header the application is enabled for (400), then the application's hourly
 * call budget (429). Unknown routes are checked too, so a caller without a token learns that first.
 */
export class PlutioGate {
  constructor(private readonly domain: PlutioDomain) {}

  /**
   * `beforeRoute`: authorises and counts the call. Returns the principal, which the pipeline hands to
   * {@link principalOf} (undefined for the token call).
   */
  check(info: RequestInfo): PlutioPrincipal | undefined {
    if (info.path === TOKEN_PATH) return undefined;
    const { domain } = this;
    const now = domain.now();
    try {
      const business = info.headers.business;
      const { app, business: slug } = domain.auth.authorize(
        info.headers.authorization,
        Array.isArray(business) ? business[0] : business,
        now,
      );
      this.count(app.clientId, now);
      return { app, business: slug, workspace: domain.workspaceFor(slug) };
    } catch (err) {
      throw toApiError(err);
    }
  }

  /** `authenticate`: the principal {@link check} found (undefined on the token call). */
  principalOf(req: RoutedRequest): PlutioPrincipal | undefined {
    return req.checked as PlutioPrincipal | undefined;
  }

  /**
   * Counts one call of an application against its hourly limit.
   * @throws PlutioApiError 429 when the budget is spent, with `Retry-After`: the seconds until the window refills.
   *   The real API documents no rate-limit header; `Retry-After` is the mock's addition, to let clients test their
   *   back-off.
   */
  count(clientId: string, now: Date): void {
    const { rateLimit } = this.domain;
    if (rateLimit.limit === Number.POSITIVE_INFINITY) return;
    const decision = rateLimit.hit(clientId, now);
    if (decision.allowed) return;
    const headers = { 'retry-after': String(decision.retryAfterSeconds) };
    try {
      rateLimit.consume(clientId, now); // refused again (refusals do not count): gives the domain's 429
    } catch (err) {
      throw toApiError(err, headers);
    }
  }
}
