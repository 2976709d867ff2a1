import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ValidationIssue } from './ajv.js';
import { CONTROL_PREFIX, handleControl } from './control.js';
import type { Mount } from './mount.js';
import type { ResolvedOptions } from './options.js';
import { type PipelineOptions, runPipeline } from './pipeline.js';
import { parseQuery } from './query.js';
import type { RequestLog } from './request-log.js';
import type { AnyApiModule, RawResponse, RequestInfo } from './types.js';

/** A fresh response for paths outside every mounted API (responses are mutated when written). */
const noApi = (): RawResponse => ({
  status: 404,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: 'Not Found\n',
});

/**
 * The node:http request listener: splits the URL, serves the control endpoints, finds the mounted API by base path
 * (longest first), runs the pipeline, writes the response and records it in the request log.
 */
export function createRequestHandler(
  mounts: readonly Mount[],
  modules: readonly AnyApiModule[],
  opts: ResolvedOptions,
  log: RequestLog,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const onCrash = (err: unknown) => opts.log(`crmkit: unexpected error: ${(err as Error)?.stack ?? String(err)}`);
  const pipelines = new Map<Mount, PipelineOptions>();
  for (const mount of mounts) {
    pipelines.set(mount, {
      bodyLimit: opts.bodyLimit,
      validateResponses: opts.validateResponses,
      onCrash,
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
    });
  }
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
    if (opts.control && path.startsWith(CONTROL_PREFIX)) {
      response = await handleControl(req, path.slice(CONTROL_PREFIX.length), rawQuery, modules, log);
    } else {
      const mount = findMount(mounts, path);
      if (!mount) response = noApi();
      else {
        api = mount.module.id;
        const baseUrl = `http://${req.headers.host ?? 'localhost'}${mount.basePath}`;
        const local = path.slice(mount.basePath.length) || '/';
        const search = q < 0 ? '' : url.slice(q + 1);
        const info = { req, method, path: local, search, rawQuery, headers: req.headers, baseUrl };
        ({ response, operationId } = await runPipeline(mount, info, pipelines.get(mount) as PipelineOptions));
      }
    }
    write(res, response, method === 'HEAD');
    const ms = performance.now() - started;
    log.record({ at: Date.now(), api, operationId, method, path, status: response.status, ms });
  };
}

function findMount(mounts: readonly Mount[], path: string): Mount | undefined {
  for (const m of mounts) {
    if (m.basePath === '' || path === m.basePath || path.startsWith(`${m.basePath}/`)) return m;
  }
  return undefined;
}

function write(res: ServerResponse, response: RawResponse, head: boolean): void {
  const { body } = response;
  const headers: Record<string, string | number> = response.headers;
  if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
  res.writeHead(response.status, headers);
  res.end(head ? undefined : body);
}
