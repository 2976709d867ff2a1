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
  const tmp = temporaryPath(file);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Copies `from` to `to` the same way. */
export function copyFileAtomic(from: string, to: string): void {
  const tmp = temporaryPath(to);
  try {
    copyFileSync(from, tmp);
    renameSync(tmp, to);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
