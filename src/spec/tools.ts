import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The script behind a dependency's command (`binPath('@redocly/cli', 'redocly')`), found the way Node finds the
 * package itself: from crmkit's own folder in a checkout and from wherever npm placed it in an installed package
 * (often the user's `node_modules`, not crmkit's). Run it with `process.execPath`.
 */
export function binPath(pkg: string, bin: string): string {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin: bins } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: string | Record<string, string> };
  const rel = typeof bins === 'string' ? bins : bins?.[bin];
  if (!rel) throw new Error(`${pkg} has no command named ${bin}`);
  return join(dirname(manifest), rel);
}
