import { freePort } from '../../contract-tests/support/free-port.js';
import { type ApiId, bundlePath } from '../../src/spec/load.js';
import { binPath } from '../../src/spec/tools.js';
import { type Child, spawnChild } from './children.js';
import { send } from './http.js';

/** A `prism mock` process serving one bundled document at its root. */
export interface PrismServer {
  api: ApiId;
  child: Child;
  url: string;
  /** Process start to first answer. */
  startupMs: number;
}

/**
 * Starts `prism mock -h 127.0.0.1 -p <free port> -v error dist/openapi/<api>.json` (static examples, errors-only
 * logging: Prism's fastest setting) and polls every 10 ms until it answers.
 */
export async function startPrism(api: ApiId, timeoutMs = 60_000): Promise<PrismServer> {
  const port = await freePort();
  const script = binPath('@stoplight/prism-cli', 'prism');
  const started = performance.now();
  const child = spawnChild(`prism ${api}`, [
    script,
    'mock',
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-v',
    'error',
    bundlePath(api),
  ]);
  const url = `http://127.0.0.1:${port}`;
  while (performance.now() - started < timeoutMs) {
    if (!child.alive()) throw new Error(`prism mock ${api} exited:\n${child.output()}`);
    try {
      await send(url, { method: 'GET', path: '/' }, 1000);
      return { api, child, url, startupMs: performance.now() - started };
    } catch {
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  throw new Error(`prism mock ${api} did not answer within ${timeoutMs} ms:\n${child.output()}`);
}
