import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import { type RedmineAuth, redmineAuthMiddleware } from './redmine-auth.js';
import type { JsonOnly, WithDefaultParam } from './typing.js';

/**
 * The `paths` of a Redmine-family API as its typed client sees them: JSON bodies only, and the `{format}` path
 * parameter optional (the client always sends `json`).
 */
export type RedmineFamilyPaths<Paths> = WithDefaultParam<JsonOnly<Paths>, 'path', 'format', 'json'>;

/** A typed openapi-fetch client of a Redmine-family API. */
export type RedmineFamilyClient<Paths> = Client<RedmineFamilyPaths<Paths>>;

/**
 * Options of the Redmine-family clients: where the API lives, who calls it, and any openapi-fetch client option
 * (`fetch`, `headers`, `signal`…). `baseUrl` is the Redmine root, e.g. `https://example.plan.io` or a crmkit mount
 * such as `http://127.0.0.1:4010/planio`.
 */
export type RedmineFamilyClientOptions = Omit<ClientOptions, 'baseUrl'> & RedmineAuth & { baseUrl: string };

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

type Init = { params?: { path?: Record<string, unknown> } } & Record<string, unknown>;
type Call = (url: string, init?: Init) => Promise<unknown>;

/** `init` with `params.path.format` set to `json`, the only format these clients speak. */
function withJsonFormat(init: Init | undefined): Init {
  return { ...init, params: { ...init?.params, path: { ...init?.params?.path, format: 'json' } } };
}

/**
 * Creates a typed client for one Redmine-family API (`Paths` is the `paths` type of `src/generated/<api>.ts`). It is
 * openapi-fetch's client with two additions: every call gets the `.json` suffix (the `{format}` path parameter may be
 * left out) and the credentials of `options` as headers. JSON only: for the XML representation use `fetch` with a
 * `.xml` URL.
 */
export function createRedmineFamilyClient<Paths>(options: RedmineFamilyClientOptions): RedmineFamilyClient<Paths> {
  const { apiKey, username, password, switchUser, ...clientOptions } = options;
  const auth = { apiKey, username, password, switchUser } as RedmineAuth;
  const client = createClient<RedmineFamilyPaths<Paths>>({
    querySerializer: { array: { style: 'form', explode: false } },
    ...clientOptions,
  });
  client.use(redmineAuthMiddleware(auth));
  const raw = client as unknown as Record<string, Call> & {
    request(method: string, url: string, init?: Init): Promise<unknown>;
  };
  const wrapped: Record<string, unknown> = { ...client };
  for (const method of METHODS) {
    const call = raw[method]!;
    wrapped[method] = (url: string, init?: Init) => call(url, withJsonFormat(init));
  }
  wrapped.request = (method: string, url: string, init?: Init) => raw.request(method, url, withJsonFormat(init));
  return wrapped as unknown as RedmineFamilyClient<Paths>;
}
