import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ApiId } from '../src/spec/load.js';
import { ADMIN_KEY } from './support/credentials.js';
import { docsText, missingStatements } from './support/docs-text.js';
import { figure } from './support/figures.js';
import { send } from './support/http.js';
import { plutioSession } from './support/plutio.js';
import { type InProcessServer, startInProcess } from './support/servers.js';
import { specDifferences, specKit } from './support/spec.js';

const MiB = 1024 * 1024;
let srv: InProcessServer;
let plutioHeaders: Record<string, string> = {};

beforeAll(async () => {
  srv = await startInProcess();
  plutioHeaders = (await plutioSession(srv.api('plutio'), 'acme')).headers;
});
afterAll(async () => {
  await srv?.close();
});

/** A create of each API: URL, headers and operationId (for the spec check of the answer). */
function creates(): { api: ApiId; operationId: string; url: string; headers: Record<string, string> }[] {
  const family = { 'x-redmine-api-key': ADMIN_KEY, 'content-type': 'application/json' };
  return [
    { api: 'redmine', operationId: 'createProject', url: `${srv.api('redmine')}/projects.json`, headers: family },
    { api: 'planio', operationId: 'createCompany', url: `${srv.api('planio')}/companies.json`, headers: family },
    { api: 'redmineup', operationId: 'createContact', url: `${srv.api('redmineup')}/contacts.json`, headers: family },
    {
      api: 'plutio',
      operationId: 'createPerson',
      url: `${srv.api('plutio')}/people`,
      headers: { ...plutioHeaders, 'content-type': 'application/json' },
    },
  ];
}

const oversized = () => Buffer.from(`{"name":"${'a'.repeat(MiB)}"}`);

test('a body over the 1 MiB limit is refused with 413 at once, by Content-Length or chunked, and the server goes on', async () => {
  const problems: string[] = [];
  for (const c of creates()) {
    const before = srv.digest();
    const res = await send({ method: 'POST', url: c.url, headers: c.headers, body: oversized() });
    if (res.status !== 413) problems.push(`${c.api}: expected 413, got ${res.status}`);
    if (res.ms > 1000) problems.push(`${c.api}: the 413 took ${res.ms} ms`);
    if (srv.digest() !== before) problems.push(`${c.api}: the store changed`);
  }
  const chunked = await send({
    method: 'POST',
    url: `${srv.api('redmine')}/projects.json`,
    headers: { 'x-redmine-api-key': ADMIN_KEY, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    body: oversized(),
  });
  if (chunked.status !== 413) problems.push(`chunked: expected 413, got ${chunked.status}`);
  const after = await send({ method: 'GET', url: `${srv.url}/__crmkit/health` });
  figure('limits body', { limit: MiB, tried: 5, problems: problems.length });
  expect(problems, problems.join('\n')).toEqual([]);
  expect(after.status).toBe(200);
});

test('the 413 answers of every API are in its spec', () => {
  return Promise.all(
    creates().map(async (c) => {
      const op = specKit(c.api).spec.byId.get(c.operationId);
      if (!op) throw new Error(`${c.api} has no ${c.operationId}`);
      const res = await send({ method: 'POST', url: c.url, headers: c.headers, body: oversized() });
      return specDifferences(specKit(c.api), op, c.api === 'plutio' ? undefined : 'json', res);
    }),
  ).then((lists) => {
    const problems = lists.flat();
    expect(problems, `the specs do not document the body-size refusal:\n${problems.join('\n')}`).toEqual([]);
  });
});

test('headers over 16 KiB and URLs over 16 KiB are refused with 431 (or 414), and the server goes on', async () => {
  const bigHeader = await send({
    method: 'GET',
    url: `${srv.api('redmine')}/projects.json`,
    headers: { 'x-filler': 'a'.repeat(20_000) },
  });
  const longUrl = await send({ method: 'GET', url: `${srv.api('redmine')}/projects.json?x=${'a'.repeat(20_000)}` });
  const manyHeaders = await send({
    method: 'GET',
    url: `${srv.api('redmine')}/projects.json`,
    headers: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`x-h${i}`, 'v'])),
  });
  const health = await send({ method: 'GET', url: `${srv.url}/__crmkit/health` });
  figure('limits headers', {
    'header-20k': bigHeader.status,
    'url-20k': longUrl.status,
    'headers-3000': manyHeaders.status,
  });
  expect(bigHeader.status).toBe(431);
  expect([414, 431]).toContain(longUrl.status);
  expect(manyHeaders.status).toBeGreaterThanOrEqual(400);
  expect(manyHeaders.status).toBeLessThan(500);
  expect(health.status).toBe(200);
});

