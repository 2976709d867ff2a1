import type { Rng } from '../store/prng.js';
import { FamilyCollections } from './collections.js';
import { seedCore } from './seed.js';

export { FamilyCollections, type FamilyStateOptions } from './collections.js';

/**
 * The state of one Redmine-family API instance: the core collections (`FamilyCollections`), seeded from
 * `options.seed` with users, roles, projects, priorities and custom fields. Construct, then call `reset()` once to
 * seed; an API that adds resources subclasses it and overrides `seed`, calling `super.seed(rng)` first.
 */
export class RedmineFamilyState extends FamilyCollections {
  protected override seed(rng: Rng): void {
    seedCore(this, rng);
  }
}
