import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ApiId } from '../src/spec/load.js';
import { ADMIN_KEY } from './support/credentials.js';
import { figure, mb } from './support/figures.js';
import { xmlAttacks } from './support/hostile-bodies.js';
import { send } from './support/http.js';
import { measured } from './support/measure.js';
import { type InProcessServer, startInProcess } from './support/servers.js';

/** A create operation of each Redmine-family API that takes XML, with its root element. */
const TARGETS: { api: ApiId; path: string; root: string }[] = [
  { api: 'redmine', path: '/projects.xml', root: 'project' },
  { api: 'planio', path: '/companies.xml', root: 'company' },
  { api: 'redmineup', path: '/contacts.xml', root: 'contact' },
];
const QUICK_MS = 1000;
const MEMORY_BOUND = 64 * 1024 * 1024;

let srv: InProcessServer;
let trap: Server;
let trapUrl = '';
let trapConnections = 0;

beforeAll(async () => {
  srv = await startInProcess({ apis: ['redmine', 'planio', 'redmineup'] });
  trap = createServer((socket) => {
    trapConnections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  const address = trap.address();
  trapUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await srv?.close();
  await new Promise<void>((resolve) => trap?.close(() => resolve()));
});

const post = (url: string, body: string | Buffer) =>
  send({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/xml', accept: 'application/xml', 'x-redmine-api-key': ADMIN_KEY },
    body,
  });

test('XML bombs, external entities, DOCTYPE, deep nesting and floods are refused with 400, quickly, in bounded memory', async () => {
  const problems: string[] = [];
  let tried = 0;
  let refused = 0;
  let slowest = 0;
  let peak = 0;
  for (const target of TARGETS) {
    for (const attack of xmlAttacks(target.root, trapUrl)) {
      const before = srv.digest();
      const { value: res, peakRssGrowth } = await measured(() =>
        post(`${srv.api(target.api)}${target.path}`, attack.body),
      );
      tried++;
      slowest = Math.max(slowest, res.ms);
      peak = Math.max(peak, peakRssGrowth);
      const label = `${target.api} ${attack.name}`;
      if (res.status === 400) refused++;
      else problems.push(`${label}: expected 400, got ${res.status} ${res.bodyText.slice(0, 120)}`);
      if (res.ms > QUICK_MS) problems.push(`${label}: took ${res.ms} ms (bound ${QUICK_MS} ms)`);
      if (peakRssGrowth > MEMORY_BOUND) problems.push(`${label}: memory grew by ${mb(peakRssGrowth)} MB`);
      if (/root:.*:0:0:/.test(res.bodyText)) problems.push(`${label}: the answer contains /etc/passwd`);
      if (srv.digest() !== before) problems.push(`${label}: the store changed`);
    }
  }
  figure('hostile xml', { tried, refused, 'slowest-ms': slowest, 'peak-rss-growth-mb': mb(peak) });
  expect(problems, problems.join('\n')).toEqual([]);
  expect(trapConnections, 'the server connected to a URL named in an external entity or DTD').toBe(0);
});

test('a huge XML text node is refused: 413 over the default 1 MiB body limit, 400 over the 1 MiB text limit', async () => {
  const hugeText = (size: number) => `<?xml version="1.0"?><project><name>${'a'.repeat(size)}</name></project>`;
  const url = `${srv.api('redmine')}/projects.xml`;
  const overBody = await post(url, hugeText(1024 * 1024 + 10));
  expect(overBody.status, 'a body over the limit').toBe(413);
  expect(overBody.ms).toBeLessThan(QUICK_MS * 2);
  const big = await startInProcess({ apis: ['redmine'], bodyLimit: 8 * 1024 * 1024 });
  try {
    const before = big.digest();
    const { value: res, peakRssGrowth } = await measured(() =>
      post(`${big.api('redmine')}/projects.xml`, hugeText(3 * 1024 * 1024)),
    );
    figure('hostile xml-text-node', { status: res.status, ms: res.ms, 'peak-rss-growth-mb': mb(peakRssGrowth) });
    expect(res.status, 'a 3 MiB text node under an 8 MiB body limit').toBe(400);
    expect(res.ms).toBeLessThan(QUICK_MS * 2);
    expect(peakRssGrowth).toBeLessThan(MEMORY_BOUND);
    expect(big.digest()).toBe(before);
  } finally {
    await big.close();
  }
});
