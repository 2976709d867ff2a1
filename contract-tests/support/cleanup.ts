import type { Cleanup, Step } from './scenario.js';

/**
 * Deletions owed at the end of a run: every step that creates something registers how to delete it, a scenario
 * that deletes its own object settles the entry, and whatever is left is deleted when the run ends (newest first,
 * so children go before their parents). Only objects this run created are ever registered.
 */
export class CleanupRegistry {
  private readonly pending = new Map<string, Step>();

  /** Remembers how to delete an object created by this run. */
  register(entry: Cleanup): void {
    this.pending.set(entry.key, entry.step);
  }

  /** Forgets an entry once its object was deleted by a scenario. */
  settle(key: string): void {
    this.pending.delete(key);
  }

  /** The deletions still owed, newest first; empties the registry. */
  drain(): Cleanup[] {
    const out = [...this.pending.entries()].reverse().map(([key, step]) => ({ key, step }));
    this.pending.clear();
    return out;
  }

  get size(): number {
    return this.pending.size;
  }
}
