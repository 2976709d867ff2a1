import { ApiError } from '../server/errors.js';
import type {
  ApiModule,
  ApiSetting,
  ConsoleAuth,
  Handler,
  HandlerContext,
  HandlerMap,
  HandlerResult,
  ModuleOptions,
} from '../server/types.js';
import type { OpenApiDocument } from '../spec/load.js';
import { StoreLimitError } from '../store/limits.js';
import { authenticateRedmine } from './auth.js';
import { ADMIN_LOGIN, DEFAULT_ADMIN_API_KEY, JSMITH_API_KEY, JSMITH_LOGIN, JSMITH_PASSWORD } from './credentials.js';
import { renderRedmineError } from './errors.js';
import { redmineFinalize, redmineNoRoute } from './http.js';
import { redmineInvalidBody } from './input.js';
import type { RedminePrincipal } from './principal.js';
import type { RedmineFamilyState } from './state.js';

/** The context a Redmine-family handler gets. */
export type FamilyContext<S extends RedmineFamilyState = RedmineFamilyState> = HandlerContext<S, RedminePrincipal>;

/** A Redmine-family handler. */
export type FamilyHandler<S extends RedmineFamilyState = RedmineFamilyState> = Handler<S, RedminePrincipal>;

/** A Redmine-family handler map. */
export type FamilyHandlers<S extends RedmineFamilyState = RedmineFamilyState> = HandlerMap<S, RedminePrincipal>;

/** The options every Redmine-family API takes besides those of every module. */
export type RedmineFamilyOptions = {
  /** Overrides the seeded administrator's API key. */
  adminApiKey?: string;
};

/** What a Redmine-family module is built from. */
export type RedmineFamilyModuleOptions = ModuleOptions & RedmineFamilyOptions;

/** The family's flags of `crmkit serve` (one value for every family API served). */
export const REDMINE_FAMILY_SETTINGS: readonly ApiSetting<RedmineFamilyOptions>[] = [
  { flags: '--admin-api-key <key>', key: 'adminApiKey', description: 'API key of the seeded Redmine-family admin' },
];

/** What a Redmine-family API provides; the family supplies auth, errors, routing quirks and state plumbing. */
export interface FamilyModuleSpec<S extends RedmineFamilyState> {
  id: string;
  basePath: string;
  document: OpenApiDocument;
  /** Seeded already, or seeded here when `reset` has not been called yet. */
  state: S;
  handlers: FamilyHandlers<S>;
}

/**
 * Builds an API module with Redmine's conventions: API key / Basic / switch-user authentication, empty-bodied
 * 401/403/404/412, `{"errors": [...]}` 422, 406 for a missing `.json`/`.xml` suffix, the HTML 404 page, Rails
 * response headers, bodies without Content-Type read as forms, `to_i`-style tolerance of bad query values, and a
 * response cache for GETs keyed by caller and invalidated by any write to the state (handlers must render only
 * from the URL, the caller, `X-Redmine-Nometa` and the state for this to hold).
 * Planio and RedmineUP build their modules with it, spreading `redmineCoreHandlers` into their handler maps.
 */
export function createRedmineFamilyModule<S extends RedmineFamilyState>(
  spec: FamilyModuleSpec<S>,
): ApiModule<S, RedminePrincipal> {
  const { state } = spec;
  if (state.users.size === 0) state.reset();
  return {
    id: spec.id,
    basePath: spec.basePath,
    document: spec.document,
    handlers: refusingBeyondLimits(spec.handlers),
    state,
    bodyPolicy: { fallback: 'form', invalidParams: 'ignore' },
    renderError: renderRedmineError,
    authenticate: (req) => authenticateRedmine(state, req),
    onNoRoute: redmineNoRoute,
    onInvalidBody: redmineInvalidBody,
    finalize: redmineFinalize,
    responseCache: {
      version: () => state.db.version,
      key: (ctx) => {
        const { user, switchedBy } = ctx.principal;
        return `${user?.id ?? 0}:${switchedBy?.id ?? 0}:${ctx.headers['x-redmine-nometa'] === undefined ? 0 : 1}`;
      },
    },
    reset: () => state.reset(),
    exportState: () => state.export(),
    importState: (snapshot) => state.import(snapshot),
    startupInfo: () => {
      const admin = state.users.find((u) => u.admin);
      return [
        `admin: ${admin?.login ?? 'admin'} / ${admin?.password ?? 'admin'}, API key ${admin?.api_key ?? '?'}`,
        `user:  ${JSMITH_LOGIN} / ${JSMITH_PASSWORD}, API key ${JSMITH_API_KEY}`,
      ];
    },
    consoleAuth: () => consoleAuth(state.options.adminApiKey),
  };
}

/** The docs' console signs in with the administrator's API key (the one the state was seeded with). */
function consoleAuth(adminApiKey: string | undefined): ConsoleAuth {
  return {
    auth: {
      type: 'apiKey',
      scheme: 'ApiKeyHeader',
      header: 'X-Redmine-API-Key',
      apiKey: adminApiKey ?? DEFAULT_ADMIN_API_KEY,
      login: ADMIN_LOGIN,
    },
    secret: 'apiKey',
    defaults: { apiKey: DEFAULT_ADMIN_API_KEY },
  };
}

/**
 * The handlers, with a write refused by the state's limits (`--max-records`, `--max-state-size`) answered as Redmine
 * answers a record it cannot save: 422 `{"errors": ["Contacts cannot hold more than 10000 records (--max-records)"]}`.
 * The write changed nothing (the store checks before it stores).
 */
function refusingBeyondLimits<S extends RedmineFamilyState>(handlers: FamilyHandlers<S>): FamilyHandlers<S> {
  const out: FamilyHandlers<S> = {};
  for (const [operationId, handler] of Object.entries(handlers)) {
    out[operationId] = (ctx) => {
      let result: HandlerResult | Promise<HandlerResult>;
      try {
        result = handler(ctx);
      } catch (err) {
        throw asValidation(err);
      }
      return result instanceof Promise
        ? result.catch((err: unknown) => {
            throw asValidation(err);
          })
        : result;
    };
  }
  return out;
}

function asValidation(err: unknown): unknown {
  return err instanceof StoreLimitError ? ApiError.validation([err.message]) : err;
}
