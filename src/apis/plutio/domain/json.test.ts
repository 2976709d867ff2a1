import { expect, test } from 'vitest';
import { cloneJson, deepFreeze, deepMerge, isPlainObject, jsonEqual } from './json.js';

test('cloneJson copies deeply and drops undefined keys', () => {
  const src = { a: { b: [1, { c: 2 }] }, u: undefined };
  const copy = cloneJson(src);
  expect(copy).toEqual({ a: { b: [1, { c: 2 }] } });
  expect('u' in copy).toBe(false);
  (copy.a.b[1] as { c: number }).c = 9;
  expect((src.a.b[1] as { c: number }).c).toBe(2);
});

test('deepMerge merges nested objects and replaces arrays', () => {
  const rec = { name: { first: 'Ada', last: 'Byron' }, tags: ['a', 'b'], n: 1 };
  const merged = deepMerge(rec, { name: { last: 'Lovelace' }, tags: ['c'], n: null });
  expect(merged).toEqual({ name: { first: 'Ada', last: 'Lovelace' }, tags: ['c'], n: null });
  expect(rec.name.last).toBe('Byron');
});

test('deepMerge ignores a __proto__ key', () => {
  const merged = deepMerge({}, JSON.parse('{"__proto__": {"polluted": true}}'));
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.keys(merged)).toEqual([]);
});

test('isPlainObject and jsonEqual', () => {
  expect(isPlainObject({})).toBe(true);
  expect(isPlainObject([])).toBe(false);
  expect(isPlainObject(null)).toBe(false);
  expect(jsonEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
  expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  expect(jsonEqual([1], { 0: 1 })).toBe(false);
});

test('deepFreeze freezes every level and skips parts that are already frozen', () => {
  const shared = deepFreeze({ tags: ['a'] });
  const rec = deepFreeze({ a: { b: [1, { c: 2 }] }, shared });
  expect(Object.isFrozen(rec.a.b[1])).toBe(true);
  expect(Object.isFrozen(rec.shared.tags)).toBe(true);
  expect(() => {
    (rec.a.b as unknown[]).push(3);
  }).toThrow(TypeError);
  expect(deepFreeze('x')).toBe('x');
});
