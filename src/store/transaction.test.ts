import { expect, test } from 'vitest';
import { Database } from './database.js';

interface Thing {
  id: number;
  name: string;
}

function setup() {
  const db = new Database();
  const things = db.define<Thing>('things');
  const others = db.define<Thing>('others');
  for (const name of ['a', 'b', 'c', 'd']) things.insert({ name });
  others.insert({ name: 'x' });
  return { db, things, others };
}

const names = (c: { all(): readonly { name: string }[] }) => c.all().map((t) => t.name);

test('a failed transaction puts removed records back in their place, with their contents', () => {
  const { db, things } = setup();
  expect(() =>
    db.transaction(() => {
      things.remove(2);
      things.update(3, { name: 'C' });
      things.remove(3);
      things.insert({ name: 'e' });
      throw new Error('late failure');
    }),
  ).toThrow('late failure');
  expect(names(things)).toEqual(['a', 'b', 'c', 'd']);
  expect(things.get(3)?.name).toBe('c');
  expect(things.insert({ name: 'e' }).id).toBe(5);
});

test('a committed transaction keeps its writes; a later rollback does not reach back into it', () => {
  const { db, things } = setup();
  db.transaction(() => things.remove(1));
  expect(() =>
    db.transaction(() => {
      things.remove(4);
      throw new Error('undo this one only');
    }),
  ).toThrow();
  expect(names(things)).toEqual(['b', 'c', 'd']);
});

test('a failed inner transaction undoes only its own writes; a failed outer one undoes everything', () => {
  const { db, things, others } = setup();
  db.transaction(() => {
    things.update(1, { name: 'A' });
    expect(() =>
      db.transaction(() => {
        others.remove(1);
        things.remove(2);
        throw new Error('inner');
      }),
    ).toThrow('inner');
    expect(names(others)).toEqual(['x']);
    things.remove(3);
  });
  expect(names(things)).toEqual(['A', 'b', 'd']);
  expect(() =>
    db.transaction(() => {
      db.transaction(() => things.remove(1));
      others.insert({ name: 'y' });
      throw new Error('outer');
    }),
  ).toThrow('outer');
  expect(names(things)).toEqual(['A', 'b', 'd']);
  expect(names(others)).toEqual(['x']);
});

test('a failed import restores the cleared collections, ids and order', () => {
  const { db, things, others } = setup();
  things.remove(1);
  expect(() =>
    db.import({
      things: { nextId: 9, items: [{ name: 'new' }] },
      others: { nextId: 1, items: [{ id: 1, name: 'y' }, 'bad'] },
    }),
  ).toThrow('collection "others", record 1 is not an object');
  expect(names(things)).toEqual(['b', 'c', 'd']);
  expect(names(others)).toEqual(['x']);
  expect(things.insert({ name: 'e' }).id).toBe(5);
});

test('an import failing half-way (a limit reached in the second collection) puts the first one back', () => {
  const db = new Database({ maxRecords: 3, maxBytes: Number.POSITIVE_INFINITY });
  const things = db.define<Thing>('things');
  const others = db.define<Thing>('others');
  for (const name of ['a', 'b', 'c']) things.insert({ name });
  things.remove(1);
  others.insert({ name: 'x' });
  expect(() =>
    db.import({
      things: { nextId: 9, items: [{ id: 8, name: 'new' }] },
      others: { nextId: 1, items: [1, 2, 3, 4].map((id) => ({ id, name: `o${id}` })) },
    }),
  ).toThrow('cannot hold more than 3 records');
  expect(names(things)).toEqual(['b', 'c']);
  expect(names(others)).toEqual(['x']);
  expect(things.insert({ name: 'd' }).id).toBe(4);
});

test('writes outside a transaction are not recorded and rollbacks count as changes', () => {
  const { db, things } = setup();
  const before = db.version;
  for (let i = 0; i < 1000; i++) things.update(1, { name: `n${i}` });
  expect(db.version).toBe(before + 1000);
  expect(() =>
    db.transaction(() => {
      things.remove(1);
      throw new Error('x');
    }),
  ).toThrow();
  expect(db.version).toBe(before + 1002);
  expect(names(things)[0]).toBe('n999');
});
