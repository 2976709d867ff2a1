import { expect, test } from 'vitest';
import { Collection } from './collection.js';
import { Database } from './database.js';
import { createRng } from './prng.js';

interface Thing {
  id: number;
  name: string;
  tags: string[];
}

test('insert assigns increasing ids and never reuses a deleted one', () => {
  const c = new Collection<Thing>('things');
  const a = c.insert({ name: 'a', tags: [] });
  const b = c.insert({ name: 'b', tags: [] });
  c.remove(b.id);
  const d = c.insert({ name: 'd', tags: [] });
  expect([a.id, b.id, d.id]).toEqual([1, 2, 3]);
});

test('stored records are frozen copies: neither reader nor writer can alias them', () => {
  const c = new Collection<Thing>('things');
  const input = { name: 'a', tags: ['x'] };
  const stored = c.insert(input);
  input.tags.push('y');
  expect(c.get(stored.id)?.tags).toEqual(['x']);
  expect(() => {
    (stored as Thing).name = 'changed';
  }).toThrow(TypeError);
  expect(Object.isFrozen(stored.tags)).toBe(true);
});

test('update merges a patch and returns a new record', () => {
  const c = new Collection<Thing>('things');
  const a = c.insert({ name: 'a', tags: [] });
  const updated = c.update(a.id, { name: 'b' });
  expect(updated).toEqual({ id: 1, name: 'b', tags: [] });
  expect(a.name).toBe('a');
});

test('transaction rolls every collection back when the callback throws', () => {
  const db = new Database();
  const things = db.define<Thing>('things');
  things.insert({ name: 'kept', tags: [] });
  expect(() =>
    db.transaction(() => {
      things.insert({ name: 'new', tags: [] });
      things.update(1, { name: 'changed' });
      throw new Error('validation failed late');
    }),
  ).toThrow('validation failed late');
  expect(things.all().map((t) => t.name)).toEqual(['kept']);
  expect(things.insert({ name: 'next', tags: [] }).id).toBe(2);
});

test('the database version grows with every write and rollback, not with reads', () => {
  const db = new Database();
  const things = db.define<Thing>('things');
  const v0 = db.version;
  things.insert({ name: 'a', tags: [] });
  things.all();
  things.get(1);
  const v1 = db.version;
  expect(v1).toBeGreaterThan(v0);
  expect(() =>
    db.transaction(() => {
      things.update(1, { name: 'b' });
      throw new Error('undo');
    }),
  ).toThrow();
  expect(db.version).toBeGreaterThan(v1 + 1);
  expect(things.get(1)?.name).toBe('a');
});

test('export and import round-trip, and a bad snapshot changes nothing', () => {
  const db = new Database();
  const things = db.define<Thing>('things');
  things.insert({ name: 'a', tags: ['t'] });
  const snapshot = JSON.parse(JSON.stringify(db.export()));
  things.clear();
  db.import(snapshot);
  expect(things.get(1)?.tags).toEqual(['t']);
  expect(() => db.import({ things: { nextId: 1, items: [5] } })).toThrow();
  expect(() => db.import({ nope: { nextId: 1, items: [] } })).toThrow('unknown collection');
  expect(things.size).toBe(1);
});

test('the seeded generator is deterministic', () => {
  const a = createRng(42);
  const b = createRng(42);
  const seqA = [a.int(1, 100), a.hex(8), a.pick(['x', 'y', 'z'])];
  const seqB = [b.int(1, 100), b.hex(8), b.pick(['x', 'y', 'z'])];
  expect(seqA).toEqual(seqB);
  expect(createRng(43).hex(16)).not.toBe(createRng(42).hex(16));
});
