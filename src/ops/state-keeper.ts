import type { AnyApiModule } from '../server/types.js';
import {
  type ApiStates,
  encodeState,
  readStateFile,
  removeStaleTemps,
  StateFileError,
  writeFileAtomic,
} from './state-file.js';
import { importStates } from './state-import.js';

/** What one save wrote. */
export interface SaveInfo {
  file: string;
  bytes: number;
  savedAt: string;
}

/** The state file's part of `GET /__crmkit/health`. */
export interface SaveHealth {
  /** `ok` while saves succeed; `degraded` from a failed save until a save succeeds again. */
  status: 'ok' | 'degraded';
  file: string;
  /** When the file was last written by this server (absent before the first save). */
  lastSavedAt?: string;
  /** While degraded: the last failure's message (with its code, e.g. `ENOSPC: no space left on device, …`). */
  lastError?: string;
  /** While degraded: when the first failed save of this streak was. */
  failingSince?: string;
  /** While degraded: saves tried again after the first failure of this streak. */
  retries?: number;
  /** While degraded: when the next save is tried. */
  nextRetryAt?: string;
}

/** First delay before a failed save is tried again; each further failure doubles it, up to {@link SAVE_RETRY_MAX_MS}. */
export const SAVE_RETRY_MIN_MS = 100;
/** Longest delay between two tries of a failing save. */
export const SAVE_RETRY_MAX_MS = 5000;

/** Options of a {@link StateKeeper}. */
export interface StateKeeperOptions {
  /** Delay between a reported change and its save (several changes share one save); default 100 ms. */
  debounceMs?: number;
  /** Back-off of failed saves: first delay (default {@link SAVE_RETRY_MIN_MS}), doubled up to `retryMaxMs`. */
  retryMinMs?: number;
  /** Longest delay between two tries (default {@link SAVE_RETRY_MAX_MS}). */
  retryMaxMs?: number;
  /** Writes the file text (default `writeFileAtomic`). */
  write?: (file: string, text: string) => Promise<void>;
  /** Current time (default `() => new Date()`). */
  clock?: () => Date;
}

interface FailureStreak {
  error: Error;
  since: Date;
  retries: number;
  nextRetryAt: Date | undefined;
}

/**
 * Keeps the served APIs' state in a file (`--state-file`): loads it at start, saves it at most `debounceMs` after
 * a change is reported (`changed()`), on demand (`save()`) and on `close()`. Saves run one at a time, each taking
 * a fresh snapshot, so the file always holds a state the server had at some moment, written atomically. States of
 * APIs this server does not serve are carried over from the loaded file unchanged.
 *
 * A failed save (disk full, no file descriptor left, a folder that cannot be written) is tried again with back-off
 * ({@link SAVE_RETRY_MIN_MS} doubling up to {@link SAVE_RETRY_MAX_MS}) until one succeeds, so every change
 * acknowledged meanwhile reaches the file once the cause is gone. A failure streak is logged once when it starts and
 * once when it ends, and shown by {@link health}.
 */
export class StateKeeper {
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private carried: ApiStates = {};
  private closed = false;
  /** Changes reported since the snapshot of the last successful save was taken. */
  private dirty = false;
  private failure: FailureStreak | undefined;
  private lastSavedAt: string | undefined;
  private readonly debounceMs: number;
  private readonly retryMinMs: number;
  private readonly retryMaxMs: number;
  private readonly writeText: (file: string, text: string) => Promise<void>;
  private readonly clock: () => Date;
  /** True when the file existed and was loaded. */
  loaded = false;

  constructor(
    readonly file: string,
    private readonly modules: readonly AnyApiModule[],
    private readonly log: (line: string) => void,
    options: StateKeeperOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 100;
    this.retryMinMs = options.retryMinMs ?? SAVE_RETRY_MIN_MS;
    this.retryMaxMs = Math.max(this.retryMinMs, options.retryMaxMs ?? SAVE_RETRY_MAX_MS);
    this.writeText = options.write ?? writeFileAtomic;
    this.clock = options.clock ?? (() => new Date());
  }

  /**
   * Loads the file into the modules (all or nothing); a missing file leaves the seeded state.
   * @throws StateFileError with a one-line message for a file that must not be loaded.
   */
  load(): void {
    removeStaleTemps(this.file);
    const states = readStateFile(this.file);
    if (!states) return;
    try {
      const { skipped } = importStates(this.modules, states, () => true);
      this.carried = Object.fromEntries(skipped.map((id) => [id, states[id]]));
    } catch (err) {
      throw new StateFileError(`state file ${this.file} does not fit this server: ${(err as Error).message}`);
    }
    this.loaded = true;
  }

  /** Reports a change: a save follows within `debounceMs` (several changes share one save). */
  changed(): void {
    this.dirty = true;
    this.schedule(this.debounceMs);
  }

  /**
   * Saves now (after any save in progress), with the state as it is when the write starts. A failure is rejected
   * with the file system's error (its `code` kept) and the save is tried again later.
   */
  save(): Promise<SaveInfo> {
    const run = this.chain.then(() => this.write());
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Where saving stands, for `GET /__crmkit/health`. */
  health(): SaveHealth {
    const out: SaveHealth = { status: this.failure ? 'degraded' : 'ok', file: this.file };
    if (this.lastSavedAt) out.lastSavedAt = this.lastSavedAt;
    const f = this.failure;
    if (f) {
      out.lastError = f.error.message;
      out.failingSince = f.since.toISOString();
      out.retries = f.retries;
      if (f.nextRetryAt) out.nextRetryAt = f.nextRetryAt.toISOString();
    }
    return out;
  }

  /** Stops reacting to changes and retrying, and writes a last snapshot (rejected when that write fails). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.save();
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // A failure is recorded, logged and retried by write(); nothing else to do with it here.
      this.save().catch(() => undefined);
    }, delayMs);
  }

  private async write(): Promise<SaveInfo> {
    const states: ApiStates = { ...this.carried };
    for (const m of this.modules) states[m.id] = m.exportState();
    const now = this.clock();
    const text = encodeState(states, now);
    this.dirty = false;
    try {
      await this.writeText(this.file, text);
    } catch (err) {
      this.failed(err instanceof Error ? err : new Error(String(err)));
      throw err;
    }
    this.lastSavedAt = now.toISOString();
    const f = this.failure;
    if (f) {
      this.failure = undefined;
      this.log(
        `crmkit: state saved to ${this.file} again after ${f.retries + 1} failed attempt(s) since ${f.since.toISOString()}`,
      );
    }
    // A change reported while this save ran is after its snapshot: its own save is already scheduled, unless a
    // retry timer was pending when it came.
    if (this.dirty) this.schedule(this.debounceMs);
    return { file: this.file, bytes: Buffer.byteLength(text), savedAt: this.lastSavedAt };
  }

  private failed(error: Error): void {
    this.dirty = true;
    const now = this.clock();
    if (this.failure) {
      this.failure.retries++;
      this.failure.error = error;
    } else {
      this.failure = { error, since: now, retries: 0, nextRetryAt: undefined };
      this.log(
        `crmkit: cannot save state to ${this.file}: ${error.message}; trying again after ${this.retryMinMs} ms, ` +
          `doubling up to ${this.retryMaxMs} ms, until it works (GET /__crmkit/health shows the state)`,
      );
    }
    if (this.closed) return;
    const delay = Math.min(this.retryMaxMs, this.retryMinMs * 2 ** Math.min(this.failure.retries, 30));
    this.failure.nextRetryAt = new Date(now.getTime() + delay);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.schedule(delay);
  }
}
