import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { ValidationIssue } from './ajv.js';
import { decodeBody } from './decode-body.js';
import { ApiError, type ErrorCode } from './errors.js';
import type { CompiledOperation, Mount } from './mount.js';
import { type OperationInfo, responseFor } from './operations.js';
import type { RawQuery } from './query.js';
import { hasNoBody, NO_BODY, readBody } from './read-body.js';
import { checkResult } from './response-check.js';
import { serializeResult } from './serialize.js';
import type { ErrorContext, Format, HandlerContext, RawResponse, RequestInfo, RoutedRequest } from './types.js';
import { settleBody } from './validate-body.js';
import { validateParams } from './validate-params.js';

/** Server-wide settings the pipeline needs. */
export interface PipelineOptions {
  bodyLimit: number;
  validateResponses: boolean;
  /** Called with each contract violation (handler result that breaks the spec). */
  onViolation(info: RequestInfo, operationId: string, status: number, issues: ValidationIssue[]): void;
  /** Called with unexpected exceptions (they become 500s). */
  onCrash(err: unknown): void;
}

/** The outcome of one API request. */
export interface PipelineResult {
  response: RawResponse;
  operationId: string | undefined;
}

/** Errors the pipeline raises itself, before or around the handler; they are not checked against the spec. */
const PIPELINE_CODES = new Set<ErrorCode>([
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'ROUTE_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'NOT_ACCEPTABLE',
  'RATE_LIMITED',
  'INTERNAL',
]);

/**
 * Runs one request through a mounted API: beforeRoute → route → body → authenticate → validate → handler →
 * response check → serialise, turning every `ApiError` into the module's error response and any other exception
 * into a logged 500. Never throws.
 */
export async function runPipeline(mount: Mount, info: RequestInfo, opts: PipelineOptions): Promise<PipelineResult> {
  const { module } = mount;
  let compiled: CompiledOperation | undefined;
  let format: Format | undefined;
  let response: RawResponse;
  try {
    const before = module.beforeRoute?.(info);
    const checked = isPromise(before) ? await before : before;
    let match = mount.router.match(info.method, info.path);
    if (match.kind !== 'found' && info.method === 'HEAD') match = mount.router.match('GET', info.path);
    if (match.kind === 'none')
      throw module.onNoRoute?.(info, (p) => mount.router.hasPath(p)) ?? new ApiError('ROUTE_NOT_FOUND');
    if (match.kind === 'method') {
      throw new ApiError('METHOD_NOT_ALLOWED', undefined, { headers: { allow: match.allowed.join(', ') } });
    }
    compiled = match.route;
    format = match.params.format === 'xml' ? 'xml' : 'json';
    response = await serve(mount, compiled, format, match.params, info, checked, opts);
  } catch (err) {
    response = renderFailure(mount, compiled, format, info, err, opts);
  }
  module.finalize?.(response, errorContext(info, compiled, format));
  return { response, operationId: compiled?.info.operationId };
}

async function serve(
  mount: Mount,
  compiled: CompiledOperation,
  format: Format,
  pathParams: Record<string, string>,
  info: RequestInfo,
  checked: unknown,
  opts: PipelineOptions,
): Promise<RawResponse> {
  const { module } = mount;
  const { info: op, validator } = compiled;
  // Awaited only when there is something to wait for: each await of a plain value costs a promise and a turn.
  const raw = hasNoBody(info.req) ? NO_BODY : await readBody(info.req, opts.bodyLimit);
  const decoded = decodeBody(raw, info.headers['content-type'], op, module.bodyPolicy);
  const routed = new Routed(info, op, format, pathParams, decoded.value, checked);
  const found = module.authenticate?.(routed);
  const principal = isPromise(found) ? await found : found;
  const { params, query } = validateParams(validator, routed, module.bodyPolicy.invalidParams);
  const body = settleBody(decoded, validator, module, routed);
  const ctx = new Context(routed, body, params, query, decoded.mediaType, principal, module.state);
  const cached = mount.cache?.lookup(ctx);
  if (cached?.hit) return cached.hit;
  const returned = compiled.handler(ctx);
  const result = isPromise(returned) ? await returned : returned;
  if (opts.validateResponses) {
    const problems = checkResult(validator, format, result);
    if (problems.length > 0) return violation(info, op.operationId, result.status, problems, opts);
  }
  const response = serializeResult(op, format, result);
  if (cached) mount.cache?.store(cached, response);
  return response;
}

