import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { OpenApiDocument } from '../spec/load.js';
import type { StoreLimits } from '../store/limits.js';
import type { ValidationIssue } from './ajv.js';
import type { ApiError } from './errors.js';
import type { OperationInfo } from './operations.js';
import type { RawQuery } from './query.js';

/** Wire format of a request, from the URL suffix (`.json`, `.xml`) or fixed (`json`) for APIs without one. */
export type Format = 'json' | 'xml';

/** A finished HTTP response. A body-less response gets no Content-Type unless `headers` says so. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/**
 * What a handler returns: plain data, never a socket write. `body` is the JSON-shaped value (the pipeline renders
 * it as JSON, or as XML through the operation's XML schema); a string or Buffer body is sent as is and then needs a
 * `Content-Type` in `headers`.
 */
export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * The body to render when the request asked for XML, in the same JSON shape as `body` (resource key included),
   * for APIs whose XML form differs from the JSON one in more than syntax (e.g. a list that XML joins into one
   * text). Used for XML serialisation and for XML response validation; ignored for JSON.
   */
  xmlBody?: unknown;
}

/** What the pipeline knows about a request before routing. */
export interface RequestInfo {
  req: IncomingMessage;
  /** Upper-case method (`HEAD` is served by the GET operation). */
  method: string;
  /** Path below the API's base path, still percent-encoded, without query string (e.g. `/projects/2.json`). */
  path: string;
  /** The raw query string without `?` (`''` when there is none). */
  search: string;
  rawQuery: RawQuery;
  headers: IncomingHttpHeaders;
  /** Absolute URL of the API root from the request's Host header, e.g. `http://127.0.0.1:4010/crm`. */
  baseUrl: string;
}

/** A routed request, as `authenticate` sees it: the body is parsed but not yet validated. */
export interface RoutedRequest extends RequestInfo {
  operation: OperationInfo;
  format: Format;
  /** Path parameters as matched (strings). */
  pathParams: Record<string, string>;
  /** Parsed body in JSON shape, or undefined when the request had none. */
  body: unknown;
  /** What `beforeRoute` returned for this request (awaited), e.g. the caller it identified; undefined without it. */
  checked: unknown;
}

/** Everything a handler gets. */
export interface HandlerContext<State = unknown, Principal = unknown> extends RoutedRequest {
  operationId: string;
  /** Path parameters, validated and coerced to their schema types. */
  params: Record<string, unknown>;
  /** Declared query parameters, validated and coerced (undeclared ones stay in `rawQuery`). */
  query: Record<string, unknown>;
  /** Media type the body was read as (`application/json`, `application/xml`, `application/x-www-form-urlencoded`). */
  mediaType: string | undefined;
  /** What `authenticate` returned. */
  principal: Principal;
  state: State;
}

/** An operation handler, registered under its operationId. */
export type Handler<State = unknown, Principal = unknown> = (
  ctx: HandlerContext<State, Principal>,
) => HandlerResult | Promise<HandlerResult>;

/** Handlers by operationId; every operation of the document needs one, and no other key is allowed. */
export type HandlerMap<State = unknown, Principal = unknown> = Record<string, Handler<State, Principal>>;

/** What an error renderer knows; `operation` and `format` are missing when routing failed. */
export interface ErrorContext extends RequestInfo {
  operation?: OperationInfo;
  format?: Format;
}

/** How a module wants request bodies and parameters treated. */
export interface BodyPolicy {
  /**
   * How to read a body whose Content-Type is missing or not JSON, XML, form or multipart: `form` (Rails: a JSON body
   * without Content-Type becomes an empty form), `json`, or `reject` (415).
   */
  fallback: 'form' | 'json' | 'reject';
  /** Invalid query/header parameters: `reject` (400) or `ignore` (dropped, as Rails' `to_i` defaults do). */
  invalidParams: 'reject' | 'ignore';
}

/**
 * One API served by the reference server, built by its `ModuleFactory`. The server mounts each module at its
 * base path, compiles its routes from `document`, checks that `handlers` covers exactly the document's
 * operationIds, and runs every request through the same pipeline:
 *
 * beforeRoute → route (onNoRoute) → read and parse body → authenticate → validate parameters and body
 * (onInvalidBody) → handler → [response validation] → serialise → finalize.
 *
 * Any hook or handler may throw `ApiError`; `renderError` turns it into this API's real error response.
 */
