const revisions = new WeakMap<object, number>();

/**
 * The revision of a table's record map: 0 until its first committed change, then one more per commit that changed
 * it. Data derived from the records (such as equality indexes) is valid while the revision it was built at is
 * current. Record maps change only through `Transaction.commit`.
 */
export function revisionOf(records: object): number {
  return revisions.get(records) ?? 0;
}

/** Records that a record map changed (called by `Transaction.commit`). */
export function markChanged(records: object): void {
  revisions.set(records, revisionOf(records) + 1);
}
