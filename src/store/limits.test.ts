import { expect, test } from 'vitest';
import { Database } from './database.js';
import { recordBytes, StoreLimitError } from './limits.js';

interface Thing {
  id: number;
  name: string;
}

test('a collection refuses the record past maxRecords, and nothing changes', () => {
  const db = new Database({ maxRecords: 2, maxBytes: Number.POSITIVE_INFINITY });
  const things = db.define<Thing>('deal_notes');
  things.insert({ name: 'a' });
  things.insert({ name: 'b' });
  const version = db.version;
  expect(() => things.insert({ name: 'c' })).toThrow(StoreLimitError);
  expect(() => things.insert({ name: 'c' })).toThrow('Deal notes cannot hold more than 2 records (--max-records)');
  expect(things.size).toBe(2);
  expect(db.version).toBe(version);
  things.remove(1);
  expect(things.insert({ name: 'c' }).id).toBe(3);
});

test('the records limit is per collection', () => {
  const db = new Database({ maxRecords: 1, maxBytes: Number.POSITIVE_INFINITY });
  db.define<Thing>('a').insert({ name: 'x' });
  expect(db.define<Thing>('b').insert({ name: 'y' }).id).toBe(1);
});

test('the byte account follows inserts, updates, removals, clears and rollbacks', () => {
  const db = new Database({ maxRecords: 100, maxBytes: 1000 });
  const things = db.define<Thing>('things');
  const a = things.insert({ name: 'a' });
  expect(db.bytes).toBe(recordBytes(a));
  const b = things.update(a.id, { name: 'aaaa' });
  expect(db.bytes).toBe(recordBytes(b));
  expect(() =>
    db.transaction(() => {
      things.insert({ name: 'x' });
      things.update(a.id, { name: 'yyyyyyyy' });
      things.remove(a.id);
      throw new Error('undo');
    }),
  ).toThrow('undo');
  expect(db.bytes).toBe(recordBytes(b));
  things.remove(a.id);
  expect(db.bytes).toBe(0);
  things.insert({ name: 'é' });
  things.clear();
  expect(db.bytes).toBe(0);
});

test('a database refuses the write that would take its records past maxBytes, counting UTF-8 bytes', () => {
  const db = new Database({ maxRecords: 100, maxBytes: 100 });
  const things = db.define<Thing>('things');
  const others = db.define<Thing>('others');
  things.insert({ name: 'x'.repeat(40) }); // {"name":"x…","id":1} = 52 bytes
  expect(() => others.insert({ name: 'é'.repeat(20) })).toThrow(
    'Others cannot be stored: the state would exceed 100 bytes (--max-state-size)',
  );
  expect(others.size).toBe(0);
  expect(() => things.update(1, { name: 'x'.repeat(90) })).toThrow(StoreLimitError);
  expect(things.get(1)?.name).toHaveLength(40);
  expect(things.update(1, { name: 'short' }).name).toBe('short');
  expect(others.insert({ name: 'é'.repeat(20) }).id).toBe(1);
});

test('imports obey the limits and a refused import changes nothing', () => {
  const db = new Database({ maxRecords: 2, maxBytes: Number.POSITIVE_INFINITY });
  const things = db.define<Thing>('things');
  things.insert({ name: 'kept' });
  const tooMany = { things: { nextId: 4, items: [1, 2, 3].map((id) => ({ id, name: `n${id}` })) } };
  expect(() => db.import(tooMany)).toThrow('Things cannot hold more than 2 records');
  expect(things.all().map((t) => t.name)).toEqual(['kept']);
});

test('setLimits measures what is stored already', () => {
  const db = new Database();
  const things = db.define<Thing>('things');
  const a = things.insert({ name: 'abc' });
  expect(db.bytes).toBe(0);
  db.setLimits({ maxRecords: 10, maxBytes: 1000 });
  expect(db.bytes).toBe(recordBytes(a));
});
