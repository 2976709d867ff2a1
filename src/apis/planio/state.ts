import type { Rng } from '../../store/prng.js';
import { PlanioCollections } from './collections.js';
import { seedPlanio } from './seed.js';

export { PlanioCollections, type PlanioStateOptions, planioRecordSchemas } from './collections.js';

/**
 * The state of the Planio API: its collections (`PlanioCollections`), seeded from the options' seed with the
 * Redmine core and then Planio's custom fields, companies and contacts.
 */
export class PlanioState extends PlanioCollections {
  protected override seed(rng: Rng): void {
    super.seed(rng);
    seedPlanio(this, rng);
  }
}
