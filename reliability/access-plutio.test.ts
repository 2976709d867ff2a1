import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { figure } from './support/figures.js';
import { send } from './support/http.js';
import { type PlutioSession, plutioSession, recordIds } from './support/plutio.js';
import { type InProcessServer, startInProcess } from './support/servers.js';
import { specDifferences, specKit } from './support/spec.js';

let srv: InProcessServer;
let apiUrl = '';
let acme: PlutioSession;
let globex: PlutioSession;

beforeAll(async () => {
  srv = await startInProcess({ apis: ['plutio'] });
  apiUrl = srv.api('plutio');
  acme = await plutioSession(apiUrl, 'acme');
  globex = await plutioSession(apiUrl, 'globex');
});
afterAll(async () => {
  await srv?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

const json = (s: PlutioSession) => ({ ...s.headers, 'content-type': 'application/json' });

test("a Plutio token never reaches another business's data: lists are disjoint, reads, updates and deletes by id miss", async () => {
  const kit = specKit('plutio');
  const lists = kit.spec.operations.filter((op) => op.method === 'GET' && !op.path.includes('oauth'));
  const problems: string[] = [];
  let probes = 0;
  for (const op of lists) {
    const acmeIds = recordIds(
      (await send({ method: 'GET', url: `${apiUrl}${op.path}?limit=1000`, headers: acme.headers })).bodyText,
    );
    const globexIds = new Set(
      recordIds(
        (await send({ method: 'GET', url: `${apiUrl}${op.path}?limit=1000`, headers: globex.headers })).bodyText,
      ),
    );
    probes += 2;
    const shared = acmeIds.filter((id) => globexIds.has(id));
    if (shared.length > 0) problems.push(`GET ${op.path}: acme and globex both list ${shared.slice(0, 3).join(', ')}`);
    for (const id of acmeIds.slice(0, 2)) {
      const before = srv.digest();
      const read = await send({ method: 'GET', url: `${apiUrl}${op.path}?_id=${id}`, headers: globex.headers });
      probes++;
      if (read.status === 200 && read.bodyText.includes(id)) problems.push(`globex read acme's ${op.path} ${id}`);
      for (const write of kit.spec.operations.filter(
        (w) => w.path === op.path && (w.method === 'PUT' || w.method === 'DELETE'),
      )) {
        const body = JSON.stringify(write.method === 'PUT' ? { _id: id, title: 'x', name: 'x' } : { _id: id });
        const res = await send({ method: write.method, url: `${apiUrl}${write.path}`, headers: json(globex), body });
        probes++;
        if (res.status < 400) problems.push(`globex ${write.method} ${write.path} of acme's ${id}: ${res.status}`);
        for (const d of specDifferences(kit, write, undefined, res)) problems.push(d);
      }
      if (srv.digest() !== before) problems.push(`globex's calls on acme's ${op.path} ${id} changed the store`);
    }
  }
  figure('access plutio tenants', { probes, breaches: problems.length });
  expect(problems, problems.join('\n')).toEqual([]);
});

test("a token used with another business's Business header is refused with 400 on every operation", async () => {
  const kit = specKit('plutio');
  const problems: string[] = [];
  for (const op of kit.spec.operations.filter((o) => !o.path.includes('oauth'))) {
    const before = srv.digest();
    const res = await send({
      method: op.method,
      url: `${apiUrl}${op.path}`,
      headers: { ...json(acme), business: 'globex' },
      body: op.method === 'GET' ? undefined : '{}',
    });
    if (res.status !== 400) problems.push(`${op.method} ${op.path}: ${res.status}`);
    if (srv.digest() !== before) problems.push(`${op.method} ${op.path}: the store changed`);
    for (const d of specDifferences(kit, op, undefined, res)) problems.push(d);
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test('expired, unknown and malformed tokens are refused with 401', async () => {
  const kit = specKit('plutio');
  const op = kit.spec.byId.get('listPeople');
  if (!op) throw new Error('plutio has no listPeople');
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date());
  const fresh = await plutioSession(apiUrl, 'acme');
  const ok = await send({ method: 'GET', url: `${apiUrl}/people?limit=1`, headers: fresh.headers });
  expect(ok.status).toBe(200);
  vi.setSystemTime(new Date(Date.now() + 3601 * 1000));
  const expired = await send({ method: 'GET', url: `${apiUrl}/people?limit=1`, headers: fresh.headers });
  vi.useRealTimers();
  expect(expired.status, `a token past its hour: ${expired.bodyText}`).toBe(401);
  expect(expired.bodyText).toMatch(/expired/i);
  expect(specDifferences(kit, op, undefined, expired)).toEqual([]);
  for (const authorization of [
    `Bearer ${'0'.repeat(40)}`,
    'Bearer',
    `Basic ${fresh.token}`,
    `Bearer ${fresh.token}x`,
    '',
  ]) {
    const res = await send({ method: 'GET', url: `${apiUrl}/people`, headers: { authorization, business: 'acme' } });
    expect(res.status, `Authorization: ${authorization.slice(0, 20)}`).toBe(401);
  }
});
