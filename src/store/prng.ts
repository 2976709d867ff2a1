/**
 * A small seeded pseudo-random generator (mulberry32) so that seeded data is the same on every machine and run.
 * Not for anything secret: API keys it produces are for a mock server only.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** `length` lowercase hexadecimal characters. */
  hex(length: number): string;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/** Creates a generator from a 32-bit seed; the same seed always gives the same sequence. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    hex: (length: number): string => {
      let out = '';
      while (out.length < length) out += int(0, 15).toString(16);
      return out;
    },
    chance: (p: number): boolean => next() < p,
  };
}
