import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../spec/load.js';

/** `bin/crmkit.js`, the installed command. */
export const CRMKIT_BIN = join(PROJECT_ROOT, 'bin', 'crmkit.js');

/** What a finished `crmkit` run printed. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of a `crmkit` run. */
export interface CliOptions {
  cwd?: string;
  /** Variables added to a copy of this process's environment without its `CRMKIT_*` ones. */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

function environment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CRMKIT_')));
  return { ...env, ...extra };
}

/** Runs `node bin/crmkit.js ...args` to the end (used by the CLI tests). */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CRMKIT_BIN, ...args],
      {
        cwd: options.cwd ?? PROJECT_ROOT,
        env: environment(options.env),
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** A long-running `crmkit` process (serve, prism) whose output is collected as it comes. */
export interface CliProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in stdout+stderr, or rejects when the process ends first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code once the process ends by itself. */
  exited(): Promise<number | null>;
  /** Sends `signal` and resolves with the exit code (or 128 + signal number). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `node bin/crmkit.js ...args` in the background. */
export function startCli(args: readonly string[], options: CliOptions = {}): CliProcess {
  const child = spawn(process.execPath, [CRMKIT_BIN, ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: environment(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const add = (chunk: Buffer) => {
    text += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    output: () => text,
    waitFor: (pattern, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = text.match(pattern);
          if (m) finish(() => resolve(m));
        };
        const finish = (then: () => void) => {
          listeners.delete(check);
          clearTimeout(timer);
          then();
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`no ${pattern} in:\n${text}`))), timeoutMs);
        listeners.add(check);
        exited.then(() => finish(() => reject(new Error(`exited before ${pattern}:\n${text}`))));
        check();
      }),
    exited: () => exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