/**
 * The request as `authenticate` sees it. A class whose constructor copies the fields, not a spread of `info`: every
 * request's object is one allocation with the same fixed hidden class, and object spread is slow on the hot path.
 */
class Routed implements RoutedRequest {
  declare req: IncomingMessage;
  declare method: string;
  declare path: string;
  declare search: string;
  declare rawQuery: RawQuery;
  declare headers: IncomingHttpHeaders;
  declare baseUrl: string;
  declare operation: OperationInfo;
  declare format: Format;
  declare pathParams: Record<string, string>;
  declare body: unknown;
  declare checked: unknown;

  constructor(
    info: RequestInfo,
    operation: OperationInfo,
    format: Format,
    pathParams: Record<string, string>,
    body: unknown,
    checked: unknown,
  ) {
    this.req = info.req;
    this.method = info.method;
    this.path = info.path;
    this.search = info.search;
    this.rawQuery = info.rawQuery;
    this.headers = info.headers;
    this.baseUrl = info.baseUrl;
    this.operation = operation;
    this.format = format;
    this.pathParams = pathParams;
    this.body = body;
    this.checked = checked;
  }
}

/** What the handler gets: the routed request with its settled body and what the pipeline found (as {@link Routed}). */
class Context extends Routed implements HandlerContext {
  declare operationId: string;
  declare params: Record<string, unknown>;
  declare query: Record<string, unknown>;
  declare mediaType: string | undefined;
  declare principal: unknown;
  declare state: unknown;

  constructor(
    routed: RoutedRequest,
    body: unknown,
    params: Record<string, unknown>,
    query: Record<string, unknown>,
    mediaType: string | undefined,
    principal: unknown,
    state: unknown,
  ) {
    super(routed, routed.operation, routed.format, routed.pathParams, body, routed.checked);
    this.operationId = routed.operation.operationId;
    this.params = params;
    this.query = query;
    this.mediaType = mediaType;
    this.principal = principal;
    this.state = state;
  }
}

/** True for a promise (any thenable, as `await` sees it). */
function isPromise<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

function renderFailure(
  mount: Mount,
  compiled: CompiledOperation | undefined,
  format: Format | undefined,
  info: RequestInfo,
  err: unknown,
  opts: PipelineOptions,
): RawResponse {
  const ctx = errorContext(info, compiled, format);
  if (!(err instanceof ApiError)) {
    opts.onCrash(err);
    return mount.module.renderError(new ApiError('INTERNAL', 'unexpected server error'), ctx);
  }
  if (opts.validateResponses && compiled && !PIPELINE_CODES.has(err.code)) {
    const rendered = mount.module.renderError(err, ctx);
    if (!responseFor(compiled.info, rendered.status)) {
      const issue: ValidationIssue = {
        location: 'response',
        pointer: '',
        keyword: 'contract',
        message: `status ${rendered.status} (${err.code}) is not declared`,
        params: {},
      };
      return violation(info, compiled.info.operationId, rendered.status, [issue], opts);
    }
    return rendered;
  }
  return mount.module.renderError(err, ctx);
}

function errorContext(
  info: RequestInfo,
  compiled: CompiledOperation | undefined,
  format: Format | undefined,
): ErrorContext {
  const { req, method, path, search, rawQuery, headers, baseUrl } = info;
  return { req, method, path, search, rawQuery, headers, baseUrl, operation: compiled?.info, format };
}

function violation(
  info: RequestInfo,
  operationId: string,
  status: number,
  issues: ValidationIssue[],
  opts: PipelineOptions,
): RawResponse {
  opts.onViolation(info, operationId, status, issues);
  const body = JSON.stringify({ error: 'response does not match the specification', operationId, status, issues });
  return { status: 500, headers: { 'content-type': 'application/json; charset=utf-8' }, body };
}
