import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { scaled } from './support/budget.js';
import { type ChildServer, spawnServer } from './support/child-server.js';
import { ADMIN_KEY } from './support/credentials.js';
import { figure } from './support/figures.js';
import { send } from './support/http.js';

const CYCLES = scaled(2, 30);
const admin = { 'x-redmine-api-key': ADMIN_KEY, 'content-type': 'application/json', accept: 'application/json' };
const dir = mkdtempSync(join(tmpdir(), 'crmkit-kill-'));
const file = join(dir, 'state.json');

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The sequence numbers of the `Kill <n>` companies the server holds. */
async function killCompanies(child: ChildServer): Promise<number[]> {
  const out: number[] = [];
  for (let offset = 0; ; offset += 100) {
    const res = await send({
      method: 'GET',
      url: `${child.url}/planio/companies.json?limit=100&offset=${offset}`,
      headers: admin,
    });
    const page = JSON.parse(res.bodyText) as { companies: { name: string }[]; total_count: number };
    for (const c of page.companies) if (/^Kill \d+$/.test(c.name)) out.push(Number(c.name.slice(5)));
    if (offset + 100 >= page.total_count) return out.sort((a, b) => a - b);
  }
}

/** Creates `Kill <n>` companies one after another until `stop()` says so; returns how many were acknowledged. */
async function writeUntil(child: ChildServer, first: number, stop: () => boolean): Promise<number> {
  let n = first;
  while (!stop()) {
    const res = await send({
      method: 'POST',
      url: `${child.url}/planio/companies.json`,
      headers: admin,
      body: JSON.stringify({ company: { name: `Kill ${n}` } }),
      timeoutMs: 2000,
    });
    if (res.status !== 201) break;
    n++;
  }
  return n;
}

test(`SIGKILL during snapshot writes, ${CYCLES} times: the state file always loads, never loses a write a snapshot confirmed, never holds a write that was not made`, async () => {
  const args = ['--state-file', file, '--plutio-people', String(scaled(5000, 20000)), '--plutio-rate-limit', '0'];
  let acked = 0;
  let settled = 0;
  let previous = 0;
  let midWrite = 0;
  const history: string[] = [];
  for (let cycle = 1; cycle <= CYCLES + 1; cycle++) {
    let child: ChildServer;
    try {
      child = await spawnServer(args);
    } catch (err) {
      throw new Error(
        `cycle ${cycle}: the server did not start on the state file left by SIGKILL: ${(err as Error).message}`,
      );
    }
    try {
      const held = await killCompanies(child);
      const count = held.length;
      history.push(`cycle ${cycle}: loaded ${count} (acknowledged ${acked}, settled ${settled})`);
      expect(held, `cycle ${cycle}: the loaded writes are not a prefix of the writes made`).toEqual([...held.keys()]);
      expect(count, `cycle ${cycle}: the state holds writes that were never acknowledged`).toBeLessThanOrEqual(acked);
      expect(
        count,
        `cycle ${cycle}: writes confirmed by POST /__crmkit/snapshot before the kill were lost`,
      ).toBeGreaterThanOrEqual(settled);
      expect(count, `cycle ${cycle}: the state went back in time`).toBeGreaterThanOrEqual(previous);
      previous = count;
      acked = count;
      if (cycle > CYCLES) break;
      acked = await writeUntil(
        child,
        acked,
        (() => {
          const until = Date.now() + 300;
          return () => Date.now() > until;
        })(),
      );
      const snapshot = await send({ method: 'POST', url: `${child.url}/__crmkit/snapshot`, timeoutMs: 20_000 });
      expect(snapshot.status, `cycle ${cycle}: POST /__crmkit/snapshot ${snapshot.bodyText.slice(0, 200)}`).toBe(200);
      settled = acked;
      const killAt = Date.now() + 50 + Math.floor(Math.random() * 700);
      const killer = new Promise<void>((resolve) =>
        setTimeout(() => {
          child.proc.kill('SIGKILL');
          resolve();
        }, killAt - Date.now()),
      );
      acked = await writeUntil(child, acked, () => false);
      await killer;
      await child.stop('SIGKILL');
      if (readdirSync(dir).some((f) => f !== 'state.json')) midWrite++;
    } finally {
      await child.stop('SIGKILL');
    }
  }
  const leftovers = readdirSync(dir).filter((f) => f !== 'state.json');
  figure('snapshot kill-loop', {
    cycles: CYCLES,
    writes: acked,
    'killed-mid-write': midWrite,
    'lost-settled-writes': 0,
    leftovers: leftovers.length,
  });
  expect(leftovers.length, `temporary files pile up: ${leftovers.join(', ')}`).toBeLessThanOrEqual(1);
  expect(history.length).toBe(CYCLES + 1);
}, 300_000);
