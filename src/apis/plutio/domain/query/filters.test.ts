import { expect, test } from 'vitest';
import { parseQuery } from '../../../../server/query.js';
import { filterCandidates, filtersToCriteria, MAX_FILTER_KEYS } from './filters.js';

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
  expect(() => filtersToCriteria({ $where: '1' })).toThrow(/filter key "\$where" may not name an operator/);
  expect(() => filtersToCriteria({ 'name.$ne': '1' })).toThrow(/may not name an operator/);
  expect(() => filtersToCriteria({ 'a.__proto__': '1' })).toThrow(/not allowed/);
  expect(() => filtersToCriteria({ 'constructor.prototype.x': '1' })).toThrow(/not allowed/);
  expect(() => filtersToCriteria({ 'a..b': '1' })).toThrow(/empty segment/);
});

test('refuses parameters whose prototype a __proto__ key replaced', () => {
  const params: Record<string, unknown> = {};
  const key = '__proto__';
  params[key] = ['x']; // what a query parser assigning `__proto__[]=x` to a plain object does
  expect(() => filtersToCriteria(params)).toThrow(/"__proto__" is not allowed/);
  expect(filtersToCriteria(Object.assign(Object.create(null), { a: '1' }))).toEqual({ a: { $in: ['1', 1] } });
  const inherited = Object.create({ polluted: 'yes' });
  inherited.a = '1';
  expect(() => filtersToCriteria(inherited)).toThrow(/"__proto__" is not allowed/);
});

test('takes the query objects of the HTTP layer, whose key __proto__ is an ordinary (refused) filter', () => {
  expect(filtersToCriteria(parseQuery('a=1&limit=5'))).toEqual({ a: { $in: ['1', 1] } });
  expect(() => filtersToCriteria(parseQuery('__proto__=x'))).toThrow(/filter key "__proto__" is not allowed/);
});

test(`refuses more than ${MAX_FILTER_KEYS} filter keys, reserved ones not counted`, () => {
  const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, 'x']));
  expect(
    Object.keys(filtersToCriteria({ ...keys(MAX_FILTER_KEYS), skip: '0', limit: '1', q: '{}' }) ?? {}),
  ).toHaveLength(MAX_FILTER_KEYS);
  expect(() => filtersToCriteria(keys(MAX_FILTER_KEYS + 1))).toThrow(/more than 50 filter keys/);
});
