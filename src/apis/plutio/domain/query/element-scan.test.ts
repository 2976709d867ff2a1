import { expect, test } from 'vitest';
import type { JsonObject } from '../json.js';
import { compileCriteria } from './compile.js';
import { withElementScan } from './element-scan.js';
import { compileWithMingo } from './mingo-query.js';

const RECORDS: JsonObject[] = [
  { e: [{ a: 'x' }, { a: 'y' }] },
  { e: [{ a: 'y' }, { b: 1 }, null, 3] },
  { e: [{ a: ['x', 'z'] }] },
  { e: [{ a: [['x']] }] },
  { e: [{ a: 'q' }, { a: ['x'] }] },
  { e: [['x'], { a: 'x' }] },
  { e: [{ a: null }, { a: 2 }] },
  { e: { a: 'x' } },
  { e: [] },
  { e: 'x' },
  {},
];

const QUERIES: JsonObject[] = [
  { 'e.a': 'x' },
  { 'e.a': null },
  { 'e.a': 2 },
  { 'e.a': { $ne: 'x' } },
  { 'e.a': { $gt: 'p' } },
  { 'e.a': { $lte: 2 } },
  { 'e.a': { $in: ['z', null] } },
  { 'e.a': { $nin: ['x'] } },
  { 'e.a': { $regex: '^[xz]' } },
  { $or: [{ 'e.a': 'q' }, { 'e.b': 1 }] },
];

test('predicates on arrays of objects agree with mingo whatever the elements hold', () => {
  for (const q of QUERIES) {
    const fast = compileCriteria(q);
    const reference = compileWithMingo(q);
    for (const r of RECORDS) expect(fast(r), `${JSON.stringify(q)} on ${JSON.stringify(r)}`).toBe(reference(r));
  }
});

test('only two-segment plain paths are scanned in place', () => {
  const whole = () => false;
  expect(withElementScan('a', whole, () => true)).toBe(whole);
  expect(withElementScan('a.0', whole, () => true)).toBe(whole);
  expect(withElementScan('a.b.c', whole, () => true)).toBe(whole);
  expect(withElementScan('a.b', whole, () => true)({ a: [{ b: 1 }] })).toBe(true);
});
