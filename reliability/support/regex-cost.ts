import { spawn } from 'node:child_process';

/**
 * How long V8 takes to test `pattern` against `subject`, measured in a separate node process that is killed after
 * `deadlineMs` (so a catastrophic pattern cannot block the test). Returns the milliseconds, or Infinity when the
 * deadline passed.
 */
export function regexCost(pattern: string, flags: string, subject: string, deadlineMs: number): Promise<number> {
  const script =
    'const [p, f, s] = process.argv.slice(1); const r = new RegExp(p, f); const t = performance.now(); r.test(s);' +
    ' process.stdout.write(String(performance.now() - t));';
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script, pattern, flags, subject], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
    child.once('exit', () => {
      clearTimeout(timer);
      const ms = Number(out);
      resolve(out !== '' && Number.isFinite(ms) ? ms : Number.POSITIVE_INFINITY);
    });
  });
}
