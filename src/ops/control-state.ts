import { constants, realpathSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { resolve, sep } from 'node:path';
import { ApiError } from '../server/errors.js';
import type { AnyApiModule, RawResponse } from '../server/types.js';
import { isApiId } from '../spec/load.js';
import { CONTROL_BODY_LIMIT, json, noContent, parseJson, readJson } from './control-io.js';
import { type ApiStates, decodeEnvelope, STATE_FORMAT, StateFileError } from './state-file.js';
import { type ImportOutcome, importStates } from './state-import.js';
import type { StateKeeper } from './state-keeper.js';

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
    value = parseJson(await readFixtureFile(fixturePath(fixturesDir, file), file), `fixture file ${file}`);
  }
  return json(
    200,
    load(selected, asStates(value), (id) => isApiId(id) || served.some((m) => m.id === id)),
  );
}

/** `GET /__crmkit/health`: `{status, apis}`, with `state` (see `SaveHealth`) when a state file is kept. */
export function health(modules: readonly AnyApiModule[], keeper: StateKeeper | undefined): RawResponse {
  const apis = modules.map((m) => m.id);
  if (!keeper) return json(200, { status: 'ok', apis });
  const state = keeper.health();
  return json(200, { status: state.status, apis, state });
}

/**
 * `POST /__crmkit/snapshot`: writes the state file now. A failed write is the server's problem, never the client's:
 * 507 when the disk or quota is full, 503 when the process is out of file descriptors or memory (it passes), 500
 * otherwise; the keeper tries again on its own either way.
 */
export async function snapshot(keeper: StateKeeper | undefined): Promise<RawResponse> {
  if (!keeper) throw new ApiError('CONFLICT', 'the server was started without --state-file');
  try {
    return json(200, await keeper.save());
  } catch (err) {
    throw saveError(err);
  }
}

/** The answer to a state file write that failed, by the file system's error code. */
export function saveError(err: unknown): ApiError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const message = `cannot save state: ${(err as Error)?.message ?? String(err)}`;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new ApiError('INTERNAL', message, { status: 507 });
  if (code === 'EMFILE' || code === 'ENFILE' || code === 'ENOMEM' || code === 'EAGAIN' || code === 'EBUSY') {
    return new ApiError('UNAVAILABLE', message, { headers: { 'retry-after': '1' } });
  }
  return new ApiError('INTERNAL', message);
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

/** Largest fixture file `POST /__crmkit/fixtures?file=` reads: the control endpoints' body limit, 64 MiB. */
export const FIXTURE_FILE_LIMIT = CONTROL_BODY_LIMIT;

/**
 * Reads a fixture file without ever blocking: opened non-blocking and without following a symbolic link (so a FIFO
 * or a link swapped in after the path check cannot hold the thread), then checked on the open descriptor: a regular
 * file of at most `limit` bytes, read up to that limit only (a file growing meanwhile is refused too).
 */
export async function readFixtureFile(path: string, name: string, limit = FIXTURE_FILE_LIMIT): Promise<string> {
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new ApiError('BAD_REQUEST', `fixture file ${name} is a symbolic link`);
    if (code === 'ENOENT') throw new ApiError('NOT_FOUND', `no fixture file ${name}`);
    if (code === 'EACCES' || code === 'EPERM') throw new ApiError('FORBIDDEN', `fixture file ${name} cannot be read`);
    throw new ApiError('UNAVAILABLE', `fixture file ${name} cannot be opened now: ${(err as Error).message}`);
  }
  try {
    const stat = await fh.stat();
    if (!stat.isFile()) throw new ApiError('BAD_REQUEST', `fixture file ${name} is not a regular file`);
    const tooLarge = new ApiError('PAYLOAD_TOO_LARGE', `fixture file ${name} is larger than ${limit} bytes`);
    if (stat.size > limit) throw tooLarge;
    const buffer = Buffer.alloc(Math.min(limit, stat.size) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await fh.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit) throw tooLarge;
    if (length > stat.size) throw new ApiError('CONFLICT', `fixture file ${name} changed while it was read`);
    return buffer.toString('utf8', 0, length);
  } finally {
    await fh.close();
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
