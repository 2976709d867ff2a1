import { expect, test } from 'vitest';
import { Prng } from '../../../../store/prng.js';
import { markChanged } from '../../../../store/revisions.js';
import type { JsonObject } from '../json.js';
import { compileCriteria } from './compile.js';
import { indexedCandidates, MIN_INDEXED_RECORDS } from './eq-index.js';
import { planLookups } from './eq-plan.js';

const SCALARS = [0, 1, 2, '1', '2', 'a', 'b', '', true, false, 'true', null];

function randomValue(prng: Prng, depth: number): unknown {
  const roll = prng.next();
  if (depth > 2 || roll < 0.5) return prng.pick(SCALARS);
  if (roll < 0.8) return Array.from({ length: prng.int(0, 3) }, () => randomValue(prng, depth + 1));
  const obj: JsonObject = {};
  for (const key of ['x', 'y', 'arr']) if (prng.chance(0.6)) obj[key] = randomValue(prng, depth + 1);
  return obj;
}

function randomStore(prng: Prng, size: number): Map<string, JsonObject> {
  const map = new Map<string, JsonObject>();
  for (let i = 0; i < size; i++) {
    const r: JsonObject = { _id: `r${i}` };
    for (const key of ['x', 'o', 'arr']) if (prng.chance(0.7)) r[key] = randomValue(prng, 0);
    if (prng.chance(0.5)) r.list = [{ x: prng.pick(SCALARS) }, { x: prng.pick(SCALARS), y: [prng.pick(SCALARS)] }];
    map.set(r._id as string, r);
  }
  return map;
}

const FIELDS = ['x', 'o.x', 'arr', 'arr.x', 'arr.0', 'list.x', 'list.y', 'o.arr.x'];

function randomQuery(prng: Prng): JsonObject {
  const leaf = (): JsonObject => {
    const path = prng.pick(FIELDS);
    const value = prng.pick(SCALARS.filter((v) => v !== null));
    return prng.chance(0.3) ? { [path]: { $in: [value, prng.pick([1, 'b', true])] } } : { [path]: value };
  };
  switch (prng.int(0, 2)) {
    case 0:
      return leaf();
    case 1:
      return { $or: [leaf(), leaf()] };
    default:
      return { ...leaf(), ...leaf() };
  }
}

test('indexed candidates contain every match, in insertion order (differential, 300 queries)', () => {
  const prng = Prng.fromSeed('eq-index');
  const store = randomStore(prng, MIN_INDEXED_RECORDS + 100);
  const records = [...store.values()];
  let indexed = 0;
  let matches = 0;
  for (let i = 0; i < 300; i++) {
    const q = randomQuery(prng);
    const lookups = planLookups(q);
    expect(lookups, JSON.stringify(q)).toBeDefined();
    const pred = compileCriteria(q);
    const expected = records.filter(pred);
    matches += expected.length;
    for (let round = 0; round < 2; round++) {
      const candidates = indexedCandidates(store, lookups ?? []);
      if (!candidates) continue;
      indexed++;
      expect(candidates.filter(pred), JSON.stringify(q)).toEqual(expected);
      expect(candidates.map((r) => records.indexOf(r))).toEqual(
        [...candidates.map((r) => records.indexOf(r))].sort((a, b) => a - b),
      );
    }
  }
  expect(indexed).toBeGreaterThan(200);
  expect(matches).toBeGreaterThan(1000);
});

test('an index is built on the second ask and dropped when the collection changes', () => {
  const store = new Map<string, JsonObject>();
  for (let i = 0; i < MIN_INDEXED_RECORDS; i++) store.set(`r${i}`, { _id: `r${i}`, n: i % 7 });
  const lookups = [{ path: 'n', values: [3] }];
  expect(indexedCandidates(store, lookups)).toBeUndefined();
  expect(indexedCandidates(store, lookups)?.length).toBe(73);
  store.set('new', { _id: 'new', n: 3 });
  markChanged(store);
  expect(indexedCandidates(store, lookups)).toBeUndefined();
  expect(indexedCandidates(store, lookups)?.at(-1)?._id).toBe('new');
  expect(indexedCandidates(store, [{ path: 'n', values: [0, 1, 2] }])).toBeUndefined();
  expect(indexedCandidates(new Map([['a', { n: 3 }]]), lookups)).toBeUndefined();
});
