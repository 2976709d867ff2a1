import { createRequire } from 'node:module';

type YamlModule = typeof import('yaml');

const require = createRequire(import.meta.url);
let loaded: YamlModule | undefined;

/**
 * The `yaml` package, loaded on first use: `crmkit serve` without a YAML config file never needs it, and loading it
 * costs start-up time.
 */
export function loadYaml(): YamlModule {
  loaded ??= require('yaml') as YamlModule;
  return loaded;
}
