import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { binPath } from '../spec/tools.js';
import type { ApiSummary } from './api-summary.js';
import { temporaryPath, writeFileAtomic } from './atomic-write.js';

const run = promisify(execFile);

/** Redoc's attribution logo is fetched from a CDN; the built pages use local copies so they work offline. */
const LOGO_URLS: Readonly<Record<string, string>> = {
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg': '../assets/redocly-logo-full.svg',
  'https://cdn.redoc.ly/redoc/logo-mini.svg': '../assets/redocly-logo-mini.svg',
};

/** Inputs of one reference page. */
export interface ReferenceJob {
  root: string;
  api: ApiSummary;
  /** The bundled document (`dist/openapi/<api>.json`). */
  bundle: string;
  /** Output file (`dist/docs/reference/<api>.html`). */
  out: string;
  /** Handlebars page template (`docs/templates/reference.hbs`). */
  template: string;
  /** Header HTML placed above Redoc (passed to the template as `templateOptions.header`). */
  header: string;
  /** Height of that header, so Redoc's sticky sidebar and anchors sit below it. */
  headerHeight: number;
}

/** True when `out` is newer than its bundle and template and already carries the current header. */
export function isUpToDate(job: ReferenceJob): boolean {
  if (!existsSync(job.out)) return false;
  const built = statSync(job.out).mtimeMs;
  if ([job.bundle, job.template].some((f) => statSync(f).mtimeMs > built)) return false;
  return readFileSync(job.out, 'utf8').includes(job.header);
}

/**
 * Renders one API reference page with a single `redocly build-docs` call (Redoc scripts inlined, so the page needs
 * no network) into a temporary file, then points Redoc's attribution logo at the site's local copy and puts the page in
 * place in one rename.
 */
export async function buildReference(job: ReferenceJob): Promise<void> {
  const rendered = temporaryPath(job.out, '.html');
  // The CLI's script, found the way Node finds the package (crmkit's own node_modules in a checkout, wherever npm
  // put it in an installed package), run with this Node.
  const args = [
    binPath('@redocly/cli', 'redocly'),
    'build-docs',
    job.bundle,
    '--output',
    rendered,
    '--title',
    `${job.api.title} · crmkit reference`,
    '--inlineBundle',
    '--template',
    job.template,
    `--templateOptions.header=${job.header}`,
    `--templateOptions.apiName=${job.api.name}`,
    `--openapi.scrollYOffset=${job.headerHeight}`,
  ];
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  try {
    await run(process.execPath, args, { cwd: job.root, env, maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    rmSync(rendered, { force: true });
    const detail = String((err as { stderr?: string }).stderr ?? (err as Error).message)
      .split('\n')
      .filter((l) => l.trim() && !/[║╔╚]/.test(l))
      .join('\n');
    throw new Error(`redocly build-docs failed for ${job.api.id}:\n${detail}`);
  }
  let html = readFileSync(rendered, 'utf8');
  rmSync(rendered);
  for (const [remote, local] of Object.entries(LOGO_URLS)) html = html.split(remote).join(local);
  writeFileAtomic(job.out, html);
}
