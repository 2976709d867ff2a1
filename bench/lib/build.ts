import { once } from 'node:events';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/spec/load.js';
import { spawnChild } from './children.js';

/** The compiled CLI (`npm run build` output, the package's `dist/lib`). */
export const COMPILED_CLI = 'dist/lib/src/cli/index.js';
/** The CLI run from the TypeScript sources through tsx (`npm run serve`). */
export const SOURCE_CLI = 'src/cli/index.ts';

/**
 * The node options `npm run serve` and `npm start` give the server (read from package.json's `serve` script, e.g.
 * `--max-semi-space-size=8`), so that the benchmark measures the server as those commands run it.
 */
export function serveNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const match = /^node((?:\s+--[\w-]+=\S+)*)\s/.exec(pkg.scripts?.serve ?? '');
  return (match?.[1] ?? '').split(/\s+/).filter((flag) => flag !== '');
}

/** What {@link ensureBuild} did. */
export interface BuildState {
  /** True when the compiled CLI is there and not older than the sources. */
  ready: boolean;
  /** Why it was (re)built, when it was. */
  rebuilt?: string;
  ms?: number;
  /** tsc's complaints (the output is written all the same unless the CLI is missing). */
  warning?: string;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, mtime(path));
  }
  return newest;
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Why the compiled CLI needs building, or undefined when it is up to date with `src/` and `contract-tests/`. */
export function staleReason(): string | undefined {
  const built = mtime(join(PROJECT_ROOT, COMPILED_CLI));
  if (built === 0) return `${COMPILED_CLI} is missing`;
  const inputs = ['package.json', 'tsconfig.json', 'tsconfig.build.json'].map((f) => mtime(join(PROJECT_ROOT, f)));
  const sources = ['src', 'contract-tests'].map((dir) => newestSource(join(PROJECT_ROOT, dir)));
  const newest = Math.max(...sources, ...inputs);
  return newest > built ? `${COMPILED_CLI} is older than the sources` : undefined;
}

/**
 * Runs `tsc -p tsconfig.build.json` (what `npm run build` does) when `dist/lib` is missing or older than a source
 * under `src/`, so that start-up and load are measured on the compiled CLI (the package's `dist/lib`).
 */
export async function ensureBuild(): Promise<BuildState> {
  const reason = staleReason();
  if (!reason) return { ready: true };
  const started = performance.now();
  const startedAt = Date.now() - 1000;
  const tsc = join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const child = spawnChild('build', [tsc, '-p', 'tsconfig.build.json']);
  await once(child.proc, 'exit');
  const ms = performance.now() - started;
  const ready = mtime(join(PROJECT_ROOT, COMPILED_CLI)) >= startedAt;
  const failed = child.proc.exitCode !== 0;
  const warning = failed ? `tsc exited with ${child.proc.exitCode}:\n${child.output().trim().slice(-2000)}` : undefined;
  return { ready, rebuilt: reason, ms, warning };
}
