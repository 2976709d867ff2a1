import { afterAll, beforeAll, expect, test } from 'vitest';
import { scaled } from './support/budget.js';
import { ADMIN_KEY } from './support/credentials.js';
import { figure } from './support/figures.js';
import { send } from './support/http.js';
import { type PlutioSession, plutioSession, recordIds } from './support/plutio.js';
import { type InProcessServer, startInProcess } from './support/servers.js';

const N = scaled(300, 2000);
const admin = { 'x-redmine-api-key': ADMIN_KEY, 'content-type': 'application/json', accept: 'application/json' };
let srv: InProcessServer;
let plutio: PlutioSession;

beforeAll(async () => {
  srv = await startInProcess();
  plutio = await plutioSession(srv.api('plutio'), 'acme');
});
afterAll(async () => {
  await srv?.close();
});

/** Every company of Planio, paging through the whole list. */
async function allCompanies(): Promise<{ id: number; name: string }[]> {
  const out: { id: number; name: string }[] = [];
  for (let offset = 0; ; offset += 100) {
    const res = await send({
      method: 'GET',
      url: `${srv.api('planio')}/companies.json?limit=100&offset=${offset}`,
      headers: admin,
    });
    const page = JSON.parse(res.bodyText) as { companies: { id: number; name: string }[]; total_count: number };
    out.push(...page.companies);
    if (offset + 100 >= page.total_count) return out;
  }
}

const statuses = (list: { status: number }[]) => {
  const count: Record<number, number> = {};
  for (const r of list) count[r.status] = (count[r.status] ?? 0) + 1;
  return count;
};

test(`${N} parallel creates, updates and deletes of Planio companies lose nothing and duplicate nothing`, async () => {
  const url = srv.api('planio');
  const before = await allCompanies();
  const created = await Promise.all(
    Array.from({ length: N }, (_, i) =>
      send({
        method: 'POST',
        url: `${url}/companies.json`,
        headers: admin,
        body: JSON.stringify({ company: { name: `Parallel ${i}` } }),
      }),
    ),
  );
  expect(statuses(created)).toEqual({ 201: N });
  const ids = created.map((r) => (JSON.parse(r.bodyText) as { company: { id: number } }).company.id);
  expect(new Set(ids).size, 'unique ids').toBe(N);
  const afterCreate = await allCompanies();
  expect(afterCreate.length).toBe(before.length + N);
  expect(afterCreate.filter((c) => c.name.startsWith('Parallel ')).length).toBe(N);

  const hot = ids[0] as number;
  const updates = await Promise.all([
    ...ids.map((id, i) =>
      send({
        method: 'PUT',
        url: `${url}/companies/${id}.json`,
        headers: admin,
        body: JSON.stringify({ company: { name: `Renamed ${i}` } }),
      }),
    ),
    ...Array.from({ length: 100 }, (_, i) =>
      send({
        method: 'PUT',
        url: `${url}/companies/${hot}.json`,
        headers: admin,
        body: JSON.stringify({ company: { name: `Hot ${i}` } }),
      }),
    ),
  ]);
  expect(statuses(updates)).toEqual({ 204: N + 100 });
  const afterUpdate = await allCompanies();
  const byId = new Map(afterUpdate.map((c) => [c.id, c.name]));
  for (const [i, id] of ids.entries()) if (i > 0) expect(byId.get(id), `company ${id}`).toBe(`Renamed ${i}`);
  expect(byId.get(hot)).toMatch(/^(Renamed 0|Hot \d+)$/);
  expect(afterUpdate.length).toBe(before.length + N);

  const deletes = await Promise.all([
    ...ids.map((id) => send({ method: 'DELETE', url: `${url}/companies/${id}.json`, headers: admin })),
    ...Array.from({ length: 50 }, () =>
      send({ method: 'DELETE', url: `${url}/companies/${hot}.json`, headers: admin }),
    ),
  ]);
  const deleted = statuses(deletes);
  expect(deleted[204], 'each company deleted exactly once').toBe(N);
  expect(deleted[404], 'repeated deletes of one company').toBe(50);
  const afterDelete = await allCompanies();
  expect(afterDelete.map((c) => c.id).sort()).toEqual(before.map((c) => c.id).sort());
  figure('concurrency planio', { creates: N, updates: N + 100, deletes: N + 50, 'lost-writes': 0, duplicates: 0 });
}, 120_000);

test('parallel creates of Redmine projects with one identifier: exactly one succeeds, the rest get 422', async () => {
  const url = srv.api('redmine');
  const count = async () =>
    (
      JSON.parse((await send({ method: 'GET', url: `${url}/projects.json?limit=1`, headers: admin })).bodyText) as {
        total_count: number;
      }
    ).total_count;
  const before = await count();
  const body = JSON.stringify({ project: { name: 'Same identifier', identifier: 'same-identifier' } });
  const results = await Promise.all(
    Array.from({ length: 100 }, () => send({ method: 'POST', url: `${url}/projects.json`, headers: admin, body })),
  );
  expect(statuses(results)).toEqual({ 201: 1, 422: 99 });
  expect(await count()).toBe(before + 1);
});

test(`${N} parallel creates and deletes of Plutio people keep exact counts and unique ids`, async () => {
  const url = `${srv.api('plutio')}/people`;
  const headers = { ...plutio.headers, 'content-type': 'application/json' };
  const list = async () =>
    recordIds((await send({ method: 'GET', url: `${url}?limit=1000`, headers: plutio.headers })).bodyText);
  const before = await list();
  const created = await Promise.all(
    Array.from({ length: N }, (_, i) =>
      send({
        method: 'POST',
        url,
        headers,
        body: JSON.stringify({ name: { first: `Parallel`, last: `${i}` }, role: 'client', status: 'active' }),
      }),
    ),
  );
  expect(statuses(created)).toEqual({ 200: N });
  const ids = created.map((r) => (JSON.parse(r.bodyText) as { _id: string })._id);
  expect(new Set(ids).size).toBe(N);
  const afterCreate = await list();
  expect(afterCreate.length).toBe(Math.min(1000, before.length + N));
  const deletes = await Promise.all(
    ids.map((id) => send({ method: 'DELETE', url, headers, body: JSON.stringify({ _id: id }) })),
  );
  expect(
    Object.keys(statuses(deletes)).every((s) => Number(s) < 300),
    JSON.stringify(statuses(deletes)),
  ).toBe(true);
  expect((await list()).sort()).toEqual([...before].sort());
  figure('concurrency plutio', { creates: N, deletes: N, 'lost-writes': 0, duplicates: 0 });
}, 120_000);
