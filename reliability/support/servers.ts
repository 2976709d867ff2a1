import { createHash } from 'node:crypto';
import { type RunningServer, startServer } from '../../src/app/app.js';
import type { ServerOptions } from '../../src/app/options.js';
import type { AnyApiModule } from '../../src/server/types.js';
import type { ApiId } from '../../src/spec/load.js';

/** A reference server running inside the test process (so prototype pollution would show here). */
export interface InProcessServer {
  /** Root URL, e.g. `http://127.0.0.1:40211`. */
  url: string;
  server: RunningServer;
  /** Every line the server logged (start-up notes, unexpected errors). */
  logLines: string[];
  /** Log lines about unexpected errors (handler crashes turned into 500s). */
  crashes(): string[];
  /** URL of an API's root; throws with the reason when the API is not served. */
  api(id: ApiId): string;
  /** The module of an API; throws with the reason when the API is not served. */
  module(id: ApiId): AnyApiModule;
  /** A digest of every served API's state (see {@link stateDigest}). */
  digest(): string;
  close(): Promise<void>;
}

/**
 * Starts the reference server on 127.0.0.1, port 0, with response validation on (a handler result that breaks the
 * spec becomes a 500 and is recorded) and the Plutio rate limit off unless given.
 */
export async function startInProcess(options: ServerOptions = {}): Promise<InProcessServer> {
  const logLines: string[] = [];
  const server = await startServer({
    validateResponses: true,
    ...options,
    apiOptions: { ...options.apiOptions, plutio: { plutioRateLimit: 0, ...options.apiOptions?.plutio } },
    log: (line) => logLines.push(line),
    host: '127.0.0.1',
    port: 0,
  });
  const module = (id: ApiId): AnyApiModule => {
    const found = server.modules.find((m) => m.id === id);
    if (!found) throw new Error(notServed(id, logLines));
    return found;
  };
  return {
    url: server.url,
    server,
    logLines,
    crashes: () => logLines.filter((l) => l.includes('unexpected error')),
    api: (id) => `${server.url}${server.basePaths[module(id).id] ?? ''}`,
    module,
    digest: () => stateDigest(server.modules),
    close: () => server.close(),
  };
}

/** The message for an API the server does not serve, with the server's own reason when it logged one. */
export function notServed(id: ApiId, logLines: readonly string[]): string {
  const reason = logLines.find((l) => l.includes(`skipping ${id}`));
  return `the reference server does not serve ${id}${reason ? ` (${reason.replace(/^crmkit: /, '')})` : ''}`;
}

/**
 * A SHA-1 of the exported state of every module. `last_login_on` is left out: a Basic-auth login updates it even
 * when the request is then refused, exactly as Redmine's `User.try_to_login` does, so it is not a write of the
 * request's own.
 */
export function stateDigest(modules: readonly AnyApiModule[]): string {
  const hash = createHash('sha1');
  for (const m of modules) {
    hash.update(m.id);
    hash.update(JSON.stringify(m.exportState(), (key, value) => (key === 'last_login_on' ? undefined : value)));
  }
  return hash.digest('hex');
}
