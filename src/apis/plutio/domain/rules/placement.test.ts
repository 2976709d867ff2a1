import { expect, test } from 'vitest';
import { emptyCollections, type WorkspaceData } from '../store/state.js';
import { Tx } from '../store/tx.js';
import { compactScope, placeRecord, positionArg, sameScope } from './placement.js';

function tx(): Tx {
  const collections = emptyCollections();
  const tasks = collections.get('tasks');
  for (const [id, group, position] of [
    ['a', 'g1', 0],
    ['b', 'g1', 1],
    ['c', 'g1', 2],
    ['d', 'g2', 0],
  ] as const) {
    tasks?.set(id, { _id: id, taskGroupId: group, position });
  }
  const data: WorkspaceData = {
    business: 'x',
    businessId: 'B',
    ownerUserId: 'U',
    collections,
    ids: [1, 2, 3, 4],
    counters: {},
  };
  return new Tx(data, new Date(0), 'U');
}
const order = (t: Tx, group: string) =>
  t
    .where('tasks', (r) => r.taskGroupId === group)
    .sort((x, y) => Number(x.position) - Number(y.position))
    .map((r) => `${r._id}${r.position}`);

test('placing inserts and renumbers; the default is the end; positions are clamped', () => {
  const t = tx();
  placeRecord(t, 'tasks', { _id: 'n', taskGroupId: 'g1' }, 1);
  expect(order(t, 'g1')).toEqual(['a0', 'n1', 'b2', 'c3']);
  placeRecord(t, 'tasks', { _id: 'm', taskGroupId: 'g2' });
  expect(order(t, 'g2')).toEqual(['d0', 'm1']);
  placeRecord(t, 'tasks', { _id: 'z', taskGroupId: 'g2' }, 99);
  expect(order(t, 'g2')).toEqual(['d0', 'm1', 'z2']);
});

test('compacting closes the gap left by a record that moved away', () => {
  const t = tx();
  const b = t.require('tasks', 'b');
  placeRecord(t, 'tasks', { ...b, taskGroupId: 'g2' }, 0);
  compactScope(t, 'tasks', b, 'b');
  expect(order(t, 'g1')).toEqual(['a0', 'c1']);
  expect(order(t, 'g2')).toEqual(['b0', 'd1']);
});

test('scope and position arguments', () => {
  expect(sameScope('tasks', { taskGroupId: null }, {})).toBe(true);
  expect(sameScope('projects', { a: 1 }, { a: 2 })).toBe(true);
  expect(positionArg({ index: '2' })).toBe(2);
  expect(positionArg({})).toBeUndefined();
  expect(() => positionArg({ position: 'x' })).toThrow(/non-negative integer/);
});
