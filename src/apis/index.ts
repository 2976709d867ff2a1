import { existsSync } from 'node:fs';
import type { ResolvedOptions } from '../server/options.js';
import type { AnyApiModule, ModuleFactory } from '../server/types.js';
import { type ApiId, bundlePath } from '../spec/load.js';
import { createPlanioModule } from './planio/index.js';
import { createPlutioModule } from './plutio/index.js';
import { createRedmineModule } from './redmine/index.js';
import { createRedmineUpModule } from './redmineup/index.js';

/**
 * The module factory of each API. To add an API: write `src/apis/<id>/index.ts` exporting a `ModuleFactory`
 * (Redmine family: `createRedmineFamilyModule`; others: an `ApiModule` object) and list it here.
 */
export const MODULE_FACTORIES: Partial<Record<ApiId, ModuleFactory>> = {
  redmine: createRedmineModule,
  planio: createPlanioModule,
  plutio: createPlutioModule,
  redmineup: createRedmineUpModule,
};

/** Mount points of the APIs when several are served. */
export const BASE_PATHS: Readonly<Record<ApiId, string>> = {
  redmine: '/redmine',
  planio: '/planio',
  redmineup: '/redmineup',
  plutio: '/plutio/v1.8',
};

/**
 * Builds the modules of the requested APIs. An API asked for by name (`--api`) must exist; from the default list,
 * APIs without a module or without a bundled document are skipped with a log line.
 */
export function buildApiModules(options: ResolvedOptions): AnyApiModule[] {
  const modules: AnyApiModule[] = [];
  for (const id of options.apis) {
    const factory = MODULE_FACTORIES[id];
    const missing = !factory
      ? 'no module'
      : !existsSync(bundlePath(id))
        ? 'no bundled document (run "npm run bundle")'
        : undefined;
    if (missing) {
      if (options.api) throw new Error(`cannot serve ${id}: ${missing}`);
      options.log(`crmkit: skipping ${id}: ${missing}`);
      continue;
    }
    modules.push(
      factory!({
        seed: options.seed,
        adminApiKey: options.adminApiKey,
        basePath: options.api ? '' : BASE_PATHS[id],
        plutioPeople: options.plutioPeople,
        limits: { maxRecords: options.maxRecords, maxBytes: options.maxStateBytes },
        plutioRateLimit: options.plutioRateLimit,
        plutioClientId: options.plutioClientId,
        plutioClientSecret: options.plutioClientSecret,
        plutioBusiness: options.plutioBusiness,
        plutioTokenTtl: options.plutioTokenTtl,
      }),
    );
  }
  if (modules.length === 0) throw new Error('no API to serve');
  return modules;
}
