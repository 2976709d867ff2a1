import { createRedmineFamilyModule, type RedminePrincipal } from '../../redmine-family/index.js';
import type { RedmineFamilyModuleOptions } from '../../redmine-family/module.js';
import type { ApiModule } from '../../server/types.js';
import { loadBundledSpec } from '../../spec/load.js';
import { withDefaultLimits } from '../../store/limits.js';
import { redmineUpHandlers } from './handlers.js';
import { seedCrm } from './seed.js';
import { RedmineUpState } from './state.js';

export { RedmineUpState } from './state.js';

/**
 * The `redmineup` API: the RedmineUP CRM plugin (Pro 4.x) on Redmine 5 — contacts, contact projects, notes, deals,
 * deal statuses and contact tags, plus the Redmine core subset — over the family's shared conventions, with state
 * seeded from `options.seed`.
 */
export function createRedmineUpModule(
  options: RedmineFamilyModuleOptions,
): ApiModule<RedmineUpState, RedminePrincipal> {
  const state = new RedmineUpState(
    {
      seed: options.seed,
      adminApiKey: options.adminApiKey,
      limits: withDefaultLimits(options.limits),
    },
    seedCrm,
  );
  state.reset();
  return createRedmineFamilyModule({
    id: 'redmineup',
    basePath: '/redmineup',
    document: loadBundledSpec('redmineup'),
    state,
    handlers: redmineUpHandlers(),
  });
}
