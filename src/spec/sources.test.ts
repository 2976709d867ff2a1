import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { PROJECT_ROOT } from './load.js';

// docs/sources.md is where the code's facts about the real APIs are referenced: every `docs/sources.md#<anchor>`
// must name an anchor of that page, and nothing may point outside the project for them.

const FOLDERS = ['src', 'scripts', 'docs', 'contract-tests', 'reliability', 'bench', 'openapi', 'bin', '.ci'];
const TOP_FILES = ['README.md', 'package.json', 'redocly.yaml', 'vitest.config.ts'];
const TEXT = /\.(?:[cm]?[jt]s|md|ya?ml|json|sh|py|hbs|txt)$|^run$/;

function projectTextFiles(): string[] {
  const files = TOP_FILES.map((f) => join(PROJECT_ROOT, f));
  for (const folder of FOLDERS) {
    const entries = readdirSync(join(PROJECT_ROOT, folder), { recursive: true, withFileTypes: true });
    for (const e of entries) {
      const dir = e.parentPath;
      if (e.isFile() && TEXT.test(e.name) && !dir.includes('node_modules') && !dir.includes(join('src', 'generated')))
        files.push(join(dir, e.name));
    }
  }
  return files;
}

const files = projectTextFiles().map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const rel = (path: string) => path.slice(PROJECT_ROOT.length + 1);

test('every docs/sources.md#<anchor> in the project names an anchor of docs/sources.md', () => {
  const page = readFileSync(join(PROJECT_ROOT, 'docs', 'sources.md'), 'utf8');
  const anchors = new Set([...page.matchAll(/<a id="([\w-]+)"><\/a>/g)].map((m) => m[1]));
  const cited = files.flatMap(({ path, text }) =>
    [...text.matchAll(/sources\.md#([\w-]+)/g)].map((m) => ({ at: rel(path), anchor: m[1] ?? '' })),
  );
  expect(cited.length).toBeGreaterThan(25);
  expect(cited.filter((c) => !anchors.has(c.anchor))).toEqual([]);
});

test('nothing in the project reads or cites a folder outside it for its facts', () => {
  const outside = /\bshared\/(?:seeds|research|hooks)\/|\/work\/shared\b|'\.\.',\s*'shared'/;
  const self = rel(join(PROJECT_ROOT, 'src', 'spec', 'sources.test.ts'));
  const offenders = files.filter(({ path, text }) => rel(path) !== self && outside.test(text)).map((f) => rel(f.path));
  expect(offenders).toEqual([]);
  expect(files.length).toBeGreaterThan(200);
});
