import { expect, test } from 'vitest';
import { emptyCollections, type WorkspaceData } from './state.js';
import { Tx } from './tx.js';

function data(): WorkspaceData {
  const collections = emptyCollections();
  collections.get('notes')?.set('a', { _id: 'a', title: 'A' });
  collections.get('notes')?.set('b', { _id: 'b', title: 'B' });
  return { business: 'acme', businessId: 'B', ownerUserId: 'U', collections, ids: [1, 2, 3, 4], counters: {} };
}

test('reads see staged changes; the base is untouched until commit', () => {
  const d = data();
  const tx = new Tx(d, new Date(0), 'U');
  tx.put('notes', { _id: 'a', title: 'A2' });
  tx.delete('notes', 'b');
  tx.put('notes', { _id: 'c', title: 'C' });
  expect(tx.all('notes').map((n) => n.title)).toEqual(['A2', 'C']);
  expect(tx.get('notes', 'b')).toBeUndefined();
  expect([...(d.collections.get('notes')?.values() ?? [])].map((n) => n.title)).toEqual(['A', 'B']);
  tx.commit();
  expect([...(d.collections.get('notes')?.values() ?? [])].map((n) => n.title)).toEqual(['A2', 'C']);
});

test('ids and counters advance only on commit', () => {
  const d = data();
  const abandoned = new Tx(d, new Date(0), 'U');
  const id = abandoned.newId();
  expect(abandoned.nextCounter('invoices')).toBe(1);
  expect(d.ids).toEqual([1, 2, 3, 4]);
  const tx = new Tx(d, new Date(0), 'U');
  expect(tx.newId()).toBe(id);
  expect(tx.nextCounter('invoices')).toBe(1);
  tx.commit();
  expect(d.counters).toEqual({ invoices: 1 });
  expect(new Tx(d, new Date(0), 'U').newId()).not.toBe(id);
});

test('require throws a 404 and now is ISO', () => {
  const tx = new Tx(data(), new Date('2022-09-01T00:00:00Z'), 'U');
  expect(tx.now).toBe('2022-09-01T00:00:00.000Z');
  expect(() => tx.require('notes', 'zz')).toThrow('Record zz not found in notes.');
});
