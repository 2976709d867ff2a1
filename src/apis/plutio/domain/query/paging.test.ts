import { expect, test } from 'vitest';
import { DEFAULT_LIMIT, MAX_LIMIT, parsePaging } from './paging.js';

test('defaults, caps and accepts numbers or digit strings', () => {
  expect(parsePaging(undefined, undefined)).toEqual({ skip: 0, limit: DEFAULT_LIMIT });
  expect(parsePaging('20', '50')).toEqual({ skip: 20, limit: 50 });
  expect(parsePaging(5, 5000)).toEqual({ skip: 5, limit: MAX_LIMIT });
  expect(parsePaging('0', '0')).toEqual({ skip: 0, limit: MAX_LIMIT });
});

test('refuses negative, fractional and non-numeric values', () => {
  for (const bad of ['-1', '1.5', 'ten', '', ' 3', -2, 1.5]) {
    expect(() => parsePaging(bad, undefined)).toThrow('Invalid skip: must be a non-negative integer.');
    expect(() => parsePaging(undefined, bad)).toThrow('Invalid limit: must be a non-negative integer.');
  }
});
