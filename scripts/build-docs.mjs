#!/usr/bin/env node
// Builds the docs site into dist/docs/: the landing page, the guides (docs/guides/*.md) and one Redoc reference
// page per bundled API (`redocly build-docs`). Missing bundles are built first. Reference pages newer than their
// bundle are kept; `--force` rebuilds them.
//   node scripts/build-docs.mjs [--force]
import { tsImport } from 'tsx/esm/api';

const { buildSite } = await tsImport('../src/docs/build-site.ts', import.meta.url);
try {
  await buildSite({ force: process.argv.includes('--force') });
} catch (err) {
  console.error(`docs: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
