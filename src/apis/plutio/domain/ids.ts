import { Prng, type PrngState } from '../../../store/prng.js';

/** The Meteor `Random.id()` alphabet: digits and letters without look-alikes (no 0, 1, I, O, V, l, …). */
export const ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';

/** Length of a Meteor record id. */
export const ID_LENGTH = 17;

const ID_PATTERN = new RegExp(`^[${ID_ALPHABET}]{${ID_LENGTH}}$`);

/**
 * Mints Meteor-style 17-character `_id`s from a seeded generator: the same seed gives the same sequence, and the
 * state can be saved and restored so a restored workspace continues the sequence.
 * @see docs/sources.md#plutio-ids — every real id seen is 17 characters of this alphabet.
 */
export class IdGenerator {
  readonly #prng: Prng;

  constructor(seedOrState: string | PrngState) {
    this.#prng = typeof seedOrState === 'string' ? Prng.fromSeed(seedOrState) : new Prng(seedOrState);
  }

  /** The next id. */
  next(): string {
    let id = '';
    for (let i = 0; i < ID_LENGTH; i++) id += ID_ALPHABET[Math.floor(this.#prng.next() * ID_ALPHABET.length)];
    return id;
  }

  /** The generator state, to store in a snapshot. */
  get state(): PrngState {
    return this.#prng.state;
  }
}

/** Whether a string has the shape of a Meteor id. */
export function isMeteorId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** One id derived from a label alone (stable across seeds), e.g. the user id of an API client. */
export function stableId(label: string): string {
  return new IdGenerator(`stable:${label}`).next();
}
