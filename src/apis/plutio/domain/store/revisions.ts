const revisions = new WeakMap<object, number>();

/**
 * The revision of a collection map: 0 until its first committed change, then one more per commit that changed it.
 * Derived data (the equality indexes of list queries) is valid while the revision it was built at is current.
 * Collections change only through `Tx.commit`; seeding and imports build new maps.
 */
export function revisionOf(collection: object): number {
  return revisions.get(collection) ?? 0;
}

/** Records that a collection map changed (called by `Tx.commit`). */
export function markChanged(collection: object): void {
  revisions.set(collection, revisionOf(collection) + 1);
}
