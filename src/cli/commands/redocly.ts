import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { API_IDS, type ApiId, outputRoot, PROJECT_ROOT } from '../../spec/load.js';
import { binPath } from '../../spec/tools.js';
import { loadYaml } from '../yaml.js';

/** One API entry of `redocly.yaml`, paths made absolute. */
export interface RedoclyApi {
  id: ApiId;
  /** The entry's name in `redocly.yaml` (`redmine@v1`). */
  alias: string;
  /** The hand-written root document (`openapi/<id>/openapi.yaml`). */
  root: string;
  /** Where `bundle` writes the JSON bundle (`dist/openapi/<id>.json`, under {@link outputRoot}). */
  output: string;
  /** Where `generate` writes the types (`src/generated/<id>.ts`, under {@link outputRoot}). */
  types: string;
}

interface ApiEntry {
  root?: string;
  output?: string;
  'x-openapi-ts'?: { output?: string };
}

/**
 * The APIs of `redocly.yaml` (in the order of `API_IDS`), or only `ids`. The documents are the project's; the
 * outputs are placed under {@link outputRoot}: the project in a checkout, the working directory in an installed
 * package.
 */
export function redoclyApis(ids: readonly ApiId[] = API_IDS): RedoclyApi[] {
  const config = loadYaml().parse(readFileSync(join(PROJECT_ROOT, 'redocly.yaml'), 'utf8')) as {
    apis?: Record<string, ApiEntry>;
  };
  const entries = Object.entries(config.apis ?? {});
  return ids.map((id) => {
    const found = entries.find(([alias]) => alias.split('@')[0] === id);
    if (!found?.[1].root) throw new Error(`redocly.yaml has no API entry for ${id}`);
    const [alias, entry] = found;
    const out = outputRoot();
    return {
      id,
      alias,
      root: resolve(PROJECT_ROOT, entry.root ?? `openapi/${id}/openapi.yaml`),
      output: resolve(out, entry.output ?? `dist/openapi/${id}.json`),
      types: resolve(out, entry['x-openapi-ts']?.output ?? `src/generated/${id}.ts`),
    };
  });
}

/** What a Redocly CLI run printed. */
export interface RedoclyRun {
  code: number;
  stdout: string;
  /** stderr without the boxed notices Redocly prints on every run. */
  stderr: string;
}

/**
 * Runs the Redocly CLI crmkit depends on in the project root, where `redocly.yaml` is (telemetry and update notices
 * off); never throws for exit codes.
 */
export function runRedocly(args: readonly string[]): Promise<RedoclyRun> {
  const bin = binPath('@redocly/cli', 'redocly');
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.once('error', (e) => fail(new Error(`cannot run ${bin}: ${e.message}`)));
    child.once('close', (code) => {
      const stderr = Buffer.concat(err)
        .toString()
        .split('\n')
        .filter((l) => !/[║╔╚]/.test(l))
        .join('\n')
        .trim();
      done({ code: code ?? 1, stdout: Buffer.concat(out).toString(), stderr });
    });
  });
}
