import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createRng } from '../store/prng.js';
import { type CliProcess, startCli } from './commands/cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'crmkit-crash-'));
const file = join(dir, 'state.json');
const ADMIN = { 'x-redmine-api-key': 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00', 'content-type': 'application/json' };
let current: CliProcess | undefined;

afterAll(async () => {
  await current?.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `crmkit serve` on the state file and returns its URL once it listens. */
async function start(): Promise<string> {
  current = startCli(['serve', '--api', 'planio', '--port', '0', '--state-file', file], { cwd: dir });
  return (await current.waitFor(/listening on (http:\S+)\n/))[1] ?? '';
}

/** The numbers of the `Crash-<n>` companies in the server's state. */
async function storedNumbers(url: string): Promise<number[]> {
  const text = await (await fetch(`${url}/__crmkit/state?api=planio`)).text();
  return [...text.matchAll(/"name":"Crash-(\d+)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
}

/**
 * Creates companies one at a time (`Crash-0`, `Crash-1`, …) and kills the server with SIGKILL at a random moment
 * while it writes, several times over. Each round writes for a while, pauses (long enough for the debounced save),
 * then writes again until the kill. After every restart the state file loads (never garbage) and the companies
 * are exactly the first n created for some n: no gap, nothing half written, at least every company acknowledged
 * before the pause, and at most one more than was acknowledged (the write in flight at the kill).
 */
test('state survives SIGKILL at random moments during writes', { timeout: 120_000 }, async () => {
  const rng = createRng(20260601);
  let next = 0;
  let floor = 0;
  for (let round = 0; round <= 6; round++) {
    const url = await start();
    const stored = await storedNumbers(url);
    expect(stored).toEqual(stored.map((_, i) => i));
    expect(stored.length).toBeGreaterThanOrEqual(floor);
    expect(stored.length).toBeLessThanOrEqual(next + 1);
    if (round === 6) break;
    next = stored.length;
    let stop = false;
    const write = async (until: number) => {
      while (!stop && Date.now() < until) {
        const res = await fetch(`${url}/companies.json`, {
          method: 'POST',
          headers: ADMIN,
          body: JSON.stringify({ company: { name: `Crash-${next}` } }),
        }).catch(() => undefined);
        if (res?.status !== 201) return;
        next++;
      }
    };
    await write(Date.now() + 50 + Math.floor(rng.next() * 250));
    floor = next;
    await new Promise((r) => setTimeout(r, 800));
    const writing = write(Number.POSITIVE_INFINITY);
    await new Promise((r) => setTimeout(r, 20 + Math.floor(rng.next() * 400)));
    await current?.stop('SIGKILL');
    stop = true;
    await writing;
  }
  expect(floor).toBeGreaterThan(0);
  await current?.stop('SIGKILL');
});
