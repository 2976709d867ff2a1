import { formatTimestamp } from '../../redmine-family/index.js';
import type { Rng } from '../../store/prng.js';
import type { RedmineUpState } from './state.js';

const DAY = 86_400_000;
/** CRM data starts a few days after the seeded projects, independent of the clock. */
const EPOCH = Date.UTC(2024, 0, 20, 9, 0, 0);

/** What the CRM seeders share: the state, the generator, a clock and the seeded users and projects. */
export interface SeedContext {
  state: RedmineUpState;
  rng: Rng;
  /** A timestamp `days` after the CRM epoch, at a random time of the working day. */
  at(days: number): string;
  /** A date (`YYYY-MM-DD`) `days` after the CRM epoch. */
  date(days: number): string;
  /** Active user ids: administrator, jsmith, then the other member. */
  users: number[];
  /** Project ids in seed order (see `seedCore`). */
  projects: number[];
}

/** The seeders' context for a state whose Redmine core is seeded. */
export function seedContext(state: RedmineUpState, rng: Rng): SeedContext {
  return {
    state,
    rng,
    at: (days) => formatTimestamp(EPOCH + days * DAY + rng.int(0, 8 * 3600) * 1000),
    date: (days) => formatTimestamp(EPOCH + days * DAY).slice(0, 10),
    users: state.users.all((u) => u.status === 1).map((u) => u.id),
    projects: state.projects.all().map((p) => p.id),
  };
}
