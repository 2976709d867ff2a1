import { expect, test } from 'vitest';
import { isPrngState, Prng } from './prng.js';

test('next() stays in [0, 1) and int() in its inclusive range', () => {
  const prng = Prng.fromSeed('range');
  for (let i = 0; i < 1000; i++) {
    const x = prng.next();
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThan(1);
    const n = prng.int(3, 5);
    expect([3, 4, 5]).toContain(n);
  }
});

test('a restored state replays the same values', () => {
  const prng = Prng.fromSeed('replay');
  const copy = new Prng(prng.state);
  expect([prng.nextUint32(), prng.nextUint32()]).toEqual([copy.nextUint32(), copy.nextUint32()]);
});

test('pick() refuses an empty array and isPrngState checks the shape', () => {
  expect(() => Prng.fromSeed('x').pick([])).toThrow();
  expect(isPrngState([1, 2, 3, 4])).toBe(true);
  expect(isPrngState([1, 2, 3])).toBe(false);
  expect(isPrngState([1, 2, 3, 0.5])).toBe(false);
});
