import type { Violation } from '../ops/request-log.js';
import type { ApiId } from '../spec/load.js';
import { type RunningServer, startServer } from './app.js';
import type { ServerOptions } from './options.js';

/** A reference server started for a test. */
export interface TestServer {
  /** Root URL, e.g. `http://127.0.0.1:38211`. */
  url: string;
  /** URL of one API's root (`http://127.0.0.1:38211/redmine`). */
  api(id: ApiId): string;
  /** Contract violations recorded so far (response validation is on). */
  violations(): Violation[];
  server: RunningServer;
  close(): Promise<void>;
}

/**
 * Starts a reference server on 127.0.0.1, port 0, with response validation on and logging captured (unexpected
 * errors are still printed). Use in `beforeAll` and close it in `afterAll`; assert `violations()` is empty.
 */
export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const server = await startServer({
    validateResponses: true,
    log: (line) => {
      if (line.includes('unexpected error')) console.error(line);
    },
    ...options,
    host: '127.0.0.1',
    port: 0,
  });
  return {
    url: server.url,
    api: (id) => `${server.url}${server.basePaths[id] ?? `/${id}`}`,
    violations: () => [...server.log.violations],
    server,
    close: () => server.close(),
  };
}