test('Redmine-family limit, offset and page values are clamped as Redmine does (limit 1–100), never an error', async () => {
  const url = `${srv.api('planio')}/companies.json`;
  const cases: [string, number][] = [
    ['limit=1000000', 100],
    ['limit=99999999999999999999999', 100],
    ['limit=-5', 25],
    ['limit=abc', 25],
    ['limit=0', 25],
    ['limit=3&offset=-7', 3],
    ['limit=2&offset=99999999999999999999', 2],
    ['limit=2&page=99999999999999999999', 2],
  ];
  const op = specKit('planio').spec.byId.get('listCompanies');
  for (const [qs, expected] of cases) {
    const res = await send({ method: 'GET', url: `${url}?${qs}`, headers: { 'x-redmine-api-key': ADMIN_KEY } });
    expect(res.status, qs).toBe(200);
    const body = JSON.parse(res.bodyText) as { limit: number; offset: number; companies: unknown[] };
    expect(body.limit, qs).toBe(expected);
    expect(body.companies.length, qs).toBeLessThanOrEqual(expected);
    expect(body.offset, qs).toBeGreaterThanOrEqual(0);
    if (op) expect(specDifferences(specKit('planio'), op, 'json', res), qs).toEqual([]);
  }
});

test('Plutio limit and skip: above 1000 capped, anything not a non-negative integer refused with 400', async () => {
  const url = `${srv.api('plutio')}/people`;
  const op = specKit('plutio').spec.byId.get('listPeople');
  const capped = await send({ method: 'GET', url: `${url}?limit=50000`, headers: plutioHeaders });
  expect(capped.status).toBe(200);
  expect((JSON.parse(capped.bodyText) as unknown[]).length).toBeLessThanOrEqual(1000);
  for (const qs of [
    'limit=-1',
    'limit=abc',
    'limit=1.5',
    'limit=99999999999999999999',
    'skip=-1',
    'skip=1e3',
    'limit=',
  ]) {
    const res = await send({ method: 'GET', url: `${url}?${qs}`, headers: plutioHeaders });
    expect(res.status, `${qs}: ${res.bodyText.slice(0, 100)}`).toBe(400);
    if (op) expect(specDifferences(specKit('plutio'), op, undefined, res), qs).toEqual([]);
  }
});

test('Plutio refuses more than a documented number of filter keys with 400', async () => {
  const filters = Array.from({ length: 300 }, (_, i) => `field${i}=${i}`).join('&');
  const res = await send({ method: 'GET', url: `${srv.api('plutio')}/people?${filters}`, headers: plutioHeaders });
  figure('limits filter-keys', { keys: 300, status: res.status, ms: res.ms });
  expect(res.status, `300 filter keys were not refused: ${res.status} ${res.bodyText.slice(0, 120)}`).toBe(400);
  expect(res.bodyText.toLowerCase()).toContain('filter');
});

test('the limits are documented: body size (413), header and URL size (431), paging caps, filter keys, q', () => {
  const missing = missingStatements(docsText(), {
    'the request body limit and its 413': /413[\s\S]{0,300}(body|limit)|(body|limit)[\s\S]{0,300}413/i,
    'the header / URL size limit and its 431': /431/,
    'the Redmine-family limit cap of 100': /limit[^\n]{0,120}\b100\b/i,
    'the Plutio limit cap of 1000': /(cap|at most|max)[^\n]{0,80}\b1000\b/i,
    'the maximum number of Plutio filter keys': /filter keys?[^.\n]{0,80}\d+|\d+[^.\n]{0,40}filter keys?/i,
    'the q nesting / size limits': /(nest|deep)[^.\n]{0,80}\b\d+\b[^.\n]{0,40}level|\b\d+\b[^.\n]{0,40}levels?/i,
  });
  expect(missing, `docs/ or README.md do not state: ${missing.join('; ')}`).toEqual([]);
});
