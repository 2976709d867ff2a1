import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { PROJECT_ROOT } from '../../src/spec/load.js';

/** A server process the benchmark started, in its own process group. */
export interface Child {
  readonly name: string;
  readonly proc: ChildProcess;
  readonly pid: number;
  /** The last few KiB of stdout and stderr, interleaved. */
  output(): string;
  /** True while the process runs. */
  alive(): boolean;
}

const running = new Set<Child>();

/** Options of {@link spawnChild}. */
export interface SpawnChildOptions {
  env?: NodeJS.ProcessEnv;
  /** Open an IPC channel (`process.send` in the child). */
  ipc?: boolean;
}

/**
 * Starts `node <args>` from the project root as the leader of a new process group, so that {@link stopChild} can
 * stop it with everything it started. Every child is tracked until it exits; {@link stopAll} stops them all.
 */
export function spawnChild(name: string, args: string[], options: SpawnChildOptions = {}): Child {
  const proc = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    detached: true,
    env: { ...process.env, ...options.env },
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  if (proc.pid === undefined) throw new Error(`${name}: could not start ${args.join(' ')}`);
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-16_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const child: Child = {
    name,
    proc,
    pid: proc.pid,
    output: () => text,
    alive: () => proc.exitCode === null && proc.signalCode === null,
  };
  running.add(child);
  proc.once('exit', () => running.delete(child));
  return child;
}

function signalGroup(child: Child, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

/** Sends SIGTERM to the child's process group, then SIGKILL after `graceMs`; resolves when the child exited. */
export async function stopChild(child: Child, graceMs = 3000): Promise<void> {
  if (!child.alive()) {
    signalGroup(child, 'SIGKILL');
    return;
  }
  const exited = once(child.proc, 'exit');
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  signalGroup(child, 'SIGKILL');
}

/** Stops every child still running. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((c) => stopChild(c)));
}

/** Kills every child at once (synchronous; for `exit` and signal handlers). */
export function killAllNow(): void {
  for (const child of running) signalGroup(child, 'SIGKILL');
}

/**
 * Makes sure no child outlives the benchmark: SIGINT/SIGTERM stop the children and exit with 130/143, and a plain
 * exit kills whatever is left.
 */
export function installCleanupHandlers(): void {
  process.once('exit', killAllNow);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping the servers\n`);
      stopAll().finally(() => process.exit(code));
      setTimeout(() => process.exit(code), 5000).unref();
    });
  }
}

/** Resident set size of a process in bytes, from `/proc/<pid>/status` (undefined when it cannot be read). */
export function rssBytes(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a process used so far, in clock ticks; undefined when it cannot be read. */
export function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/**
 * Waits until a process is idle: at most one clock tick (10 ms) of CPU over a 250 ms window, so background work
 * after start-up (such as compiling validators ahead of time) does not overlap the measurements. Resolves to the
 * time waited in ms (or `maxMs` when it never settled).
 */
export async function waitIdle(pid: number, maxMs = 20_000): Promise<number> {
  const started = performance.now();
  let before = cpuTicks(pid);
  while (performance.now() - started < maxMs) {
    await new Promise((r) => setTimeout(r, 250));
    const now = cpuTicks(pid);
    if (now === undefined || before === undefined) break;
    if (now - before <= 1) break;
    before = now;
  }
  return performance.now() - started;
}
