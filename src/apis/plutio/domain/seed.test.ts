import { expect, test } from 'vitest';
import { isMeteorId } from './ids.js';
import type { JsonObject } from './json.js';
import { COLLECTIONS, collectionForEntityType } from './resources.js';
import { REFERENCE_FIELDS } from './rules/references.js';
import { seedWorkspace } from './seed.js';
import { toSnapshot } from './store/state.js';

const snapshot = (business: string, seed: number, people?: number) =>
  toSnapshot(seedWorkspace(business, { seed, people }));

test('the same seed gives the same workspace; another seed a different one', () => {
  expect(snapshot('acme', 7)).toEqual(snapshot('acme', 7));
  expect(JSON.stringify(snapshot('acme', 8))).not.toBe(JSON.stringify(snapshot('acme', 7)));
});

test('acme and globex differ in people, currency and ids', () => {
  const acme = snapshot('acme', 1);
  const globex = snapshot('globex', 1);
  expect(acme.businessId).not.toBe(globex.businessId);
  expect(acme.collections.businesses?.[0]).toMatchObject({ subdomain: 'acme', currency: 'USD' });
  expect(globex.collections.businesses?.[0]).toMatchObject({ subdomain: 'globex', currency: 'EUR' });
  const ids = (s: typeof acme) => new Set(Object.values(s.collections).flatMap((rs) => (rs ?? []).map((r) => r._id)));
  const acmeIds = ids(acme);
  expect([...ids(globex)].some((id) => acmeIds.has(id))).toBe(false);
  const names = (s: typeof acme) => (s.collections.people ?? []).map((p) => JSON.stringify(p.name));
  expect(names(acme)).not.toEqual(names(globex));
});

test('every collection but trash-free ones holds realistic records with audit fields', () => {
  const s = snapshot('acme', 1);
  for (const name of COLLECTIONS) {
    const records = s.collections[name] ?? [];
    expect(records.length, name).toBeGreaterThan(0);
    for (const r of records) {
      expect(isMeteorId(r._id), `${name} ${r._id}`).toBe(true);
      expect(r.businessId).toBe(s.businessId);
      expect(typeof r.createdAt).toBe('string');
    }
  }
  expect(s.collections.people?.length).toBeGreaterThanOrEqual(15);
  expect(s.collections.tasks?.length).toBeGreaterThanOrEqual(20);
});

test('references in the seed point at existing records', () => {
  const s = snapshot('globex', 3);
  const exists = (coll: string, id: unknown) =>
    (s.collections[coll as keyof typeof s.collections] ?? []).some((r) => r._id === id);
  for (const [name, records] of Object.entries(s.collections)) {
    if (name === 'trash-bin') continue;
    for (const r of records ?? []) {
      for (const [field, target] of Object.entries(REFERENCE_FIELDS)) {
        if (name === 'tasks' && field === 'taskId') continue;
        if (typeof r[field] === 'string') expect(exists(target, r[field]), `${name}.${field}`).toBe(true);
      }
      const parent = collectionForEntityType(r.entityType);
      if (parent && typeof r.entityId === 'string') expect(exists(parent, r.entityId), `${name}.entityId`).toBe(true);
      const client = r.client as JsonObject | undefined;
      if (client) expect(exists(client.entityType === 'company' ? 'companies' : 'people', client._id)).toBe(true);
    }
  }
  const owner = (s.collections.people ?? []).find((p) => p.role === 'owner') as JsonObject;
  expect(exists('profiles', owner.userId)).toBe(true);
});

test('seeded positions are dense per parent and tasks carry a derived board and project', () => {
  const s = snapshot('acme', 1);
  const groups = new Map((s.collections['task-groups'] ?? []).map((g) => [g._id, g]));
  const byGroup = new Map<unknown, number[]>();
  for (const t of s.collections.tasks ?? []) {
    const g = groups.get(t.taskGroupId) as JsonObject;
    expect([t.taskBoardId, t.projectId]).toEqual([g.taskBoardId, g.projectId]);
    byGroup.set(t.taskGroupId, [...(byGroup.get(t.taskGroupId) ?? []), t.position as number]);
  }
  for (const list of byGroup.values()) expect(list.sort()).toEqual([...list.keys()]);
});

test('people can be grown to 10,000 records quickly and deterministically', () => {
  const started = performance.now();
  const big = snapshot('acme', 1, 10_000);
  expect(performance.now() - started).toBeLessThan(5000);
  const people = big.collections.people ?? [];
  expect(people).toHaveLength(10_000);
  const emails = new Set(people.map((p) => (p.contactEmails as JsonObject[])[0]?.address));
  expect(emails.size).toBe(10_000);
  expect(snapshot('acme', 1, 10_000).collections.people?.[9_999]).toEqual(people[9_999]);
});
