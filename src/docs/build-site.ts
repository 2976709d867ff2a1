import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_IDS, type ApiId, bundlePath, loadBundledSpec, PROJECT_ROOT } from '../spec/load.js';
import { type ApiSummary, summarizeApi } from './api-summary.js';
import { copyFileAtomic, writeFileAtomic } from './atomic-write.js';
import { copySwaggerUi, renderConsolePage } from './console.js';
import { loadGuides, renderGuideSidebar } from './guides.js';
import { renderLanding } from './landing.js';
import { API_TABS_HEIGHT, HEADER_HEIGHT, renderApiTabs, renderHeader, renderPage } from './layout.js';
import { MOCK_INFO_FILE, STATIC_MOCK_INFO } from './mock-info.js';
import { buildReference, isUpToDate, type ReferenceJob } from './reference.js';

/** Options of `buildSite`. */
export interface BuildOptions {
  /** Output folder (default `dist/docs` in the project). */
  out?: string;
  /** Rebuild reference pages even when they are newer than their bundles. */
  force?: boolean;
  /** Progress lines (default: console.log). */
  log?: (line: string) => void;
}

/** What was built. */
export interface BuildResult {
  out: string;
  apis: ApiSummary[];
  guides: string[];
  /** APIs left out because they have no document in `openapi/` (and so no bundle). */
  missing: ApiId[];
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;

/**
 * Builds the docs site: bundles documents that are missing, renders one Redoc reference page per bundled API
 * (in parallel, skipping pages that are up to date) and one "Try it" console page, copies the assets, the console's
 * Swagger UI files and the bundles, and renders the guides and the landing page with the shared layout. Sources are
 * read from the project (`PROJECT_ROOT`), the site is written to `options.out`.
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const root = PROJECT_ROOT;
  const out = options.out ?? join(root, 'dist', 'docs');
  const log = options.log ?? ((line: string) => console.log(line));
  const docs = join(root, 'docs');
  const started = performance.now();

  const unbundled = API_IDS.filter(
    (id) => existsSync(join(root, 'openapi', id, 'openapi.yaml')) && !existsSync(bundlePath(id)),
  );
  if (unbundled.length) {
    const t = performance.now();
    log(`docs: bundling ${unbundled.join(', ')} (missing in dist/openapi)`);
    execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs'), ...unbundled], {
      cwd: root,
      stdio: 'inherit',
    });
    log(`docs: bundled in ${seconds(t)}`);
  }
  const present = API_IDS.filter((id) => existsSync(bundlePath(id)));
  const missing = API_IDS.filter((id) => !present.includes(id));
  if (missing.length) log(`docs: no bundle for ${missing.join(', ')}; its pages are left out`);
  const apis = present.map((id) => summarizeApi(id, loadBundledSpec(id)));

  const { index, guides } = loadGuides(join(docs, 'guides'));
  for (const dir of ['reference', 'console', 'guides', 'assets', 'openapi'])
    mkdirSync(join(out, dir), { recursive: true });
  copyDir(join(docs, 'assets'), join(out, 'assets'));
  copySwaggerUi(join(out, 'assets'));
  // A mock serving the site answers its own mock.json; this one tells a page on a static server that none is there.
  writeFileAtomic(join(out, MOCK_INFO_FILE), `${JSON.stringify(STATIC_MOCK_INFO)}\n`);
  for (const api of apis) {
    for (const ext of ['json', 'yaml'] as const) {
      const src = bundlePath(api.id, ext);
      if (existsSync(src)) copyFileAtomic(src, join(out, 'openapi', `${api.id}.${ext}`));
    }
  }

  const jobs: ReferenceJob[] = apis.map((api) => ({
    root,
    api,
    bundle: bundlePath(api.id),
    out: join(out, 'reference', `${api.id}.html`),
    template: join(docs, 'templates', 'reference.hbs'),
    header: renderHeader('../', `ref:${api.id}`, apis, renderApiTabs('../', api, 'reference')),
    headerHeight: HEADER_HEIGHT + API_TABS_HEIGHT,
  }));
  await Promise.all(
    jobs.map(async (job) => {
      if (!options.force && isUpToDate(job)) {
        log(`docs: reference/${job.api.id}.html is up to date (${job.api.operations} operations)`);
        return;
      }
      const t = performance.now();
      await buildReference(job);
      log(`docs: reference/${job.api.id}.html (${job.api.operations} operations) in ${seconds(t)}`);
    }),
  );

  const t = performance.now();
  for (const api of apis) writeFileAtomic(join(out, 'console', `${api.id}.html`), renderConsolePage(api, apis));
  const guidePage = (title: string, body: string, sidebar: string) =>
    renderPage({ title, root: '../', active: 'guides', apis, body, sidebar });
  writeFileAtomic(join(out, 'guides', 'index.html'), guidePage(index.title, index.html, renderGuideSidebar(guides)));
  for (const g of guides) {
    writeFileAtomic(join(out, 'guides', `${g.slug}.html`), guidePage(g.title, g.html, renderGuideSidebar(guides, g)));
  }
  const landing = renderLanding(readFileSync(join(docs, 'index.md'), 'utf8'), apis);
  writeFileAtomic(join(out, 'index.html'), renderPage({ ...landing, root: '', active: 'home', apis }));
  log(`docs: landing page, ${apis.length} consoles and ${guides.length} guides in ${seconds(t)}`);
  log(`docs: site written to ${out} in ${seconds(started)}`);
  return { out, apis, guides: guides.map((g) => g.slug), missing };
}

function copyDir(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isFile()) copyFileAtomic(join(from, entry.name), join(to, entry.name));
  }
}
