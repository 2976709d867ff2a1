import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadBundledSpec } from '../../spec/load.js';
import { resourceDef } from './domain/index.js';
import { LIFECYCLE_CASES, type LifecycleCase, type RefLookup } from './lifecycle-cases.js';
import { resourceOperations } from './operations.js';
import { type Json, type PlutioTestServer, startPlutio } from './test-support.js';

let s: PlutioTestServer;
beforeAll(async () => {
  s = await startPlutio({ plutioRateLimit: 0 });
});
afterAll(async () => {
  expect(s.ts.violations()).toEqual([]);
  await s.close();
});

const groups = [...new Set(resourceOperations(loadBundledSpec('plutio')).map((o) => o.collection))].sort();

const ref: RefLookup = async (collection, query = '') => {
  const res = await s.call('GET', `/${collection}?limit=1${query}`);
  expect(res.status).toBe(200);
  return res.body[0]._id;
};

const unknownId = 'zzzzzzzzzzzzzzzzz';

test('the table covers the 37 resource groups of the document', () => {
  expect(groups).toHaveLength(37);
  expect(Object.keys(LIFECYCLE_CASES).sort()).toEqual(groups);
});

async function expectGone(collection: string, id: string, readable = true): Promise<void> {
  if (readable) expect((await s.call('GET', `/${collection}?_id=${id}`)).status).toBe(404);
  expect((await s.call('PUT', `/${collection}`, { body: { _id: id, title: 'x' } })).status).toBe(404);
  expect((await s.call('DELETE', `/${collection}`, { body: { _id: id } })).status).toBe(404);
}

async function crudLifecycle(collection: string, c: Extract<LifecycleCase, { kind: 'crud' }>): Promise<void> {
  const tag = `Lifecycle ${collection} ${Date.now()}`;
  const body = await c.create(tag, ref);
  const created = await s.call('POST', `/${collection}`, { body });
  expect(created.status, created.text).toBe(200);
  const record: Json = created.body;
  expect(record._id).toMatch(/^[23456789A-HJ-NP-Za-km-z]{17}$/);
  expect(record).toMatchObject({ createdAt: expect.any(String), businessId: expect.any(String) });
  const id = record._id as string;

  const one = await s.call('GET', `/${collection}?_id=${id}`);
  expect(one.status).toBe(200);
  expect(one.body).toEqual(record);

  const listed = await s.call('GET', `/${collection}?${c.filter(tag, record)}`);
  expect(listed.status, listed.text).toBe(200);
  expect(listed.body.map((r: Json) => r._id)).toEqual([id]);

  const updated = await s.call('PUT', `/${collection}`, { body: { _id: id, ...c.update } });
  expect(updated.status, updated.text).toBe(200);
  expect(updated.body).toMatchObject({ _id: id, ...c.update });
  expect(updated.body.createdAt).toBe(record.createdAt);
  expect((await s.call('GET', `/${collection}?_id=${id}`)).body).toEqual(updated.body);

  const removed = await s.call('DELETE', `/${collection}`, { body: { _id: id } });
  expect(removed.status, removed.text).toBe(200);
  expect(removed.body._id).toBe(id);
  await expectGone(collection, id);
  const trashed = await s.call('GET', `/trash-bin?entityId=${id}`);
  expect(trashed.body).toHaveLength(resourceDef(collection as never).trash ? 1 : 0);
}

async function readOnly(collection: string): Promise<void> {
  const all = await s.call('GET', `/${collection}?limit=1000`);
  expect(all.status).toBe(200);
  expect(all.body.length).toBeGreaterThan(0);
  const first: Json = all.body[0];
  expect((await s.call('GET', `/${collection}?_id=${first._id}`)).body).toEqual(first);
  const [field, value] = Object.entries(first).find(([k, v]) => k !== '_id' && typeof v === 'string') ?? [];
  const filtered = await s.call('GET', `/${collection}?${field}=${encodeURIComponent(String(value))}`);
  expect(filtered.body.length).toBeGreaterThan(0);
  expect(filtered.body.every((r: Json) => r[field as string] === value)).toBe(true);
  expect((await s.call('GET', `/${collection}?_id=${unknownId}`)).status).toBe(404);
  expect((await s.call('POST', `/${collection}`, { body: { title: 'x' } })).status).toBe(403);
  expect((await s.call('PUT', `/${collection}`, { body: { _id: first._id } })).status).toBe(403);
}

async function updateOnly(collection: string, update: Json): Promise<void> {
  const first: Json = (await s.call('GET', `/${collection}?limit=1`)).body[0];
  const updated = await s.call('PUT', `/${collection}`, { body: { _id: first._id, ...update } });
  expect(updated.status, updated.text).toBe(200);
  expect(updated.body).toMatchObject({ ...first, ...update, updatedAt: expect.any(String) });
  expect((await s.call('GET', `/${collection}?_id=${first._id}`)).body).toEqual(updated.body);
  const [field, value] = Object.entries(update)[0] ?? [];
  const filtered = await s.call('GET', `/${collection}?${field}=${encodeURIComponent(String(value))}`);
  expect(filtered.body.map((r: Json) => r._id)).toEqual([first._id]);
  expect((await s.call('PUT', `/${collection}`, { body: { _id: unknownId, ...update } })).status).toBe(404);
  expect((await s.call('POST', `/${collection}`, { body: update })).status).toBe(403);
  expect((await s.call('DELETE', `/${collection}`, { body: { _id: first._id } })).status).toBe(403);
}

async function writeOnly(collection: string, c: Extract<LifecycleCase, { kind: 'write-only' }>): Promise<void> {
  const created = await s.call('POST', `/${collection}`, { body: c.create(`Lifecycle ${collection}`) });
  expect(created.status, created.text).toBe(200);
  const id = created.body._id as string;
  const updated = await s.call('PUT', `/${collection}`, { body: { _id: id, ...c.update } });
  expect(updated.body).toMatchObject({ _id: id, ...c.update, permissions: created.body.permissions });
  expect((await s.call('GET', `/${collection}`)).status).toBe(403);
  expect((await s.call('DELETE', `/${collection}`, { body: { _id: id } })).body._id).toBe(id);
  await expectGone(collection, id, false);
}

async function trashBin(): Promise<void> {
  const note = await s.call('POST', '/notes', { body: { title: 'Trash me' } });
  await s.call('DELETE', '/notes', { body: { _id: note.body._id } });
  const listed = await s.call('GET', `/trash-bin?entityId=${note.body._id}`);
  expect(listed.body).toHaveLength(1);
  const entry: Json = listed.body[0];
  expect(entry).toMatchObject({ entityType: 'note', entityId: note.body._id, title: 'Trash me' });
  expect((await s.call('GET', `/trash-bin?_id=${entry._id}`)).body).toEqual(entry);
  expect((await s.call('DELETE', '/trash-bin', { body: { _id: entry._id } })).body._id).toBe(entry._id);
  expect((await s.call('GET', `/trash-bin?_id=${entry._id}`)).status).toBe(404);
  expect((await s.call('DELETE', '/trash-bin', { body: { _id: entry._id } })).status).toBe(404);
}

describe.each(groups)('lifecycle of %s', (collection) => {
  test('create / read / list / update / delete as the index offers', async () => {
    const c = LIFECYCLE_CASES[collection] as LifecycleCase;
    if (c.kind === 'crud') await crudLifecycle(collection, c);
    else if (c.kind === 'read-only') await readOnly(collection);
    else if (c.kind === 'update-only') await updateOnly(collection, c.update);
    else if (c.kind === 'write-only') await writeOnly(collection, c);
    else await trashBin();
  });
});
