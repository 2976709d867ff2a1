import { expect, test } from 'vitest';
import { filterCandidates, filtersToCriteria } from './filters.js';

test('coerces booleans and numbers but keeps the raw string', () => {
  expect(filterCandidates('true')).toEqual(['true', true]);
  expect(filterCandidates('false')).toEqual(['false', false]);
  expect(filterCandidates('42')).toEqual(['42', 42]);
  expect(filterCandidates('-1.5')).toEqual(['-1.5', -1.5]);
  expect(filterCandidates('leo')).toEqual(['leo']);
  expect(filterCandidates('0x10')).toEqual(['0x10']);
});

test('builds $in criteria from every key but the reserved ones', () => {
  expect(filtersToCriteria({ skip: '1', limit: '2', q: '{}', sort: 'x', 'name.first': 'leo', n: ['1', 'b'] })).toEqual({
    'name.first': { $in: ['leo'] },
    n: { $in: ['1', 1, 'b'] },
  });
  expect(filtersToCriteria({ skip: '1' })).toBeUndefined();
});

test('refuses operator keys and prototype paths', () => {
  expect(() => filtersToCriteria({ $where: '1' })).toThrow(/may not start with \$/);
  expect(() => filtersToCriteria({ 'a.__proto__': '1' })).toThrow(/not allowed/);
});
