#!/usr/bin/env node
// Bundles the APIs of redocly.yaml into dist/openapi/<api>.json (each entry's `output`) and writes the same
// document as dist/openapi/<api>.yaml, written so that YAML 1.1 loaders (PyYAML, js-yaml, Psych) read it the same as
// YAML 1.2 ones (src/spec/yaml-writer.ts). With no arguments every API is bundled in one Redocly run; arguments name
// a subset (`node scripts/bundle.mjs redmine planio`).
// Component renaming conflicts are errors: two schema files with the same basename would otherwise become
// `Company` and `Company-2` silently.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Redocly's command script, found where Node finds the package (not necessarily under this folder's node_modules).
const redocly = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
const API_IDS = ['redmine', 'planio', 'redmineup', 'plutio'];

const only = process.argv.slice(2);
const unknown = only.filter((api) => !API_IDS.includes(api));
if (unknown.length) {
  console.error(`unknown API: ${unknown.join(', ')} (known: ${API_IDS.join(', ')})`);
  process.exit(2);
}
const apis = only.length ? only : API_IDS;
const env = { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_TELEMETRY: 'off' };
const run = (args) =>
  execFileSync(redocly, ['bundle', ...args, '--component-renaming-conflicts-severity=error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env,
  });

mkdirSync(join(root, 'dist', 'openapi'), { recursive: true });
try {
  if (only.length) for (const api of apis) run([`${api}@v1`]);
  else run([]);
} catch (err) {
  const text = String(err.stderr ?? err.message);
  console.error(
    text
      .split('\n')
      .filter((l) => !/[║╔╚]/.test(l))
      .join('\n'),
  );
  process.exit(1);
}
const { toPortableYaml } = await tsImport('../src/spec/yaml-writer.ts', import.meta.url);
for (const api of apis) {
  const doc = JSON.parse(readFileSync(join(root, 'dist', 'openapi', `${api}.json`), 'utf8'));
  writeFileSync(join(root, 'dist', 'openapi', `${api}.yaml`), toPortableYaml(doc));
}
