import { expect, test } from 'vitest';
import { createRng, hashSeed, isPrngState, Prng } from './prng.js';

/** A checksum of 1000 draws of `int(0, 1000)`, so a change anywhere in a sequence shows. */
function checksum(draw: () => number): number {
  let sum = 0;
  for (let i = 0; i < 1000; i++) sum = (sum * 31 + draw()) % 1000000007;
  return sum;
}

test('mulberry32 gives the sequences seeded data was made with', () => {
  const rng = createRng(42);
  expect([rng.next(), rng.next()]).toEqual([0.6011037519201636, 0.44829055899754167]);
  expect([rng.int(1, 100), rng.int(-5, 5)]).toEqual([86, 2]);
  expect(rng.hex(12)).toBe('2849d73eb438');
  expect(rng.pick(['x', 'y', 'z'])).toBe('z');
  expect([rng.chance(0.5), rng.chance(0.5)]).toEqual([false, true]);
  const faults = createRng(20260601 ^ 0x5bd1e995);
  expect([faults.next(), faults.next(), faults.next()]).toEqual([
    0.6653346724342555, 0.14331320649944246, 0.4682735144160688,
  ]);
  const seven = createRng(7);
  expect(checksum(() => seven.int(0, 1000))).toBe(196973574);
});

test('sfc32 gives the sequences and states seeded data and snapshots were made with', () => {
  const prng = Prng.fromSeed('42:acme:data');
  expect(prng.state).toEqual([-1511622404, -2054747949, 1326938972, 577761543]);
  expect([prng.nextUint32(), prng.nextUint32()]).toEqual([1306358486, 1879642779]);
  expect(prng.next()).toBe(0.4326584667433053);
  expect(prng.int(1, 300)).toBe(26);
  expect(prng.pick(['x', 'y', 'z'])).toBe('z');
  expect(prng.chance(0.3)).toBe(false);
  expect(prng.state).toEqual([-303621740, 2091194012, -2112022330, 577761549]);
  expect(hashSeed('42:acme:ids')).toEqual([2109357606, 593376873, 4127720143, 1709027778]);
  const restored = new Prng([1, 2, 3, 4]);
  expect([restored.nextUint32(), restored.nextUint32(), restored.nextUint32()]).toEqual([7, 34, 56623200]);
  const seven = Prng.fromSeed('7');
  expect(checksum(() => seven.int(0, 1000))).toBe(761387118);
  expect(seven.state).toEqual([-1295140850, 764420656, -1284471857, 675826169]);
});

test('the same seed gives the same sequence, another seed another one', () => {
  const a = createRng(42);
  const b = createRng(42);
  expect([a.int(1, 100), a.hex(8), a.pick(['x', 'y', 'z'])]).toEqual([
    b.int(1, 100),
    b.hex(8),
    b.pick(['x', 'y', 'z']),
  ]);
  expect(createRng(43).hex(16)).not.toBe(createRng(42).hex(16));
  expect(Prng.fromSeed('a').nextUint32()).toBe(Prng.fromSeed('a').nextUint32());
  expect(Prng.fromSeed('b').nextUint32()).not.toBe(Prng.fromSeed('a').nextUint32());
});

test('next is bound to its generator, so it can be handed on by itself', () => {
  const rng = createRng(42);
  const next = rng.next;
  expect(next()).toBe(createRng(42).next());
});

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
  expect(() => createRng(1).pick([])).toThrow('pick from an empty list');
  expect(isPrngState([1, 2, 3, 4])).toBe(true);
  expect(isPrngState([1, 2, 3])).toBe(false);
  expect(isPrngState([1, 2, 3, 0.5])).toBe(false);
});
