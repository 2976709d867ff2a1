import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { loadGuides, renderGuideSidebar } from './guides.js';

const dirs: string[] = [];

function guidesDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'crmkit-guides-'));
  dirs.push(dir);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('the order of the guides is the order of the links in the list items of index.md', () => {
  const dir = guidesDir({
    'index.md': '# Guides\n\nSee also [b](b.md) first.\n\n1. [A](a.md)\n2. [B](b.md#top), again [A](a.md)\n',
    'a.md': '# Guide A\n\n## One\n\n## Two',
    'b.md': '# Guide B & more',
  });
  const { index, guides } = loadGuides(dir);
  expect(index.title).toBe('Guides');
  expect(guides.map((g) => [g.slug, g.title])).toEqual([
    ['a', 'Guide A'],
    ['b', 'Guide B &amp; more'],
  ]);
  expect(guides[0]?.sections.map((s) => s.id)).toEqual(['one', 'two']);
});

test('a guide missing from index.md, a link to a missing guide, or a guide without a title is an error', () => {
  expect(() => loadGuides(guidesDir({ 'index.md': '- [A](a.md)', 'a.md': '# A', 'b.md': '# B' }))).toThrow(
    'guides not linked from docs/guides/index.md: b',
  );
  expect(() => loadGuides(guidesDir({ 'index.md': '- [A](a.md)\n- [C](c.md)', 'a.md': '# A' }))).toThrow(
    'docs/guides/index.md links missing guides: c',
  );
  expect(() => loadGuides(guidesDir({ 'index.md': '- [A](a.md)', 'a.md': 'no title' }))).toThrow('has no "# " title');
});

test('the sidebar lists every guide, marks the current one and lists its sections', () => {
  const dir = guidesDir({ 'index.md': '- [A](a.md)\n- [B](b.md)', 'a.md': '# A\n\n## Setup', 'b.md': '# B' });
  const { guides } = loadGuides(dir);
  const html = renderGuideSidebar(guides, guides[0]);
  expect(html).toContain('<li><a href="a.html" aria-current="page">A</a></li><li><a href="b.html">B</a></li>');
  expect(html).toContain('<a href="#setup">Setup</a>');
  expect(renderGuideSidebar(guides)).not.toContain('On this page');
});
