import { Option } from 'commander';
import { API_IDS } from '../../spec/load.js';

/** `--api <id>` limited to the known API ids: an unknown id is refused in one line that lists them. */
export function apiOption(description = 'only this API instead of all four'): Option {
  return new Option('--api <id>', description).choices([...API_IDS]);
}

/** Progress lines go to stderr, so stdout stays the result (text or `--json`); `quiet` drops them. */
export function progressLog(quiet: boolean | undefined): (line: string) => void {
  return quiet ? () => {} : (line) => process.stderr.write(`${line}\n`);
}

/** Prints a machine-readable result on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * One line saying why a command failed: a busy port is named with what to do about it, a system error keeps its
 * gist; other messages are used as they are (further lines are printed below, indented).
 */
export function describeFailure(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { address?: string; port?: number };
  if (e?.code === 'EADDRINUSE') {
    const where = e.port !== undefined ? `port ${e.port}${e.address ? ` on ${e.address}` : ''}` : 'the port';
    return `${where} is already in use (choose another with --port, or --port 0 for a free one)`;
  }
  if (e?.code === 'EACCES' && e.port !== undefined) return `no permission to listen on port ${e.port}`;
  return err instanceof Error ? err.message : String(err);
}

/** Writes `crmkit <command>: <reason>` to stderr (details of a multi-line reason indented below). */
export function reportFailure(command: string, err: unknown): void {
  const [head, ...rest] = describeFailure(err).split('\n');
  const details = rest.filter((l) => l.trim() !== '').map((l) => `  ${l}\n`);
  process.stderr.write(`crmkit ${command}: ${head}\n${details.join('')}`);
}

/**
 * Wraps a command's action: a thrown error becomes one line on stderr and exit code 1; a returned number is the
 * exit code.
 */
export function runAction<A extends unknown[]>(
  command: string,
  action: (...args: A) => Promise<number | undefined> | number | undefined,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      const code = await action(...args);
      if (code !== undefined) process.exitCode = code;
    } catch (err) {
      reportFailure(command, err);
      process.exitCode = 1;
    }
  };
}

/** Parses a port flag (0-65535). */
export function parsePort(text: string | number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be an integer from 0 to 65535`);
  return n;
}

/** Parses a positive integer flag. */
export function parseCount(text: string | number, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer`);
  return n;
}

/** Rows of two columns, the first padded to the widest (for file lists on stdout). */
export function columns(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(0, ...rows.map(([a]) => a.length)) + 2;
  return rows.map(([a, b]) => `${a.padEnd(width)}${b}\n`).join('');
}
