import { expect, test } from 'vitest';
import { compileWithMingo } from './mingo-query.js';

test('evaluates allowed operators', () => {
  const pred = compileWithMingo({ $or: [{ 'name.first': 'John' }, { 'name.last': { $regex: '^do', $options: 'i' } }] });
  expect(pred({ name: { first: 'John', last: 'X' } })).toBe(true);
  expect(pred({ name: { first: 'Ann', last: 'Doe' } })).toBe(true);
  expect(pred({ name: { first: 'Ann', last: 'Roe' } })).toBe(false);
});

test('the restricted context has no $where, $expr or $mod even if validation were bypassed', () => {
  expect(() => compileWithMingo({ $where: 'return true' })).toThrow(/Invalid query/);
  expect(() => compileWithMingo({ $expr: { $eq: ['$a', 1] } })).toThrow(/Invalid query/);
  expect(() => compileWithMingo({ a: { $mod: [2, 0] } })).toThrow(/Invalid query/);
});

test('misplaced operators become 400 errors', () => {
  expect(() => compileWithMingo({ $gt: 1 })).toThrow(/Invalid query/);
  expect(() => compileWithMingo({ a: { $gt: 1, b: 2 } })).toThrow(/Invalid query/);
});

test('$regex looks only at the first 10,000 characters of a value', () => {
  const long = `${'x'.repeat(10_000)}needle`;
  expect(compileWithMingo({ a: { $regex: 'needle' } })({ a: long })).toBe(false);
  expect(compileWithMingo({ a: { $regex: 'needle' } })({ a: long.slice(6) })).toBe(true);
  expect(compileWithMingo({ a: { $not: { $regex: 'needle' } } })({ a: long })).toBe(true);
  expect(compileWithMingo({ a: { $regex: 'NEEDLE', $options: 'i' } })({ a: ['b', 'needle'] })).toBe(true);
});
