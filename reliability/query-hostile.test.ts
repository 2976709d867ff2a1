import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseListQuery } from '../src/apis/plutio/domain/query.js';
import { spawnServer } from './support/child-server.js';
import { figure } from './support/figures.js';
import { takeCodeExecution } from './support/fuzz/invariants.js';
import { CODE_OPERATORS, CODE_PAYLOAD, EVIL_REGEXES, nestedQuery } from './support/fuzz/mongo-query.js';
import { ownObject } from './support/fuzz/mutate.js';
import { send } from './support/http.js';
import { plutioSession } from './support/plutio.js';
import { regexCost } from './support/regex-cost.js';
import { type InProcessServer, startInProcess } from './support/servers.js';
import { specDifferences, specKit } from './support/spec.js';

/** Patterns that backtrack catastrophically (exponentially or with a high polynomial) on `aaaa…!`. */
const REDOS = [
  ...EVIL_REGEXES,
  'a*a*a*a*a*a*a*a*a*a*a*b',
  '\\w*\\w*\\w*\\w*\\w*\\w*\\w*\\w*\\w*!',
  '(a+){1,30}b',
  '(.*){1,25}x',
  '(?:a|a?){2,30}$',
  '(a*)*b',
  '^(([a-z])+.)+[A-Z]([a-z])+$',
];
const SUBJECT = `${'a'.repeat(32)}!`;
const QUICK_MS = 500;
let srv: InProcessServer;

beforeAll(async () => {
  srv = await startInProcess({ apis: ['plutio'] });
});
afterAll(async () => {
  await srv?.close();
});

async function listPeople(q: unknown, extra = '') {
  const apiUrl = srv.api('plutio');
  const session = await plutioSession(apiUrl, 'acme');
  const qs = q === undefined ? extra : `q=${encodeURIComponent(typeof q === 'string' ? q : JSON.stringify(q))}${extra}`;
  return send({ method: 'GET', url: `${apiUrl}/people?${qs}`, headers: session.headers, timeoutMs: 5000 });
}

const listOp = () => {
  const op = specKit('plutio').spec.byId.get('listPeople');
  if (!op) throw new Error('plutio has no listPeople operation');
  return op;
};

test('$where, $function, $accumulator, $expr and other refused operators in q: 400 at any depth, never executed', async () => {
  const problems: string[] = [];
  let tried = 0;
  for (const op of CODE_OPERATORS) {
    const payload =
      op === '$function' ? { body: `function() { ${CODE_PAYLOAD} }`, args: [], lang: 'js' } : CODE_PAYLOAD;
    const clause = ownObject(op, payload);
    const placements = {
      top: clause,
      field: { 'name.first': clause },
      and: { $and: [{ status: 'active' }, clause] },
      or: { $or: [clause] },
      nor: { $nor: [clause] },
      elemMatch: { customFields: { $elemMatch: clause } },
      not: { 'name.first': { $not: clause } },
      deep: { $and: [{ $or: [{ $and: [clause] }] }] },
    };
    for (const [where, q] of Object.entries(placements)) {
      const before = srv.digest();
      const res = await listPeople(q);
      tried++;
      const label = `${op} (${where})`;
      if (res.status !== 400) problems.push(`${label}: expected 400, got ${res.status} ${res.bodyText.slice(0, 120)}`);
      if (res.ms > QUICK_MS) problems.push(`${label}: took ${res.ms} ms`);
      if (takeCodeExecution()) problems.push(`${label}: the payload was executed`);
      if (srv.digest() !== before) problems.push(`${label}: the store changed`);
      for (const d of specDifferences(specKit('plutio'), listOp(), undefined, res)) problems.push(`${label}: ${d}`);
    }
  }
  figure('hostile q code-operators', { tried, problems: problems.length });
  expect(problems, problems.join('\n')).toEqual([]);
});

test('regexes that backtrack catastrophically are refused, or cost under 50 ms on a 33-character value', async () => {
  const problems: string[] = [];
  let refused = 0;
  for (const pattern of REDOS) {
    let accepted = true;
    try {
      parseListQuery({ q: JSON.stringify({ 'name.first': { $regex: pattern } }) });
    } catch {
      accepted = false;
    }
    if (!accepted) {
      refused++;
      const res = await listPeople({ 'name.first': { $regex: pattern } });
      if (res.status !== 400) problems.push(`/${pattern}/: refused by the query parser, yet HTTP gave ${res.status}`);
      continue;
    }
    const ms = await regexCost(pattern, '', SUBJECT, 500);
    if (ms > 50) {
      const cost = Number.isFinite(ms) ? `${Math.round(ms)} ms` : 'more than 500 ms (killed)';
      problems.push(`/${pattern}/ is accepted in q and takes ${cost} against "${SUBJECT}"`);
    }
  }
  figure('hostile q regex', { tried: REDOS.length, refused, 'accepted-and-slow': problems.length });
  expect(problems, `src/apis/plutio/domain/query/regex-safety.ts lets these through:\n${problems.join('\n')}`).toEqual(
    [],
  );
}, 60_000);

