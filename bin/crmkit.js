#!/usr/bin/env node
// The crmkit command. An installed package runs its compiled CLI (dist/lib, built by `npm pack`) and nothing else.
// A checkout runs the compiled CLI (`npm run build`) when it is there and not older than the TypeScript sources it
// was built from; otherwise the sources through tsx's loader, so that a checkout works without a build step
// (start-up then takes a few hundred milliseconds more). tsx is a development dependency: only a checkout has it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'lib', 'src', 'cli', 'index.js');

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** True when a TypeScript source under `dir` (tests aside) changed after `since` (false when there are none). */
function changedSince(dir, since) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (changedSince(path, since)) return true;
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && mtime(path) > since) return true;
  }
  return false;
}

const built = mtime(compiled);
// A checkout is recognised by its sources (the package ships none); the compiled tree holds src/ and contract-tests/
// (tsconfig.build.json).
const checkout = existsSync(join(root, 'src', 'cli', 'index.ts'));
if (!checkout) {
  if (built === 0) {
    process.stderr.write(`crmkit: ${compiled} is missing; the crmkit package is incomplete: reinstall it\n`);
    process.exit(1);
  }
  await import(pathToFileURL(compiled).href);
} else if (built > 0 && !['src', 'contract-tests'].some((dir) => changedSince(join(root, dir), built))) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/index.ts');
}
