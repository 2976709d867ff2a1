import { expect, test } from 'vitest';
import { wantsNometa } from './list.js';
import { apiOffsetAndLimit, paginate, rubyToI } from './paging.js';

test('rubyToI reads a leading integer like Ruby String#to_i', () => {
  expect(rubyToI('12')).toBe(12);
  expect(rubyToI('  7abc')).toBe(7);
  expect(rubyToI('-3')).toBe(-3);
  expect(rubyToI('1_000')).toBe(1000);
  expect(rubyToI('abc')).toBe(0);
  expect(rubyToI(undefined)).toBe(0);
});

test('limit defaults to 25, below 1 becomes 25, above 100 becomes 100', () => {
  expect(apiOffsetAndLimit({})).toEqual({ offset: 0, limit: 25 });
  expect(apiOffsetAndLimit({ limit: '0' }).limit).toBe(25);
  expect(apiOffsetAndLimit({ limit: '-5' }).limit).toBe(25);
  expect(apiOffsetAndLimit({ limit: 'abc' }).limit).toBe(25);
  expect(apiOffsetAndLimit({ limit: '1000' }).limit).toBe(100);
  expect(apiOffsetAndLimit({ limit: '100' }).limit).toBe(100);
  expect(apiOffsetAndLimit({ limit: '1' }).limit).toBe(1);
});

test('a negative offset becomes 0; page is used only without offset', () => {
  expect(apiOffsetAndLimit({ offset: '-10' }).offset).toBe(0);
  expect(apiOffsetAndLimit({ page: '3', limit: '10' })).toEqual({ offset: 20, limit: 10 });
  expect(apiOffsetAndLimit({ page: '3', offset: '5' }).offset).toBe(5);
  expect(apiOffsetAndLimit({ page: '0' }).offset).toBe(0);
  expect(apiOffsetAndLimit({ page: '2' }).offset).toBe(25);
});

test('paginate slices and reports the real total, also past the end', () => {
  const all = Array.from({ length: 30 }, (_, i) => i);
  expect(paginate(all, { offset: '25' })).toEqual({
    items: [25, 26, 27, 28, 29],
    total_count: 30,
    offset: 25,
    limit: 25,
  });
  expect(paginate(all, { offset: '50' })).toEqual({ items: [], total_count: 30, offset: 50, limit: 25 });
});

test('nometa: a non-blank parameter or the header with any value', () => {
  expect(wantsNometa({ rawQuery: { nometa: '1' }, headers: {} })).toBe(true);
  expect(wantsNometa({ rawQuery: { nometa: '' }, headers: {} })).toBe(false);
  expect(wantsNometa({ rawQuery: {}, headers: { 'x-redmine-nometa': '' } })).toBe(true);
  expect(wantsNometa({ rawQuery: {}, headers: {} })).toBe(false);
});
