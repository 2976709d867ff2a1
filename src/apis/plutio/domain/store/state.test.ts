import { expect, test } from 'vitest';
import { seedWorkspace } from '../seed.js';
import { fromSnapshot, toSnapshot } from './state.js';

test('a snapshot round-trips through JSON', () => {
  const data = seedWorkspace('globex');
  const json = JSON.parse(JSON.stringify(toSnapshot(data)));
  expect(toSnapshot(fromSnapshot(json))).toEqual(toSnapshot(data));
});

test('malformed snapshots are refused with a reason', () => {
  const good = JSON.parse(JSON.stringify(toSnapshot(seedWorkspace('acme'))));
  expect(() => fromSnapshot({ ...good, version: 2 })).toThrow(/version 1/);
  expect(() => fromSnapshot({ ...good, ids: [1, 2] })).toThrow(/ids/);
  expect(() => fromSnapshot({ ...good, collections: { widgets: [] } })).toThrow(/unknown collection widgets/);
  expect(() => fromSnapshot({ ...good, collections: { notes: [{ title: 'no id' }] } })).toThrow(/string _id/);
  expect(() => fromSnapshot({ ...good, counters: { tasks: 'x' } })).toThrow(/counters/);
});
