/** The four 32-bit words of a {@link Prng}'s state; plain numbers so a snapshot can hold them as JSON. */
export type PrngState = [number, number, number, number];

/**
 * A small, fast, seedable pseudo-random generator (sfc32). Not for secrets: it makes ids and seed data repeatable.
 * Its state can be read and restored, so a workspace snapshot resumes the same id sequence.
 */
export class Prng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(state: PrngState) {
    [this.#a, this.#b, this.#c, this.#d] = state;
  }

  /** A generator seeded from any string (hashed with cyrb128), e.g. `"42:acme"`. */
  static fromSeed(seed: string): Prng {
    const prng = new Prng(hashSeed(seed));
    for (let i = 0; i < 12; i++) prng.nextUint32();
    return prng;
  }

  /** The next unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty array');
    return item;
  }

  /** `true` with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
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
