import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ControlContext } from '../ops/control.js';
import { createDocsMount } from '../ops/docs-mount.js';
import { FaultInjector } from '../ops/fault-inject.js';
import { FaultSpecError } from '../ops/fault-spec.js';
import { FaultTable } from '../ops/fault-table.js';
import { RequestLog } from '../ops/request-log.js';
import { StateKeeper } from '../ops/state-keeper.js';
import { startWarmUp } from '../ops/warm-up.js';
import { answerClientError } from '../server/client-error.js';
import { mountModule } from '../server/mount.js';
import { bindBody } from '../server/read-body.js';
import type { AnyApiModule } from '../server/types.js';
import { type ResolvedOptions, resolveOptions, type ServerOptions } from './options.js';
import { buildApiModules } from './registry.js';
import { createRequestHandler } from './request-handler.js';

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
  /** The fault rules in effect (start-up rules plus those added through the control endpoints). */
  readonly faults: FaultTable;
  /** The state file keeper, with `stateFile`. */
  readonly stateKeeper: StateKeeper | undefined;
  /** Starts compiling every request validator in idle time (`startServer` does it); returns a stop function. */
  warmUp(): () => void;
}

/** A listening reference server. */
export interface RunningServer extends CrmkitServer {
  /** e.g. `http://127.0.0.1:4010` */
  readonly url: string;
  /** Stops listening, closes open connections and, with a state file, writes a last snapshot. */
  close(): Promise<void>;
}

/**
 * Builds the reference server: creates every API module (or takes `options.modules`), compiles its routes, checks
 * its handlers and the start-up fault rules, loads the state file, and wires the control endpoints and the docs
 * site. Nothing listens yet.
 * @throws FaultSpecError for a bad start-up fault rule; StateFileError for a state file that must not be loaded.
 */
export async function createServer(options: ServerOptions = {}): Promise<CrmkitServer> {
  const opts = resolveOptions(options);
  const limits = { maxRecords: opts.maxRecords, maxBytes: opts.maxStateBytes };
  const modules = opts.modules ?? buildApiModules({ ...opts, limits });
  const mounts = await Promise.all(modules.map((m) => mountModule(m, opts.api ? '' : m.basePath)));
  mounts.sort((a, b) => b.basePath.length - a.basePath.length);
  const known = new Map(mounts.map((m) => [m.module.id, new Set(m.operations.keys())]));
  let faults: FaultTable;
  try {
    faults = new FaultTable(opts.seed, known, opts.faults);
  } catch (err) {
    throw err instanceof FaultSpecError ? new FaultSpecError(`--fault: ${err.message}`) : err;
  }
  const stateKeeper = opts.stateFile ? new StateKeeper(opts.stateFile, modules, opts.log) : undefined;
  stateKeeper?.load();
  const log = new RequestLog();
  const control: ControlContext | undefined = opts.control
    ? { modules, log, faults, keeper: stateKeeper, fixturesDir: opts.fixturesDir }
    : undefined;
  const handle = createRequestHandler({
    mounts,
    opts,
    log,
    faults: new FaultInjector(faults, opts.control, opts.seed),
    control,
    docs: opts.docsDir === false ? undefined : createDocsMount(opts.docsDir, mounts),
    onWrite: stateKeeper ? () => stateKeeper.changed() : undefined,
  });
  const listener = (req: IncomingMessage, res: ServerResponse, expectsContinue = false) => {
    bindBody(req, res, opts.bodyLimit, expectsContinue);
    handle(req, res).catch((err: unknown) => {
      opts.log(`crmkit: unexpected error: ${(err as Error)?.stack ?? String(err)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
    });
  };
  const server = createHttpServer((req, res) => listener(req, res));
  // `Expect: 100-continue`: `100 Continue` only when the body is read (never for a body over the limit).
  server.on('checkContinue', (req, res) => listener(req, res, true));
  server.on('clientError', answerClientError);
  const basePaths = Object.fromEntries(mounts.map((m) => [m.module.id, m.basePath]));
  return { server, modules, basePaths, log, options: opts, faults, stateKeeper, warmUp: () => startWarmUp(mounts) };
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
    close: async () => {
      stopWarmUp();
      const closed = new Promise<void>((resolve, reject) =>
        built.server.close((err) => (err ? reject(err) : resolve())),
      );
      built.server.closeAllConnections();
      await closed;
      await built.stateKeeper?.close();
    },
  };
}
