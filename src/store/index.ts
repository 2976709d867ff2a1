/** In-memory state: typed collections with integer ids, a database of them, a seeded PRNG. */
export { Collection, type CollectionSnapshot, type Entity, type NewRecord, type RecordPatch } from './collection.js';
export { Database, type DatabaseSnapshot } from './database.js';
export { type DeepReadonly, frozenCopy, thawedCopy } from './freeze.js';
export {
  DEFAULT_MAX_RECORDS,
  DEFAULT_MAX_STATE_BYTES,
  limitMessage,
  recordBytes,
  StoreLimitError,
  type StoreLimits,
  UNLIMITED,
  withDefaultLimits,
} from './limits.js';
export { createRng, type Rng } from './prng.js';
