import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTROL_PREFIX, type ControlContext, handleControl } from '../ops/control.js';
import { createControlGuard } from '../ops/control-guard.js';
import { type DocsMount, redirectToDocs } from '../ops/docs-mount.js';
import { describeFault, type FaultInjector, type FaultPlan, faultResponse, sleep } from '../ops/fault-inject.js';
import { RequestEntry, type RequestLog } from '../ops/request-log.js';
import type { ValidationIssue } from '../server/ajv.js';
import { requestOrigin } from '../server/base-url.js';
import { addCorsHeaders, allowMethods, corsOrigin, isPreflight, preflightResponse } from '../server/cors.js';
import { renderJsonError } from '../server/default-errors.js';
import { ApiError } from '../server/errors.js';
import type { Mount } from '../server/mount.js';
import { type PipelineOptions, type PipelineResult, runPipeline } from '../server/pipeline.js';
import { parseQuery } from '../server/query.js';
import type { RawResponse, RequestInfo } from '../server/types.js';
import { writeResponse, writeTruncated } from '../server/write-response.js';
import type { ResolvedOptions } from './options.js';

/** A fresh response for paths outside every mounted API (responses are mutated when written). */
const noApi = (): RawResponse => ({
  status: 404,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: 'Not Found\n',
});

/** Methods that never change state (a preflight is an OPTIONS request). */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the request listener serves besides the mounted APIs. */
export interface HandlerParts {
  mounts: readonly Mount[];
  opts: ResolvedOptions;
  log: RequestLog;
  faults: FaultInjector;
  /** The control endpoints, when they are on. */
  control: ControlContext | undefined;
  /** The docs site, when it is served. */
  docs: DocsMount | undefined;
  /** Called after each successful API request that may have written (not GET/HEAD), when state is kept. */
  onWrite: (() => void) | undefined;
}

/**
 * The node:http request listener: serves the control endpoints (after `control-guard.ts` checks the request) and
 * the docs site, finds the mounted API by base path (longest first), answers CORS preflights, applies an injected
 * fault when one is configured or asked for, runs the pipeline, adds the CORS headers for a request with `Origin`,
 * writes the response and records it in the request log.
 */
export function createRequestHandler(
  parts: HandlerParts,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { mounts, opts, log, faults, control, docs, onWrite } = parts;
  const pipelines = new Map<Mount, PipelineOptions>(mounts.map((m) => [m, pipelineOptions(m, opts, log)]));
  const guard = createControlGuard({ allowedHosts: opts.allowedHosts, controlToken: opts.controlToken, log: opts.log });
  const cors = opts.cors;
  const methods = new Map<Mount, string>(
    mounts.map((m) => [m, allowMethods([...m.operations.values()].map((o) => o.info.method))]),
  );
  // Filled and added without awaiting in between, so one entry serves every request.
  const entry = new RequestEntry();
  return async (req, res) => {
    const started = performance.now();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const rawQuery = parseQuery(q < 0 ? '' : url.slice(q + 1));
    const method = (req.method ?? 'GET').toUpperCase();
    let response: RawResponse;
    let api: string | undefined;
    let operationId: string | undefined;
    let plan: FaultPlan | undefined;
    if (control && path.startsWith(CONTROL_PREFIX)) {
      response =
        guard(req, method, path) ?? (await handleControl(req, path.slice(CONTROL_PREFIX.length), rawQuery, control));
    } else if (docs?.(req, res, path)) {
      return;
    } else {
      const mount = findMount(mounts, path);
      if (!mount) {
        if (docs && path === '/' && (method === 'GET' || method === 'HEAD')) return redirectToDocs(res);
        response = noApi();
      } else {
        api = mount.module.id;
        // The only header read for CORS on the way of every request.
        const origin = cors ? corsOrigin(req.headers.origin) : undefined;
        if (origin !== undefined && isPreflight(method, req.headers)) {
          response = preflightResponse(origin, req.headers, methods.get(mount) as string);
        } else {
          const baseUrl = requestOrigin(req.headers) + mount.basePath;
          const local = path.slice(mount.basePath.length) || '/';
          const search = q < 0 ? '' : url.slice(q + 1);
          const info = { req, method, path: local, search, rawQuery, headers: req.headers, baseUrl };
          const pipeline = pipelines.get(mount) as PipelineOptions;
          let result: PipelineResult | undefined;
          if (faults.wants(info)) {
            try {
              plan = faults.plan(mount, info);
            } catch (err) {
              result = { response: renderJsonError(new ApiError('BAD_REQUEST', (err as Error).message)), operationId };
            }
          }
          if (plan) result = await runFaulted(mount, info, plan, pipeline);
          else result ??= await runPipeline(mount, info, pipeline);
          ({ response, operationId } = result);
          if (origin !== undefined) addCorsHeaders(response.headers, origin);
        }
      }
    }
    const fault = plan ? describeFault(plan.decision) : undefined;
    const reset = plan?.decision.fault === 'reset';
    if (reset) res.destroy();
    else if (plan?.decision.fault === 'truncate') writeTruncated(res, response);
    else writeResponse(res, response, method === 'HEAD');
    entry.at = Date.now();
    entry.api = api;
    entry.operationId = operationId;
    entry.method = method;
    entry.path = path;
    entry.status = reset ? 0 : response.status;
    entry.ms = performance.now() - started;
    entry.fault = fault;
    log.add(entry);
    if (onWrite && !reset && api !== undefined && response.status < 400 && !READS.has(method)) onWrite();
  };
}

/** A request with a fault: the delay, then the forced status (without running the request) or the pipeline. */
async function runFaulted(mount: Mount, info: RequestInfo, plan: FaultPlan, opts: PipelineOptions) {
  const { decision } = plan;
  if (decision.delay > 0) await sleep(decision.delay);
  const operationId = plan.route?.info.operationId;
  if (decision.fault === 'reset') return { response: { status: 0, headers: {} }, operationId };
  if (decision.status !== undefined)
    return { response: faultResponse(mount, info, plan, decision.status), operationId };
  return runPipeline(mount, info, opts);
}

function pipelineOptions(mount: Mount, opts: ResolvedOptions, log: RequestLog): PipelineOptions {
  return {
    bodyLimit: opts.bodyLimit,
    validateResponses: opts.validateResponses,
    onCrash: (err: unknown) => opts.log(`crmkit: unexpected error: ${(err as Error)?.stack ?? String(err)}`),
    onViolation: (info: RequestInfo, operationId: string, status: number, issues: ValidationIssue[]) => {
      const { method } = info;
      const path = mount.basePath + info.path;
      log.violations.push({
        time: new Date().toISOString(),
        api: mount.module.id,
        operationId,
        method,
        path,
        status,
        issues,
      });
    },
  };
}

function findMount(mounts: readonly Mount[], path: string): Mount | undefined {
  for (const m of mounts) {
    if (m.basePath === '' || path === m.basePath || path.startsWith(`${m.basePath}/`)) return m;
  }
  return undefined;
}