test('a catastrophic regex never blocks the server: its health check answers within 1 s after each one', async () => {
  const child = await spawnServer(['--api', 'plutio', '--plutio-rate-limit', '0']);
  const blocked: string[] = [];
  try {
    const session = await plutioSession(child.url, 'acme');
    const headers = { ...session.headers, 'content-type': 'application/json' };
    const planted = await send({
      method: 'POST',
      url: `${child.url}/people`,
      headers,
      body: JSON.stringify({ name: { first: SUBJECT, last: SUBJECT }, role: 'lead', status: 'active' }),
    });
    expect(planted.status, `planting a person: ${planted.bodyText.slice(0, 200)}`).toBe(200);
    for (const pattern of REDOS) {
      const q = encodeURIComponent(JSON.stringify({ 'name.first': { $regex: pattern } }));
      const res = await send({
        method: 'GET',
        url: `${child.url}/people?q=${q}`,
        headers: session.headers,
        timeoutMs: 2000,
      });
      const health = await send({ method: 'GET', url: `${child.url}/__crmkit/health`, timeoutMs: 1000 });
      if (res.timedOut || health.status !== 200) {
        blocked.push(
          `/${pattern}/: the query ${res.timedOut ? 'did not answer in 2 s' : `gave ${res.status}`}, health ${health.timedOut ? 'timed out' : health.status}`,
        );
        break;
      }
      if (res.status >= 500) blocked.push(`/${pattern}/: ${res.status}`);
    }
  } finally {
    await child.stop('SIGKILL');
  }
  figure('hostile q regex-http', { tried: REDOS.length, blocked: blocked.length });
  expect(blocked, blocked.join('\n')).toEqual([]);
}, 60_000);

test('deeply nested and oversized q is refused with 400 quickly', async () => {
  const problems: string[] = [];
  const cases: Record<string, unknown> = {
    'and-21': nestedQuery(21),
    'and-1000': nestedQuery(1000),
    'and-10000': `${'{"$and":['.repeat(10_000)}{"name":"x"}${']}'.repeat(10_000)}`,
    'not-200': Array.from({ length: 200 }).reduce<unknown>((q) => ({ $not: q }), { $eq: 1 }),
    'elemMatch-200': Array.from({ length: 200 }).reduce<unknown>((q) => ({ a: { $elemMatch: q } }), { b: 1 }),
    'in-1500': { status: { $in: Array.from({ length: 1500 }, (_, i) => i) } },
    'or-400': { $or: Array.from({ length: 400 }, (_, i) => ({ n: i })) },
  };
  for (const [name, q] of Object.entries(cases)) {
    const res = await listPeople(q);
    if (res.status !== 400 && res.status !== 414 && res.status !== 431) {
      problems.push(`${name}: expected 400 (or 414/431 for an over-long URL), got ${res.status}`);
    }
    if (res.ms > QUICK_MS) problems.push(`${name}: took ${res.ms} ms`);
  }
  figure('hostile q nesting', { tried: Object.keys(cases).length, problems: problems.length });
  expect(problems, problems.join('\n')).toEqual([]);
});

test('filter keys that name operators or prototypes are refused with 400', async () => {
  const problems: string[] = [];
  const keys = [
    '$where',
    '$expr',
    '__proto__',
    '__proto__[]',
    '__proto__.polluted',
    'constructor.prototype.polluted',
    'a..b',
    '.name',
    'name.',
  ];
  for (const key of keys) {
    const res = await listPeople(undefined, `${encodeURIComponent(key)}=${encodeURIComponent(CODE_PAYLOAD)}`);
    if (res.status !== 400) problems.push(`filter "${key}": expected 400, got ${res.status}`);
    if (takeCodeExecution()) problems.push(`filter "${key}": the payload was executed`);
    for (const d of specDifferences(specKit('plutio'), listOp(), undefined, res))
      problems.push(`filter "${key}": ${d}`);
  }
  figure('hostile filters', { tried: keys.length, problems: problems.length });
  expect(problems, problems.join('\n')).toEqual([]);
});
