import { expect, test } from 'vitest';
import { Database } from './database.js';
import { recordBytes, StoreLimitError } from './limits.js';
import { revisionOf } from './revisions.js';
import { Slots, Transaction } from './table.js';

interface Note {
  _id: string;
  title: string;
}

function notes(db = new Database()) {
  const records = new Map<string, Note>([
    ['a', { _id: 'a', title: 'A' }],
    ['b', { _id: 'b', title: 'B' }],
  ]);
  return { db, records, table: db.table('notes', records) };
}

test('a dropped transaction changes nothing; a committed one applies its changes and then its commit steps', () => {
  const { db, records, table } = notes();
  const stored = records.get('a');
  let steps = 0;
  const dropped = db.begin();
  dropped.put(table, 'a', { _id: 'a', title: 'A2' });
  dropped.delete(table, 'b');
  dropped.onCommit(() => steps++);
  expect(dropped.all(table).map((n) => n.title)).toEqual(['A2']);
  expect([...records.values()].map((n) => n.title)).toEqual(['A', 'B']);
  expect(records.get('a')).toBe(stored);
  expect(revisionOf(records)).toBe(0);

  const txn = db.begin();
  txn.put(table, 'c', { _id: 'c', title: 'C' });
  txn.put(table, 'a', { _id: 'a', title: 'A3' });
  txn.onCommit(() => steps++);
  expect(txn.size(table)).toBe(3);
  txn.commit();
  expect([...records.values()].map((n) => n.title)).toEqual(['A3', 'B', 'C']);
  expect(stored?.title).toBe('A');
  expect(revisionOf(records)).toBe(1);
  expect(steps).toBe(1);
});

test('databases sharing a byte limit refuse the commit that takes them all past it, and apply nothing', () => {
  const limits = { maxRecords: 3, maxBytes: 200 };
  const all: Database[] = [];
  const usedBytes = () => all.reduce((sum, d) => sum + d.storedBytes(), 0);
  const first = notes(new Database(limits, { usedBytes }));
  const second = notes(new Database(limits, { usedBytes }));
  all.push(first.db, second.db);
  const seeded = usedBytes();
  expect(seeded).toBe(2 * (recordBytes({ _id: 'a', title: 'A' }) + recordBytes({ _id: 'b', title: 'B' })));
  const big = second.db.begin();
  big.put(second.table, 'c', { _id: 'c', title: 'x'.repeat(200 - seeded) });
  expect(() => big.commit()).toThrow(StoreLimitError);
  expect(() => big.commit()).toThrow('Notes cannot be stored: the state would exceed 200 bytes (--max-state-size)');
  expect(second.records.size).toBe(2);
  const small = first.db.begin();
  small.put(first.table, 'c', { _id: 'c', title: 'C' });
  small.commit();
  expect(first.db.bytes).toBe(seeded / 2 + recordBytes({ _id: 'c', title: 'C' }));
  const more = first.db.begin();
  more.put(first.table, 'd', { _id: 'd', title: 'D' });
  expect(() => more.commit()).toThrow('Notes cannot hold more than 3 records (--max-records)');
  const swap = first.db.begin();
  swap.delete(first.table, 'a');
  swap.put(first.table, 'd', { _id: 'd', title: 'D' });
  swap.commit();
  expect([...first.records.keys()]).toEqual(['b', 'c', 'd']);
});

test('an inner transaction reads through the outer one and hands it its changes on commit', () => {
  const { db, records, table } = notes();
  const outer = db.begin();
  outer.delete(table, 'a');
  const inner = new Transaction(db, outer);
  expect(inner.get(table, 'a')).toBeUndefined();
  expect(inner.all(table).map((n) => n._id)).toEqual(['b']);
  inner.put(table, 'c', { _id: 'c', title: 'C' });
  const dropped = new Transaction(db, outer);
  dropped.put(table, 'd', { _id: 'd', title: 'D' });
  inner.commit();
  expect(records.size).toBe(2);
  expect(outer.all(table).map((n) => n._id)).toEqual(['b', 'c']);
  outer.commit();
  expect([...records.keys()]).toEqual(['b', 'c']);
});

test('slots hand out the stored records themselves, in insertion order; a replaced record keeps its place', () => {
  const slots = new Slots<string, Note>();
  const a = { _id: 'a', title: 'A' };
  const b = { _id: 'b', title: 'B' };
  slots.set('a', a).set('b', b);
  const a2 = { _id: 'a', title: 'A2' };
  slots.set('a', a2);
  expect(slots.get('a')).toBe(a2);
  expect([...slots.values()]).toEqual([a2, b]);
  expect([...slots].map(([key, record]) => [key, record.title])).toEqual([
    ['a', 'A2'],
    ['b', 'B'],
  ]);
  expect(slots.delete('a')).toBe(true);
  expect(slots.delete('a')).toBe(false);
  expect(slots.has('a')).toBe(false);
  expect([...slots.keys()]).toEqual(['b']);
  slots.clear();
  expect(slots.size).toBe(0);
  expect([...slots.values()]).toEqual([]);
});

test('a table made without a record map keeps its records in slots; reads return the committed records', () => {
  const db = new Database();
  const table = db.table<string, Note>('notes');
  const note = { _id: 'a', title: 'A' };
  const txn = db.begin();
  txn.put(table, 'a', note);
  txn.commit();
  expect(table.records).toBeInstanceOf(Slots);
  expect(table.records.get('a')).toBe(note);
  expect(db.begin().all(table)[0]).toBe(note);
});
