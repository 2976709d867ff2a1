#!/usr/bin/env node
// Bundles every API listed in redocly.yaml into dist/openapi/<api>.json and .yaml.
// Component renaming conflicts are errors: two schema files with the same basename would otherwise become
// `Company` and `Company-2` silently.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const redocly = join(root, 'node_modules', '.bin', 'redocly');
export const API_IDS = ['redmine', 'planio', 'redmineup', 'plutio'];

const only = process.argv.slice(2);
const apis = only.length ? only : API_IDS;
mkdirSync(join(root, 'dist', 'openapi'), { recursive: true });
for (const api of apis) {
  for (const ext of ['json', 'yaml']) {
    execFileSync(
      redocly,
      [
        'bundle',
        `${api}@v1`,
        '--output',
        join('dist', 'openapi', `${api}.${ext}`),
        '--component-renaming-conflicts-severity=error',
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_TELEMETRY: 'off' } },
    );
  }
}
