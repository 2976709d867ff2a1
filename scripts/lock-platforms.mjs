// Adds package-lock entries for the @biomejs platform binaries of other systems. Some npm registry mirrors do not
// serve them, so `npm install` leaves them out of the lock and `npm ci` then refuses the lock; with these entries
// `npm ci` accepts it and skips them as optional packages of another platform. Run after `npm install`:
//   node scripts/lock-platforms.mjs package-lock.json
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
const lock = JSON.parse(readFileSync(file, 'utf8'));
const biome = lock.packages['node_modules/@biomejs/biome'];
const platforms = {
  'cli-android-arm64': [['android'], ['arm64']],
  'cli-android-x64': [['android'], ['x64']],
  'cli-darwin-arm64': [['darwin'], ['arm64']],
  'cli-darwin-x64': [['darwin'], ['x64']],
  'cli-linux-arm64-musl': [['linux'], ['arm64']],
  'cli-linux-x64-musl': [['linux'], ['x64']],
  'cli-win32-arm64': [['win32'], ['arm64']],
  'cli-win32-x64': [['win32'], ['x64']],
};
for (const [name, [os, cpu]] of Object.entries(platforms)) {
  const key = `node_modules/@biomejs/${name}`;
  if (lock.packages[key]) continue;
  const entry = {
    version: biome.version,
    cpu,
    dev: true,
    license: 'MIT OR Apache-2.0',
    optional: true,
    os,
    engines: { node: '>=14.21.3' },
  };
  if (name.endsWith('-musl')) entry.libc = ['musl'];
  lock.packages[key] = entry;
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
