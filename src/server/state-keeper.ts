import {
  type ApiStates,
  encodeState,
  readStateFile,
  removeStaleTemps,
  StateFileError,
  writeFileAtomic,
} from './state-file.js';
import { importStates } from './state-import.js';
import type { AnyApiModule } from './types.js';

/** What one save wrote. */
export interface SaveInfo {
  file: string;
  bytes: number;
  savedAt: string;
}

/**
 * Keeps the served APIs' state in a file (`--state-file`): loads it at start, saves it at most `debounceMs` after
 * a change is reported (`changed()`), on demand (`save()`) and on `close()`. Saves run one at a time, each taking
 * a fresh snapshot, so the file always holds a state the server had at some moment, written atomically. States of
 * APIs this server does not serve are carried over from the loaded file unchanged.
 */
export class StateKeeper {
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private carried: ApiStates = {};
  private closed = false;
  /** True when the file existed and was loaded. */
  loaded = false;

  constructor(
    readonly file: string,
    private readonly modules: readonly AnyApiModule[],
    private readonly log: (line: string) => void,
    private readonly debounceMs = 100,
  ) {}

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
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.save().catch((err: unknown) =>
        this.log(`crmkit: cannot save state to ${this.file}: ${(err as Error).message}`),
      );
    }, this.debounceMs);
  }

  /** Saves now (after any save in progress), with the state as it is when the write starts. */
  save(): Promise<SaveInfo> {
    const run = this.chain.then(() => this.write());
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Stops reacting to changes and writes a last snapshot. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.save();
  }

  private async write(): Promise<SaveInfo> {
    const states: ApiStates = { ...this.carried };
    for (const m of this.modules) states[m.id] = m.exportState();
    const now = new Date();
    const text = encodeState(states, now);
    await writeFileAtomic(this.file, text);
    return { file: this.file, bytes: Buffer.byteLength(text), savedAt: now.toISOString() };
  }
}
