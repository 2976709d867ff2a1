import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { type ApiId, bundlePath, PROJECT_ROOT } from '../../src/spec/load.js';
import { binPath } from '../../src/spec/tools.js';
import { freePort, waitForHttp } from './free-port.js';
import type { Target } from './types.js';

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts `prism mock` on an API's bundled document, on a free loopback port, and waits until it answers. Prism
 * serves the document's paths at the root, so the base URL is the root. `close()` stops the process.
 */
export async function startPrism(api: ApiId, documentPath = bundlePath(api)): Promise<Target> {
  const port = await freePort();
  const script = binPath('@stoplight/prism-cli', 'prism');
  const child = spawn(
    process.execPath,
    [script, 'mock', '-h', '127.0.0.1', '-p', String(port), '-v', 'error', '--no-multiprocess', documentPath],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}/`, 30_000, () => child.exitCode === null);
  } catch (err) {
    await stop(child);
    throw new Error(`prism mock did not start: ${(err as Error).message}\n${output}`);
  }
  return { kind: 'prism', baseUrl, description: `prism mock ${api} (pid ${child.pid})`, close: () => stop(child) };
}
