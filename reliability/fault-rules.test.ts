import { afterAll, beforeAll, expect, test } from 'vitest';
import { ADMIN_KEY } from './support/credentials.js';
import { figure } from './support/figures.js';
import { send } from './support/http.js';
import { measured } from './support/measure.js';
import { type InProcessServer, startInProcess } from './support/servers.js';

let srv: InProcessServer;

beforeAll(async () => {
  srv = await startInProcess({ apis: ['redmine', 'planio'] });
});
afterAll(async () => {
  await srv?.close();
});

/** `n` harmless rules (no delay, no status change) spread over every scope: operation, API, every API. */
function rules(n: number): object[] {
  const scopes = [{ api: 'redmine', operationId: 'listProjects' }, { api: 'planio' }, {}];
  return Array.from({ length: n }, (_, i) => ({ ...scopes[i % scopes.length], delay: 0 }));
}

const postRules = (body: unknown) =>
  send({
    method: 'POST',
    url: `${srv.url}/__crmkit/faults`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    timeoutMs: 60_000,
  });

const ruleCount = async () =>
  (JSON.parse((await send({ method: 'GET', url: `${srv.url}/__crmkit/faults` })).bodyText) as { faults: unknown[] })
    .faults.length;

test('40,000 fault rules in one POST are added in under a second, without blocking the server', async () => {
  await send({ method: 'DELETE', url: `${srv.url}/__crmkit/faults` });
  const body = rules(40_000);
  // CPU time of this process (the server runs in it), so that other work on a busy machine does not count.
  const cpu = process.cpuUsage();
  const { value: res, maxLoopDelayMs } = await measured(() => postRules(body));
  const { user, system } = process.cpuUsage(cpu);
  const cpuMs = (user + system) / 1000;
  figure('fault-rules add', { rules: 40_000, ms: res.ms, cpuMs, maxLoopDelayMs });
  expect(res.status).toBe(201);
  expect((JSON.parse(res.bodyText) as { faults: unknown[] }).faults).toHaveLength(40_000);
  // A table that re-indexed every rule per rule added took 35 s here.
  expect(cpuMs).toBeLessThan(1000);
  expect(await ruleCount()).toBe(40_000);

  // Matching stays cheap: every request below goes through the fault table.
  const started = performance.now();
  const answers = [];
  for (let i = 0; i < 200; i++) {
    const url = i % 2 ? `${srv.api('redmine')}/projects.json` : `${srv.api('planio')}/companies.json?limit=1`;
    answers.push(await send({ method: 'GET', url, headers: { 'x-redmine-api-key': ADMIN_KEY } }));
  }
  const ms = performance.now() - started;
  figure('fault-rules match', { rules: 40_000, requests: 200, ms });
  expect(answers.filter((a) => a.status !== 200).map((a) => a.status)).toEqual([]);
  expect(ms).toBeLessThan(5000);
  const cleared = await send({ method: 'DELETE', url: `${srv.url}/__crmkit/faults` });
  expect(cleared.status).toBe(204);
  expect(await ruleCount()).toBe(0);
});

test('a long list ending in one bad rule is refused at once, naming its index, and adds nothing', async () => {
  await send({ method: 'DELETE', url: `${srv.url}/__crmkit/faults` });
  await postRules({ api: 'planio', delay: 0 });
  const list: object[] = rules(20_000);
  list[19_999] = { api: 'redmine', operationId: 'listProjects', status: 200 };
  const res = await postRules(list);
  figure('fault-rules refuse', { rules: 20_000, ms: res.ms });
  expect(res.status).toBe(400);
  expect(res.bodyText).toContain('faults[19999]: status must be a whole number from 400 to 599');
  expect(res.ms).toBeLessThan(1000);
  expect(await ruleCount()).toBe(1);
  const unknown = await postRules([{ delay: 0 }, { api: 'redmine', operationId: 'nope', delay: 0 }]);
  expect(unknown.status).toBe(400);
  expect(unknown.bodyText).toContain('faults[1]: redmine has no operation \\"nope\\"');
  expect(await ruleCount()).toBe(1);
});

test('more rules than the cap (100,000 in effect) are a quick 400 that adds nothing', async () => {
  await send({ method: 'DELETE', url: `${srv.url}/__crmkit/faults` });
  const res = await postRules(Array.from({ length: 100_001 }, () => ({ delay: 0 })));
  figure('fault-rules cap', { rules: 100_001, status: res.status, ms: res.ms });
  expect(res.status).toBe(400);
  expect(res.bodyText).toContain('at most 100000 fault rules can be in effect');
  expect(await ruleCount()).toBe(0);
});
