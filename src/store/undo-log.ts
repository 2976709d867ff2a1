/**
 * The undo steps of the transactions in progress (see `Database.transaction`). Collections record, for every write
 * made while a transaction runs, a step that reverses it; a failed transaction runs its steps newest first, which
 * puts every collection back as it was, then the deferred repairs (such as restoring an insertion order). Nested
 * transactions roll back to their own start only. Nothing is copied up front, so a transaction costs in proportion
 * to what it writes, not to what is stored.
 */
export class UndoLog {
  readonly #steps: Array<() => void> = [];
  readonly #repairs = new Set<() => void>();
  #depth = 0;

  /** Whether a transaction is running (writes must then record their undo step). */
  get recording(): boolean {
    return this.#depth > 0;
  }

  /** Records how to reverse a write just made. */
  record(step: () => void): void {
    this.#steps.push(step);
  }

  /** Asks for `repair` to run once after the undo steps of the rollback in progress (called from an undo step). */
  afterUndo(repair: () => void): void {
    this.#repairs.add(repair);
  }

  /** Runs `fn`; if it throws, every write it made is reversed before the error propagates. */
  run<R>(fn: () => R): R {
    const mark = this.#steps.length;
    this.#depth++;
    try {
      return fn();
    } catch (err) {
      this.#rollback(mark);
      throw err;
    } finally {
      if (--this.#depth === 0) this.#steps.length = 0;
    }
  }

  #rollback(mark: number): void {
    for (let i = this.#steps.length - 1; i >= mark; i--) (this.#steps[i] as () => void)();
    this.#steps.length = mark;
    for (const repair of this.#repairs) repair();
    this.#repairs.clear();
  }
}
