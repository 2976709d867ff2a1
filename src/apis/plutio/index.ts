import type { ApiModule } from '../../server/types.js';
import { loadBundledSpec } from '../../spec/load.js';
import { createPlutioDomain, type PlutioDomain } from './domain/index.js';
import { methodNotAllowed } from './errors.js';
import { PlutioGate, type PlutioPrincipal } from './gate.js';
import { plutioHandlers } from './handlers/index.js';
import { plutioInvalidBody } from './invalid-body.js';
import { renderPlutioError } from './render-error.js';
import { type PlutioModuleOptions, resolvePlutioSettings } from './settings.js';
import { plutioConsoleAuth, plutioStartupInfo } from './startup.js';
import { plutioStateCheck } from './state.js';

export type { PlutioPrincipal } from './gate.js';
export { PLUTIO_SETTINGS, type PlutioModuleOptions, type PlutioOptions, resolvePlutioSettings } from './settings.js';

/**
 * The `plutio` API: Plutio v1.8 at `/plutio/v1.8`. `POST /oauth/token` trades an application's client id and secret
 * (form fields) for a bearer token; every other call needs `Authorization: Bearer <token>` and a `Business` header
 * naming a workspace of that application, and counts against the application's hourly limit. The 37 resource
 * groups of the v1.8 index are served from one in-memory workspace per business (`acme`, `globex`), seeded from
 * `options.seed`. Unknown routes and verbs answer 403 `Method not allowed`; every error is a JSON
 * `{statusCode, code, message}`.
 */
export function createPlutioModule(options: PlutioModuleOptions): ApiModule<PlutioDomain, PlutioPrincipal> {
  const settings = resolvePlutioSettings(options);
  const document = loadBundledSpec('plutio');
  const domain = createPlutioDomain(settings.domain);
  for (const business of domain.businesses) domain.workspaceFor(business);
  const gate = new PlutioGate(domain);
  const checkState = plutioStateCheck(document);
  return {
    id: 'plutio',
    basePath: '/plutio/v1.8',
    document,
    handlers: plutioHandlers(document, gate),
    state: domain,
    bodyPolicy: { fallback: 'json', invalidParams: 'ignore' },
    renderError: renderPlutioError,
    beforeRoute: (info) => gate.check(info),
    authenticate: (req) => gate.principalOf(req) as PlutioPrincipal,
    onNoRoute: () => methodNotAllowed(),
    onInvalidBody: plutioInvalidBody,
    reset: () => domain.reset(),
    exportState: () => domain.exportState(),
    importState: (snapshot) => {
      checkState(snapshot);
      domain.importState(snapshot);
    },
    startupInfo: (baseUrl?: string) => plutioStartupInfo(domain, baseUrl),
    consoleAuth: () => plutioConsoleAuth(settings.defaultApp),
  };
}
