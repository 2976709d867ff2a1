import { createRedmineFamilyModule, type RedminePrincipal } from '../../redmine-family/index.js';
import type { RedmineFamilyModuleOptions } from '../../redmine-family/module.js';
import type { ApiModule } from '../../server/types.js';
import { loadBundledSpec, type OpenApiDocument } from '../../spec/load.js';
import { withDefaultLimits } from '../../store/limits.js';
import { planioHandlers } from './handlers.js';
import { planioInvalidBody } from './invalid-body.js';
import { PlanioState } from './state.js';

export { PlanioState } from './state.js';

/**
 * The `planio` API: Planio's customer companies and company contacts next to the Redmine core subset, over the
 * Redmine family's shared state and conventions. Company countries are checked against the document's `Country`
 * list.
 */
export function createPlanioModule(options: RedmineFamilyModuleOptions): ApiModule<PlanioState, RedminePrincipal> {
  const document = loadBundledSpec('planio');
  const state = new PlanioState({
    seed: options.seed,
    adminApiKey: options.adminApiKey,
    limits: withDefaultLimits(options.limits),
    countries: countryList(document),
  });
  state.reset();
  const module = createRedmineFamilyModule({
    id: 'planio',
    basePath: '/planio',
    document,
    state,
    handlers: planioHandlers(),
  });
  return { ...module, onInvalidBody: planioInvalidBody };
}

/** The `Country` enum of the document. */
function countryList(document: OpenApiDocument): string[] {
  const list: unknown = document.components?.schemas?.Country?.enum;
  if (!Array.isArray(list) || list.length === 0) throw new Error('the planio document has no Country list');
  return list.map(String);
}
