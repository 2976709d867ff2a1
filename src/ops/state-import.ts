import type { AnyApiModule } from '../server/types.js';
import type { ApiStates } from './state-file.js';

/** Which APIs an import loaded and which entries it left alone. */
export interface ImportOutcome {
  loaded: string[];
  skipped: string[];
}

/**
 * Replaces the state of every module named in `states`, all or nothing: when one module refuses its snapshot, the
 * modules already replaced get their previous state back and the error is rethrown. Entries for APIs not in
 * `modules` are refused when `isSkippable` says no (default: always refused) and skipped otherwise.
 */
export function importStates(
  modules: readonly AnyApiModule[],
  states: ApiStates,
  isSkippable: (id: string) => boolean = () => false,
): ImportOutcome {
  const byId = new Map(modules.map((m) => [m.id, m]));
  const skipped: string[] = [];
  for (const id of Object.keys(states)) {
    if (byId.has(id)) continue;
    if (!isSkippable(id)) throw new Error(`state for unknown api "${id}"`);
    skipped.push(id);
  }
  const done: [AnyApiModule, unknown][] = [];
  try {
    for (const m of modules) {
      if (!(m.id in states)) continue;
      // A JSON copy: what a module exports may share structure with what it then replaces.
      const previous: unknown = JSON.parse(JSON.stringify(m.exportState()));
      m.importState(states[m.id]);
      done.push([m, previous]);
    }
  } catch (err) {
    for (const [m, previous] of done.reverse()) m.importState(previous);
    throw err;
  }
  return { loaded: done.map(([m]) => m.id), skipped };
}
