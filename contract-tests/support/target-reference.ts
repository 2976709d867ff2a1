import type { startServer } from '../../src/app/app.js';
import type { ApiId } from '../../src/spec/load.js';
import type { Target } from './types.js';

type StartServer = typeof startServer;

/**
 * Starts the reference server (`startServer` of `src/app/app.ts`) on 127.0.0.1 port 0 with only the API under
 * test mounted and its own response validation off (the contract run is the judge here); the base URL is the
 * server's URL plus the API's mount path. The module is loaded on demand, so Prism and live runs do not load it.
 */
export async function startReference(api: ApiId, fallbackBasePath: string): Promise<Target> {
  let start: StartServer;
  try {
    start = ((await import('../../src/app/app.js')) as { startServer: StartServer }).startServer;
  } catch (err) {
    throw new Error(`cannot load the reference server (${(err as Error).message})`);
  }
  let server: Awaited<ReturnType<StartServer>>;
  try {
    server = await start({ apis: [api], validateResponses: false, port: 0, host: '127.0.0.1', log: () => {} });
  } catch (err) {
    throw new Error(`the reference server cannot serve ${api} (${(err as Error).message})`);
  }
  const basePath = server.basePaths[api] ?? fallbackBasePath;
  const baseUrl = `${server.url}${basePath}`;
  return { kind: 'reference', baseUrl, description: `reference server ${baseUrl}`, close: () => server.close() };
}
