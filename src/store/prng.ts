/**
 * Seeded pseudo-random generators, so that seeded data and ids are the same on every machine and run. Not for
 * anything secret: API keys and ids they produce are for a mock server only.
 *
 * One set of draws over two 32-bit cores, each kept because seeded data depends on its exact sequence:
 * - mulberry32 ({@link createRng}): a 32-bit number seed; the Redmine family's seed data and the fault table.
 * - sfc32 seeded by cyrb128 ({@link Prng}): a string seed and a four-word state a snapshot can hold; Plutio's ids and
 *   seed data.
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

/** The draws, made from a core's stream of unsigned 32-bit integers. */
abstract class SeededRng implements Rng {
  /** The next unsigned 32-bit integer. */
  abstract nextUint32(): number;

  /** A float in [0, 1). Bound to the generator, so `rng.next` can be handed on by itself (e.g. to a shuffle). */
  readonly next = (): number => this.nextUint32() / 4294967296;

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.int(0, 15).toString(16);
    return out;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** mulberry32: one word of state. */
class Mulberry32 extends SeededRng {
  #state: number;

  constructor(seed: number) {
    super();
    this.#state = seed >>> 0;
  }

  nextUint32(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
}

/** Creates a generator (mulberry32) from a 32-bit seed; the same seed always gives the same sequence. */
export function createRng(seed: number): Rng {
  return new Mulberry32(seed);
}

/** The four 32-bit words of a {@link Prng}'s state; plain numbers so a snapshot can hold them as JSON. */
export type PrngState = [number, number, number, number];

/**
 * A small, fast generator (sfc32) whose state can be read and restored, so a workspace snapshot resumes the same id
 * sequence.
 */
export class Prng extends SeededRng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(state: PrngState) {
    super();
    [this.#a, this.#b, this.#c, this.#d] = state;
  }

  /** A generator seeded from any string (hashed with cyrb128), e.g. `"42:acme"`. */
  static fromSeed(seed: string): Prng {
    const prng = new Prng(hashSeed(seed));
    for (let i = 0; i < 12; i++) prng.nextUint32();
    return prng;
  }

  nextUint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** A copy of the current state. */
  get state(): PrngState {
    return [this.#a, this.#b, this.#c, this.#d];
  }
}

/** cyrb128: hashes a string into four 32-bit words, the usual seeding companion of sfc32. */
export function hashSeed(text: string): PrngState {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** Whether a value is a valid {@link PrngState} (four finite integers), e.g. when importing a snapshot. */
export function isPrngState(value: unknown): value is PrngState {
  return Array.isArray(value) && value.length === 4 && value.every((n) => Number.isInteger(n));
}
