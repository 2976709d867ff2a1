#!/usr/bin/env node
// Builds the docs site into dist/docs/ (or --out <dir>): the landing page, the guides (docs/guides/*.md), one Redoc
// reference page and one "Try it" console page per bundled API. Missing bundles are built first. Reference pages
// newer than their bundle are kept; `--force` rebuilds them.
//   node scripts/build-docs.mjs [--force] [--out <dir>]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const { buildSite } = await tsImport('../src/docs/build-site.ts', import.meta.url);
try {
  const { values } = parseArgs({ options: { force: { type: 'boolean' }, out: { type: 'string' } } });
  await buildSite({ force: values.force === true, out: values.out === undefined ? undefined : resolve(values.out) });
} catch (err) {
  console.error(`docs: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