export interface ApiModule<State = unknown, Principal = unknown> {
  /** Api id, e.g. `crm`. */
  readonly id: string;
  /** Base path when several APIs are served, e.g. `/crm` or `/crm/v2`. */
  readonly basePath: string;
  /** The bundled OpenAPI document (`dist/openapi/<id>.json`), not dereferenced. */
  readonly document: OpenApiDocument;
  readonly handlers: HandlerMap<State, Principal>;
  /** The module's live state, handed to handlers as `ctx.state`. */
  readonly state: State;
  readonly bodyPolicy: BodyPolicy;
  /** Renders an error as this API's real server would. */
  renderError(err: ApiError, ctx: ErrorContext): RawResponse;
  /** Identifies the caller; throws UNAUTHORIZED / FORBIDDEN / PRECONDITION_FAILED. Default: principal undefined. */
  authenticate?(req: RoutedRequest): Principal | Promise<Principal>;
  /**
   * Runs before routing (rate limits, tenant headers); throws to refuse the request. What it returns reaches
   * `authenticate` as `RoutedRequest.checked`, so that a check made before routing need not be made twice (nor the
   * request be used as a key of some side table: a WeakMap keyed by requests keeps them alive through young-generation
   * collections and fills the old generation with garbage under load).
   */
  beforeRoute?(info: RequestInfo): unknown;
  /** The error for a path no operation matches; `hasPath` probes the router. Default: ROUTE_NOT_FOUND. */
  onNoRoute?(info: RequestInfo, hasPath: (path: string) => boolean): ApiError;
  /**
   * Called when the body breaks its schema. Return the body to continue with (the handler then runs) or throw an
   * ApiError. Default: BAD_REQUEST with the issues as details.
   */
  onInvalidBody?(issues: ValidationIssue[], body: unknown, req: RoutedRequest): unknown;
  /**
   * Opt-in cache of successful GET answers. `key` names everything besides the URL and the state that the answer
   * depends on (the caller's identity, headers that shape the answer), or undefined to skip caching;
   * `version` changes whenever the state does. An answer is reused only for the same operation, format, URL, key
   * and version, and only when its handler wrote nothing.
   */
  responseCache?: {
    key(ctx: HandlerContext<State, Principal>): string | undefined;
    version(): number;
  };
  /** Last look at every response of this API (common headers, rate-limit headers). */
  finalize?(res: RawResponse, ctx: ErrorContext): void;
  /** Puts the state back to its seeded content. */
  reset(): void;
  /** A JSON-ready snapshot of the state. */
  exportState(): unknown;
  /** Replaces the state with a snapshot from `exportState`; throws (changing nothing) when it is malformed. */
  importState(snapshot: unknown): void;
  /** Lines printed under the API's URL at start-up (credentials); `baseUrl` is that URL. */
  startupInfo(baseUrl?: string): string[];
  /** How the docs' console signs in (`/docs/mock.json`); without it, the API is left out there. */
  consoleAuth?(): ConsoleAuth;
}

/** A module of any state and principal type, as the server stores them. */
// biome-ignore lint/suspicious/noExplicitAny: modules differ in state and principal types.
export type AnyApiModule = ApiModule<any, any>;

/** What every API module is built with, whichever API it is. */
export interface ModuleOptions {
  /** Seed of the generated data; the same seed gives the same data. */
  seed: number;
  /** Where the module is mounted (`/crm`, or `''` at the root). */
  basePath: string;
  /**
   * Records per collection and bytes of stored records per API (`--max-records`, `--max-state-size`); default
   * `DEFAULT_MAX_RECORDS` and `DEFAULT_MAX_STATE_BYTES` of `src/store`.
   */
  limits?: StoreLimits;
}

/** Builds one API module from the common options and the API's own (`Options`). */
export type ModuleFactory<Options extends object = object> = (options: ModuleOptions & Options) => AnyApiModule;

/**
 * One setting of an API's own options that the command line, a `CRMKIT_*` variable and a config file can give.
 * `key` is the option's name and the flag's camelCase name: the config-file key, and after `CRMKIT_` in upper
 * snake case the variable (`crmTokenTtl` → `CRMKIT_CRM_TOKEN_TTL`).
 */
export interface ApiSetting<Options extends object = Record<string, unknown>> {
  /** The flag with its value name, e.g. `--crm-people <n>`. */
  flags: string;
  key: keyof Options & string;
  /** The help text of the flag. */
  description: string;
  /** A whole number from `min` to `max`; text without it. */
  integer?: { min: number; max: number };
}

/**
 * How a client signs in to an API, as the docs' "Try it" console is told (`/docs/mock.json`): `auth` is the
 * JSON-ready description (`type`, the document's security `scheme`, and what the console sends). A client on
 * another machine is not given the `secret` field unless every field of `defaults` has its documented value.
 */
export interface ConsoleAuth {
  auth: { readonly type: string; readonly scheme: string; readonly [field: string]: string };
  secret: string;
  defaults: Readonly<Record<string, string>>;
}
