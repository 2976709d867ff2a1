/** In-memory state: tables and typed collections in databases, changed through transactions; a seeded PRNG. */
export {
  Collection,
  type CollectionOwner,
  type CollectionSnapshot,
  type Entity,
  type NewRecord,
  type RecordPatch,
} from './collection.js';
export { Database, type DatabaseOptions, type DatabaseSnapshot } from './database.js';
export { type DeepReadonly, frozenCopy, thawedCopy } from './freeze.js';
export {
  DEFAULT_MAX_RECORDS,
  DEFAULT_MAX_STATE_BYTES,
  limitMessage,
  recordBytes,
  StoreLimitError,
  type StoreLimits,
  storedBytes,
  UNLIMITED,
  withDefaultLimits,
} from './limits.js';
export { createRng, type Rng } from './prng.js';
export { markChanged, revisionOf } from './revisions.js';
export { Table, type TableOwner, Transaction } from './table.js';
