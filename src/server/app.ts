import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApiModules } from '../apis/index.js';
import { mountModule } from './mount.js';
import { type ResolvedOptions, resolveOptions, type ServerOptions } from './options.js';
import { createRequestHandler } from './request-handler.js';
import { RequestLog } from './request-log.js';
import type { AnyApiModule } from './types.js';
import { startWarmUp } from './warm-up.js';

/** A built (not yet listening) reference server. */
export interface CrmkitServer {
  /** The node:http server; `listen` it yourself or use `startServer`. */
  readonly server: Server;
  readonly modules: readonly AnyApiModule[];
  /** Mount points: api id → base path (`''` when served at the root). */
  readonly basePaths: Readonly<Record<string, string>>;
  /** Recent requests and recorded contract violations. */
  readonly log: RequestLog;
  readonly options: ResolvedOptions;
  /** Starts compiling every request validator in idle time (`startServer` does it); returns a stop function. */
  warmUp(): () => void;
}

/** A listening reference server. */
export interface RunningServer extends CrmkitServer {
  /** e.g. `http://127.0.0.1:4010` */
  readonly url: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/**
 * Builds the reference server: creates every API module (or takes `options.modules`), compiles its routes, checks
 * its handlers, and wires the control endpoints. Nothing listens yet.
 */
export async function createServer(options: ServerOptions = {}): Promise<CrmkitServer> {
  const opts = resolveOptions(options);
  const modules = opts.modules ?? buildApiModules(opts);
  const mounts = await Promise.all(modules.map((m) => mountModule(m, opts.api ? '' : m.basePath)));
  mounts.sort((a, b) => b.basePath.length - a.basePath.length);
  const log = new RequestLog();
  const handle = createRequestHandler(mounts, modules, opts, log);
  const server = createHttpServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      opts.log(`crmkit: unexpected error: ${(err as Error)?.stack ?? String(err)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
    });
  });
  const basePaths = Object.fromEntries(mounts.map((m) => [m.module.id, m.basePath]));
  return { server, modules, basePaths, log, options: opts, warmUp: () => startWarmUp(mounts) };
}

/** Builds the server and listens (`port` 0 picks a free port; the URL is in the result). */
export async function startServer(
  options: ServerOptions & { host?: string; port?: number } = {},
): Promise<RunningServer> {
  const built = await createServer(options);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    built.server.once('error', reject);
    built.server.listen(options.port ?? 4010, host, () => {
      built.server.off('error', reject);
      resolve();
    });
  });
  const stopWarmUp = built.warmUp();
  const { port } = built.server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    ...built,
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        stopWarmUp();
        built.server.close((err) => (err ? reject(err) : resolve()));
        built.server.closeAllConnections();
      }),
  };
}
