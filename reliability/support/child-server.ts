import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/spec/load.js';

/** A `crmkit serve` process started by a test. */
export interface ChildServer {
  /** Root URL, e.g. `http://127.0.0.1:40211`. */
  url: string;
  pid: number;
  proc: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Its resident set size in bytes (Linux `/proc`). */
  rssBytes(): number;
  /** Sends a signal and waits for the exit (SIGKILL after `graceMs` if it is still running). */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

const LISTENING = /listening on (http:\/\/\S+)/;

/**
 * Starts `node <nodeFlags> bin/crmkit.js serve --host 127.0.0.1 --port 0 <args>` and waits for its start-up line. Rejects with the
 * process's own output when it exits first (an unknown flag, a state file it refuses) or does not start in time.
 */
export function spawnServer(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 30_000,
  nodeFlags: readonly string[] = [],
): Promise<ChildServer> {
  const proc = spawn(
    process.execPath,
    [...nodeFlags, join(PROJECT_ROOT, 'bin', 'crmkit.js'), 'serve', '--host', '127.0.0.1', '--port', '0', ...args],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CRMKIT_VALIDATE_RESPONSES: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`crmkit serve ${args.join(' ')} did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = LISTENING.exec(out);
      if (match?.[1] && proc.pid !== undefined) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          pid: proc.pid,
          proc,
          output: () => out,
          rssBytes: () => rssOf(proc.pid as number),
          stop,
        });
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`crmkit serve ${args.join(' ')} exited (${signal ?? code}) before listening:\n${out.trim()}`));
    });
  });
}

/** VmRSS of a process, in bytes. */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}
