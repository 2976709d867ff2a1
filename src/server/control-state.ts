import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { resolve, sep } from 'node:path';
import { isApiId } from '../spec/load.js';
import { json, noContent, parseJson, readJson } from './control-io.js';
import { ApiError } from './errors.js';
import { type ApiStates, decodeEnvelope, STATE_FORMAT, StateFileError } from './state-file.js';
import { type ImportOutcome, importStates } from './state-import.js';
import type { StateKeeper } from './state-keeper.js';
import type { AnyApiModule, RawResponse } from './types.js';

/** `PUT /__crmkit/state`: replaces the state of the APIs in the body (all or nothing). */
export async function putState(req: IncomingMessage, modules: readonly AnyApiModule[]): Promise<RawResponse> {
  load(modules, asStates(await readJson(req)), () => false);
  return noContent();
}

/**
 * `POST /__crmkit/fixtures`: loads a fixture, a JSON body in the export format (what `GET /__crmkit/state`
 * returns, or a state file), or with `?file=<name>` a JSON file below the `--fixtures-dir` directory. Entries of
 * APIs not selected or not served are skipped; the answer lists what was loaded and skipped.
 */
export async function loadFixture(
  req: IncomingMessage,
  file: string | undefined,
  selected: readonly AnyApiModule[],
  served: readonly AnyApiModule[],
  fixturesDir: string | undefined,
): Promise<RawResponse> {
  let value: unknown;
  if (file === undefined) value = await readJson(req);
  else {
    if (fixturesDir === undefined) {
      throw new ApiError('FORBIDDEN', 'loading fixture files needs the server started with --fixtures-dir');
    }
    value = parseJson(await readFile(fixturePath(fixturesDir, file), 'utf8'), `fixture file ${file}`);
  }
  return json(
    200,
    load(selected, asStates(value), (id) => isApiId(id) || served.some((m) => m.id === id)),
  );
}

/** `POST /__crmkit/snapshot`: writes the state file now. */
export async function snapshot(keeper: StateKeeper | undefined): Promise<RawResponse> {
  if (!keeper) throw new ApiError('CONFLICT', 'the server was started without --state-file');
  return json(200, await keeper.save());
}

function load(modules: readonly AnyApiModule[], states: ApiStates, skip: (id: string) => boolean): ImportOutcome {
  try {
    return importStates(modules, states, skip);
  } catch (err) {
    throw new ApiError('BAD_REQUEST', (err as Error).message);
  }
}

/** The states of an export: a state file envelope (checked) or an object keyed by api id. */
function asStates(value: unknown): ApiStates {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError('BAD_REQUEST', 'state must be an object keyed by api id');
  }
  if ((value as { format?: unknown }).format !== STATE_FORMAT) return value as ApiStates;
  try {
    return decodeEnvelope(value, 'the fixture', false);
  } catch (err) {
    if (err instanceof StateFileError) throw new ApiError('BAD_REQUEST', err.message);
    throw err;
  }
}

/** The real path of a fixture file, refusing anything outside the fixtures directory. */
function fixturePath(dir: string, name: string): string {
  if (name === '' || name.includes('\0')) throw new ApiError('BAD_REQUEST', 'file must name a fixture file');
  const outside = new ApiError('FORBIDDEN', `${name} is outside the fixtures directory`);
  let root: string;
  try {
    root = realpathSync(resolve(dir));
  } catch {
    throw new ApiError('NOT_FOUND', `the fixtures directory ${dir} does not exist`);
  }
  const target = resolve(root, name);
  if (!target.startsWith(root + sep)) throw outside;
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    throw new ApiError('NOT_FOUND', `no fixture file ${name}`);
  }
  if (!real.startsWith(root + sep)) throw outside;
  return real;
}
