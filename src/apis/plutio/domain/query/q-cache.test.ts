import { expect, test } from 'vitest';
import { PlutioError } from '../errors.js';
import { compileQ, Q_CACHE_SIZE } from './q-cache.js';

test('a q text is compiled once and reused; a refused one throws every time', () => {
  const text = '{"role":"lead","n":{"$gt":1}}';
  const first = compileQ(text);
  expect(compileQ(text)).toBe(first);
  expect(first.predicate({ role: 'lead', n: 2 })).toBe(true);
  expect(first.lookups).toEqual([{ path: 'role', values: ['lead'] }]);
  for (let i = 0; i < 2; i++) expect(() => compileQ('{"$where":"1"}')).toThrow(PlutioError);
});

test('the cache keeps the most recent texts only', () => {
  const first = compileQ('{"k":0}');
  for (let i = 1; i <= Q_CACHE_SIZE; i++) compileQ(`{"k":${i}}`);
  expect(compileQ('{"k":0}')).not.toBe(first);
  expect(compileQ(`{"k":${Q_CACHE_SIZE}}`)).toBe(compileQ(`{"k":${Q_CACHE_SIZE}}`));
});
