import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { API_IDS, bundlePath, outputRoot, PROJECT_ROOT } from '../../spec/load.js';
import { bundleApis, shown } from './bundle.js';
import { printJson, progressLog, runAction } from './common.js';

interface DocsFlags {
  out?: string;
  force?: boolean;
  json?: boolean;
  quiet?: boolean;
}

/**
 * Builds the docs site (`src/docs/build-site.ts`): missing bundles first, then the Redoc reference pages, the "Try it"
 * consoles, guides and landing page, with a progress line per step on stderr. Returns the written pages, relative to the site.
 */
export async function buildDocs(flags: DocsFlags): Promise<{ out: string; pages: string[]; missing: string[] }> {
  const log = progressLog(flags.quiet);
  const unbundled = API_IDS.filter(
    (id) => existsSync(join(PROJECT_ROOT, 'openapi', id, 'openapi.yaml')) && !existsSync(bundlePath(id)),
  );
  if (unbundled.length) {
    log(`docs: bundling ${unbundled.join(', ')} (missing in dist/openapi)`);
    await bundleApis(unbundled, { log });
  }
  const { buildSite } = await import('../../docs/build-site.js');
  // The project's dist/docs in a checkout; ./dist/docs in the working directory when crmkit is an installed package.
  const out = resolve(flags.out ?? join(outputRoot(), 'dist', 'docs'));
  const result = await buildSite({ out, force: flags.force, log });
  const pages = [
    'index.html',
    'guides/index.html',
    ...result.guides.map((slug) => `guides/${slug}.html`),
    ...result.apis.map((api) => `reference/${api.id}.html`),
    ...result.apis.map((api) => `console/${api.id}.html`),
  ];
  return { out: result.out, pages, missing: result.missing };
}

/** Registers `crmkit docs`. */
export function registerDocs(program: Command): Command {
  return program
    .command('docs')
    .description('Build the docs site (landing page, guides, a Redoc reference per API) in dist/docs.')
    .option('--out <dir>', 'write the site to this folder instead of dist/docs')
    .option('--force', 'rebuild reference pages even when they are newer than their bundles')
    .option('--json', 'print the written pages as JSON: { out, pages, missing }')
    .option('--quiet', 'no progress lines on stderr')
    .addHelpText(
      'after',
      `
Examples:
  crmkit docs                         build dist/docs (up-to-date reference pages are kept)
  crmkit docs --force                 rebuild every page
  crmkit docs --out /tmp/site --json  build elsewhere and list the pages as JSON

In a checkout dist/docs/ is the project's; with crmkit installed as a package it is ./dist/docs/
under the working directory (the package ships a built site, which crmkit serve serves at /docs).`,
    )
    .action(
      runAction('docs', async (flags: DocsFlags) => {
        const { out, pages, missing } = await buildDocs(flags);
        if (flags.json) printJson({ out: shown(out), pages, missing });
        else {
          for (const page of pages) process.stdout.write(`${relative(process.cwd(), join(out, page)) || page}\n`);
        }
        return 0;
      }),
    );
}
