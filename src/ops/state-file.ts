import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** `format` of a state file. */
export const STATE_FORMAT = 'crmkit-state';
/** The state file version this server reads and writes. */
export const STATE_VERSION = 1;

/** States by api id, as `GET /__crmkit/state` returns them. */
export type ApiStates = Record<string, unknown>;

/**
 * A state file: one JSON object holding the states with a format name, a version and the SHA-256 of the states'
 * JSON text, so that a truncated, edited or damaged file is recognised instead of half loaded.
 */
export interface StateEnvelope {
  format: typeof STATE_FORMAT;
  version: number;
  savedAt: string;
  sha256: string;
  state: ApiStates;
}

/** A state file that must not be loaded; the message is one line naming the file and the problem. */
export class StateFileError extends Error {}

/** The file text of a state envelope. */
export function encodeState(state: ApiStates, now = new Date()): string {
  const text = JSON.stringify(state);
  const sha256 = createHash('sha256').update(text).digest('hex');
  const head = `"format":"${STATE_FORMAT}","version":${STATE_VERSION},"savedAt":"${now.toISOString()}"`;
  return `{${head},"sha256":"${sha256}","state":${text}}\n`;
}

/**
 * The states of an envelope after checking format, version and checksum. With `requireChecksum` false (fixture
 * files someone edited by hand) a missing `sha256` is accepted, a wrong one never.
 * @throws StateFileError
 */
export function decodeEnvelope(parsed: unknown, where: string, requireChecksum = true): ApiStates {
  const env = parsed as Partial<StateEnvelope> | null;
  if (!env || typeof env !== 'object' || env.format !== STATE_FORMAT) {
    throw new StateFileError(`${where} is not a crmkit state file`);
  }
  if (env.version !== STATE_VERSION) {
    throw new StateFileError(
      `${where} has state version ${String(env.version)}; this server reads version ${STATE_VERSION}`,
    );
  }
  if (!env.state || typeof env.state !== 'object' || Array.isArray(env.state)) {
    throw new StateFileError(`${where} has no state object`);
  }
  if (env.sha256 === undefined && !requireChecksum) return env.state;
  const actual = createHash('sha256').update(JSON.stringify(env.state)).digest('hex');
  if (actual !== env.sha256) throw new StateFileError(`${where} is corrupt (checksum mismatch)`);
  return env.state;
}

/**
 * Reads a state file: undefined when it does not exist, the checked states otherwise.
 * @throws StateFileError for an unreadable, empty, truncated, corrupt or wrong-version file, or one that is not a
 * regular file (a FIFO, a device, a directory).
 */
export function readStateFile(file: string): ApiStates | undefined {
  let text: string;
  let fd: number | undefined;
  try {
    // Non-blocking, so that a FIFO in the file's place is refused instead of waiting for a writer forever.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) throw new StateFileError(`state file ${file} is not a regular file`);
    text = readFileSync(fd, 'utf8');
  } catch (err) {
    if (err instanceof StateFileError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateFileError(`state file ${file} cannot be read: ${(err as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StateFileError(`state file ${file} is truncated or not JSON (${text.length} bytes)`);
  }
  return decodeEnvelope(parsed, `state file ${file}`);
}

let counter = 0;

/** Permissions of state files and their temporary files: they hold passwords and API keys, so owner only. */
export const STATE_FILE_MODE = 0o600;

/**
 * Writes a file atomically: a temporary file in the same directory (created afresh, mode {@link STATE_FILE_MODE}),
 * flushed to disk, then renamed over the target (and the directory flushed), so a reader or a crash sees the old
 * file or the new one, never a mix. The target ends up with the temporary file's mode.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${++counter}.tmp`);
  try {
    const fh = await open(tmp, 'wx', STATE_FILE_MODE);
    try {
      await fh.writeFile(text);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  try {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // Directories cannot be flushed on every platform; the rename itself is still atomic.
  }
}

/** Removes temporary files an interrupted `writeFileAtomic` of this file left behind. */
export function removeStaleTemps(file: string): void {
  const prefix = `.${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && /^\.\d+\.\d+\.tmp$/.test(name.slice(prefix.length - 1))) {
      rmSync(join(dirname(file), name), { force: true });
    }
  }
}
