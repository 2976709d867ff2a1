import { createRedmineFamilyModule, RedmineFamilyState, type RedminePrincipal } from '../../redmine-family/index.js';
import type { RedmineFamilyModuleOptions } from '../../redmine-family/module.js';
import type { ApiModule } from '../../server/types.js';
import { loadBundledSpec } from '../../spec/load.js';
import { withDefaultLimits } from '../../store/limits.js';
import { redmineCoreHandlers } from './handlers.js';

export { redmineCoreHandlers } from './handlers.js';

/** The `redmine` API: the Redmine core subset over the family's shared state and conventions. */
export function createRedmineModule(
  options: RedmineFamilyModuleOptions,
): ApiModule<RedmineFamilyState, RedminePrincipal> {
  const state = new RedmineFamilyState({
    seed: options.seed,
    adminApiKey: options.adminApiKey,
    limits: withDefaultLimits(options.limits),
  });
  state.reset();
  return createRedmineFamilyModule({
    id: 'redmine',
    basePath: '/redmine',
    document: loadBundledSpec('redmine'),
    state,
    handlers: redmineCoreHandlers(),
  });
}
