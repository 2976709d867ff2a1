import { copyFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

let serial = 0;

/** A temporary name next to `file`, unique to this process and call. */
export function temporaryPath(file: string, ext = '.tmp'): string {
  serial += 1;
  return `${file}.${process.pid}.${serial}${ext}`;
}

/**
 * Writes `file` through a temporary file renamed over it: a server reading the site while it is rebuilt (the mock
 * serving `dist/docs`, another build of the same folder) sees the old file or the new one, never half of one.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  replaceAtomically(file, (tmp) => writeFileSync(tmp, data));
}

/** Copies `from` to `to` the same way. */
export function copyFileAtomic(from: string, to: string): void {
  replaceAtomically(to, (tmp) => copyFileSync(from, tmp));
}

/** Makes `file` by writing a temporary file with `write` and renaming it over `file` (removed again on failure). */
function replaceAtomically(file: string, write: (tmp: string) => void): void {
  const tmp = temporaryPath(file);
  try {
    write(tmp);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
