import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { API_IDS, type ApiId, outputRoot } from '../../spec/load.js';
import { apiOption, columns, printJson, progressLog, runAction } from './common.js';
import { type RedoclyApi, redoclyApis, runRedocly } from './redocly.js';

/** One file `bundle` wrote. */
export interface BundledFile {
  api: ApiId;
  path: string;
  bytes: number;
}

/** Options of {@link bundleApis}. */
export interface BundleOptions {
  /**
   * Output folder (default: each API's `output` folder in `redocly.yaml`, i.e. `dist/openapi` in the project, or
   * in the working directory when crmkit is an installed package).
   */
  out?: string;
  log?: (line: string) => void;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * Bundles API documents like `npm run bundle`: `redocly bundle` with renaming conflicts as errors, into
 * `<out>/<id>.json`, plus the same document as `<out>/<id>.yaml`. The files are written beside the targets first and
 * renamed into place, so a reader never sees half a bundle. Throws with Redocly's message when a bundle fails.
 */
export async function bundleApis(ids: readonly ApiId[], options: BundleOptions = {}): Promise<BundledFile[]> {
  const log = options.log ?? (() => {});
  const apis = redoclyApis(ids);
  const written = await Promise.all(apis.map((api) => bundleOne(api, options.out, log)));
  return written.flat();
}

async function bundleOne(
  api: RedoclyApi,
  out: string | undefined,
  log: (line: string) => void,
): Promise<BundledFile[]> {
  const started = performance.now();
  const json = out ? join(resolve(out), `${api.id}.json`) : api.output;
  const yaml = json.replace(/\.json$/, '.yaml');
  mkdirSync(dirname(json), { recursive: true });
  const temp = mkdtempSync(join(dirname(json), `.bundle-${api.id}-`));
  try {
    const staged = join(temp, basename(json));
    const run = await runRedocly(['bundle', api.root, '-o', staged, '--component-renaming-conflicts-severity=error']);
    if (run.code !== 0) throw new Error(`redocly bundle failed for ${api.id}:\n${run.stderr}`);
    const doc = JSON.parse(readFileSync(staged, 'utf8')) as unknown;
    // Loaded on first use, like the `yaml` package it uses: other commands never need it.
    const { toPortableYaml } = await import('../../spec/yaml-writer.js');
    writeFileSync(join(temp, basename(yaml)), toPortableYaml(doc));
    renameSync(staged, json);
    renameSync(join(temp, basename(yaml)), yaml);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  const files = [json, yaml].map((path) => ({ api: api.id, path, bytes: statSync(path).size }));
  log(`bundle: ${api.id} → ${files.map((f) => shown(f.path)).join(', ')} in ${seconds(started)}`);
  return files;
}

/** A path relative to the output root (the project, or the working directory of an installed package) when inside it. */
export function shown(path: string): string {
  const rel = relative(outputRoot(), path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

interface BundleFlags {
  api?: ApiId;
  out?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Registers `crmkit bundle`. */
export function registerBundle(program: Command): Command {
  return program
    .command('bundle')
    .description('Bundle the OpenAPI documents into dist/openapi/<api>.json and .yaml.')
    .addOption(apiOption())
    .option('--out <dir>', 'write the bundles to this folder instead of dist/openapi')
    .option('--json', 'print the written files as JSON')
    .option('--quiet', 'no progress lines on stderr')
    .addHelpText(
      'after',
      `
Examples:
  crmkit bundle                          bundle all four APIs into dist/openapi/
  crmkit bundle --api plutio             only Plutio
  crmkit bundle --out /tmp/specs --json  bundle elsewhere and list the files as JSON

In a checkout dist/openapi/ is the project's; with crmkit installed as a package it is ./dist/openapi/
under the working directory (the package itself ships the bundles and is never written to).`,
    )
    .action(
      runAction('bundle', async (flags: BundleFlags) => {
        const ids = flags.api ? [flags.api] : [...API_IDS];
        const files = await bundleApis(ids, { out: flags.out, log: progressLog(flags.quiet) });
        if (flags.json) printJson({ files: files.map((f) => ({ ...f, path: shown(f.path) })) });
        else process.stdout.write(columns(files.map((f) => [shown(f.path), kib(f.bytes)])));
        return 0;
      }),
    );
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
