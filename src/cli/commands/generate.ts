import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { API_IDS, type ApiId, IS_CHECKOUT } from '../../spec/load.js';
import { shown } from './bundle.js';
import { apiOption, columns, printJson, progressLog, runAction } from './common.js';
import { redoclyApis } from './redocly.js';

/** What `generate` did with one API's types. */
export interface GeneratedFile {
  api: ApiId;
  path: string;
  /** `written`, `unchanged` (same text already there), or with `--check` `stale` (would change). */
  status: 'written' | 'unchanged' | 'stale';
}

/** Options of {@link generateTypes}. */
export interface GenerateOptions {
  /** Output folder (default: each API's `x-openapi-ts.output` in `redocly.yaml`, i.e. `src/generated`). */
  out?: string;
  /** Compare only: write nothing, report `stale` files. */
  check?: boolean;
  log?: (line: string) => void;
}

/**
 * Why `generate` does not run in an installed package: openapi-typescript is a development dependency, and the
 * package already ships the generated types (the declarations of its typed clients).
 */
export const CHECKOUT_ONLY =
  'crmkit generate regenerates src/generated/ in a checkout of crmkit; the installed package ships the generated ' +
  'types with its clients. For types of your own: npx openapi-typescript node_modules/crmkit/dist/openapi/<api>.json -o <file>.ts';

/**
 * Generates TypeScript types with openapi-typescript from each API's root document in `redocly.yaml`, the same
 * text `npm run generate` writes (header included). Files whose text is unchanged are not rewritten. A checkout
 * command ({@link CHECKOUT_ONLY}).
 */
export async function generateTypes(ids: readonly ApiId[], options: GenerateOptions = {}): Promise<GeneratedFile[]> {
  if (!IS_CHECKOUT) throw new Error(CHECKOUT_ONLY);
  const { default: openapiTS, astToString, COMMENT_HEADER } = await import('openapi-typescript');
  const log = options.log ?? (() => {});
  const files: GeneratedFile[] = [];
  for (const api of redoclyApis(ids)) {
    const started = performance.now();
    const path = options.out ? join(resolve(options.out), basename(api.types)) : api.types;
    const text = `${COMMENT_HEADER}${astToString(await openapiTS(pathToFileURL(api.root)))}`;
    const same = existsSync(path) && readFileSync(path, 'utf8') === text;
    const status: GeneratedFile['status'] = same ? 'unchanged' : options.check ? 'stale' : 'written';
    if (status === 'written') {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(`${path}.tmp`, text);
      renameSync(`${path}.tmp`, path);
    }
    log(`generate: ${api.id} → ${shown(path)} ${status} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    files.push({ api: api.id, path, status });
  }
  return files;
}

interface GenerateFlags {
  api?: ApiId;
  out?: string;
  check?: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** Registers `crmkit generate`. */
export function registerGenerate(program: Command): Command {
  return program
    .command('generate')
    .description('Generate TypeScript types (openapi-typescript) from the documents listed in redocly.yaml.')
    .addOption(apiOption())
    .option('--out <dir>', 'write to this folder instead of src/generated')
    .option('--check', 'write nothing; exit 1 when a generated file is out of date')
    .option('--json', 'print the files and their status (written, unchanged, stale) as JSON')
    .option('--quiet', 'no progress lines on stderr')
    .addHelpText(
      'after',
      `
Examples:
  crmkit generate                 regenerate src/generated/<api>.ts for all four APIs
  crmkit generate --api planio    only Planio
  crmkit generate --check         in CI: fail when the types do not match the documents

A command of the crmkit checkout (it needs the development dependency openapi-typescript); the
installed package ships the generated types.`,
    )
    .action(
      runAction('generate', async (flags: GenerateFlags) => {
        const ids = flags.api ? [flags.api] : [...API_IDS];
        const files = await generateTypes(ids, { out: flags.out, check: flags.check, log: progressLog(flags.quiet) });
        const stale = files.filter((f) => f.status === 'stale');
        if (flags.json) printJson({ ok: stale.length === 0, files: files.map((f) => ({ ...f, path: shown(f.path) })) });
        else process.stdout.write(columns(files.map((f) => [shown(f.path), f.status])));
        if (stale.length && !flags.json) {
          process.stderr.write(`crmkit generate: out of date: ${stale.map((f) => shown(f.path)).join(', ')}\n`);
        }
        return stale.length ? 1 : 0;
      }),
    );
}
