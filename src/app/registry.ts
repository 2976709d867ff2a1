import { existsSync } from 'node:fs';
import { createPlanioModule } from '../apis/planio/index.js';
import { createPlutioModule } from '../apis/plutio/index.js';
import { PLUTIO_SETTINGS, type PlutioOptions } from '../apis/plutio/settings.js';
import { createRedmineModule } from '../apis/redmine/index.js';
import { createRedmineUpModule } from '../apis/redmineup/index.js';
import { REDMINE_FAMILY_SETTINGS, type RedmineFamilyOptions } from '../redmine-family/module.js';
import type { AnyApiModule, ApiSetting, ModuleOptions } from '../server/types.js';
import { type ApiId, bundlePath } from '../spec/load.js';
import type { StoreLimits } from '../store/limits.js';

/** One API the server can serve: its id, where it is mounted, the settings it takes and how it is built. */
export interface ApiDefinition<Options extends object = Record<string, unknown>> {
  id: ApiId;
  /** Mount point when several APIs are served. */
  basePath: string;
  /** Its own options that the command line, `CRMKIT_*` variables and config files can give. */
  settings: readonly ApiSetting<Options>[];
  /** The module factory. */
  create(options: ModuleOptions & Options): AnyApiModule;
}

/** The definition of an API, checked against its own options type. */
const define = <Options extends object>(definition: ApiDefinition<Options>) => definition;

/**
 * Every API, in the order the start-up table lists them. To add an API: write `src/apis/<id>/index.ts` exporting a
 * `ModuleFactory` (Redmine family: `createRedmineFamilyModule`; others: an `ApiModule` object), declare its own
 * options and their settings beside it, and list it here.
 */
export const API_DEFINITIONS = {
  redmine: define<RedmineFamilyOptions>({
    id: 'redmine',
    basePath: '/redmine',
    settings: REDMINE_FAMILY_SETTINGS,
    create: createRedmineModule,
  }),
  planio: define<RedmineFamilyOptions>({
    id: 'planio',
    basePath: '/planio',
    settings: REDMINE_FAMILY_SETTINGS,
    create: createPlanioModule,
  }),
  redmineup: define<RedmineFamilyOptions>({
    id: 'redmineup',
    basePath: '/redmineup',
    settings: REDMINE_FAMILY_SETTINGS,
    create: createRedmineUpModule,
  }),
  plutio: define<PlutioOptions>({
    id: 'plutio',
    basePath: '/plutio/v1.8',
    settings: PLUTIO_SETTINGS,
    create: createPlutioModule,
  }),
} satisfies Record<ApiId, ApiDefinition>;

type Definitions = typeof API_DEFINITIONS;

/** The own options of each API, by api id (`ServerOptions.apiOptions`). */
export type ApiOptions = {
  [Id in keyof Definitions]?: Definitions[Id] extends ApiDefinition<infer Options> ? Options : never;
};

/** The members of a union, intersected. */
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every API's own options side by side, as flags and variables give them (one `adminApiKey` for the family). */
export type ApiSettingValues = Intersection<NonNullable<ApiOptions[keyof ApiOptions]>>;

/**
 * The settings of every API, each once (Redmine-family APIs share theirs), in the order of the APIs: the flags
 * `crmkit serve` adds to its own.
 */
export const API_SETTINGS: readonly ApiSetting<ApiSettingValues>[] = [
  ...new Set(Object.values(API_DEFINITIONS).flatMap((d): readonly ApiSetting<ApiSettingValues>[] => d.settings)),
];

/** The API ids declaring a setting: more than one for a setting several APIs share. */
export function apisWithSetting(key: string): ApiId[] {
  return Object.values(API_DEFINITIONS)
    .filter((d) => d.settings.some((s) => s.key === key))
    .map((d) => d.id);
}

/** Groups setting values given side by side (flags, variables) by the APIs that declare them. */
export function apiOptionsOf(values: Partial<ApiSettingValues>): ApiOptions {
  const given = new Map<string, unknown>(Object.entries(values));
  const out: Partial<Record<ApiId, Record<string, unknown>>> = {};
  for (const d of Object.values(API_DEFINITIONS)) {
    const own: Record<string, unknown> = {};
    for (const { key } of d.settings) if (given.get(key) !== undefined) own[key] = given.get(key);
    if (Object.keys(own).length > 0) out[d.id] = own;
  }
  // The values were checked against each setting's kind where they were read (flags, variables, config file).
  return out as ApiOptions;
}

/** What `buildApiModules` needs of the server options. */
export interface ModuleBuild {
  apis: readonly ApiId[];
  /** The one API served at the root, if any. */
  api?: ApiId;
  seed: number;
  limits?: StoreLimits;
  apiOptions: ApiOptions;
  log(line: string): void;
}

/**
 * Builds the modules of the requested APIs. An API asked for by name (`--api`) must exist; from the default list,
 * APIs without a bundled document are skipped with a log line.
 */
export function buildApiModules(build: ModuleBuild): AnyApiModule[] {
  const modules: AnyApiModule[] = [];
  for (const id of build.apis) {
    const definition: ApiDefinition | undefined = API_DEFINITIONS[id];
    const missing = !definition
      ? 'no module'
      : !existsSync(bundlePath(id))
        ? 'no bundled document (run "npm run bundle")'
        : undefined;
    if (missing || !definition) {
      if (build.api) throw new Error(`cannot serve ${id}: ${missing}`);
      build.log(`crmkit: skipping ${id}: ${missing}`);
      continue;
    }
    const basePath = build.api ? '' : definition.basePath;
    modules.push(definition.create({ ...build.apiOptions[id], seed: build.seed, basePath, limits: build.limits }));
  }
  if (modules.length === 0) throw new Error('no API to serve');
  return modules;
}
