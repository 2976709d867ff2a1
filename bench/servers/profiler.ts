import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { findSourceMap } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../src/spec/load.js';
import { PROFILE_FILE, SOURCEMAP_FILE } from '../lib/profile.js';

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function writeSourceMaps(file: string): void {
  const maps: Record<string, unknown> = {};
  for (const ts of tsFiles(join(PROJECT_ROOT, 'src'))) {
    const url = pathToFileURL(ts).href;
    const map = findSourceMap(url);
    if (map) maps[url] = { ...map.payload, sourcesContent: undefined };
  }
  writeFileSync(file, JSON.stringify(maps));
}

/**
 * Preloaded into a profiled server (`node --enable-source-maps --import tsx --import ./bench/servers/profiler.ts`):
 * the first SIGUSR2 starts V8's sampling profiler, the second stops it and writes the profile plus the source maps
 * of every module under `src/` (tsx's output is whitespace-minified, so positions need mapping back) into
 * `$BENCH_PROFILE_DIR`. Only the load phase is profiled, not start-up.
 */
const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (err, result) => {
      if (err) return;
      writeSourceMaps(join(dir, SOURCEMAP_FILE));
      const file = join(dir, PROFILE_FILE);
      writeFileSync(`${file}.tmp`, JSON.stringify(result.profile));
      renameSync(`${file}.tmp`, file);
    });
  });
}
