import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type RenderedMarkdown, renderMarkdown } from './markdown.js';

/** One rendered guide: `docs/guides/<slug>.md` becomes `guides/<slug>.html`. */
export interface Guide extends RenderedMarkdown {
  slug: string;
}

/** The guides, in the order `docs/guides/index.md` links them, plus that index page itself. */
export interface GuideSet {
  index: RenderedMarkdown;
  guides: Guide[];
}

/**
 * Reads and renders the guides in `dir`. `index.md` is the guides' landing page and fixes their order (the order of
 * the links in its list items): every other `.md` file must be linked from such an item, and every guide it links must exist (either mistake throws, so a guide never
 * goes missing from the navigation).
 */
export function loadGuides(dir: string): GuideSet {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'index.md');
  const indexSource = readFileSync(join(dir, 'index.md'), 'utf8');
  const listed = indexSource.split('\n').filter((line) => /^\s*(?:[-*+]|\d+[.)])\s/.test(line));
  const order = [...listed.join('\n').matchAll(/\]\(([\w-]+)\.md(?:#[^)]*)?\)/g)].map((m) => m[1] ?? '');
  const slugs = [...new Set(order)];
  const unknown = slugs.filter((s) => !files.includes(`${s}.md`));
  if (unknown.length) throw new Error(`docs/guides/index.md links missing guides: ${unknown.join(', ')}`);
  const unlisted = files.map((f) => basename(f, '.md')).filter((s) => !slugs.includes(s));
  if (unlisted.length) throw new Error(`guides not linked from docs/guides/index.md: ${unlisted.join(', ')}`);
  const guides = slugs.map((slug) => {
    const rendered = renderMarkdown(readFileSync(join(dir, `${slug}.md`), 'utf8'));
    if (!rendered.title) throw new Error(`docs/guides/${slug}.md has no "# " title`);
    return { slug, ...rendered };
  });
  return { index: renderMarkdown(indexSource), guides };
}

/** Side navigation of a guide page: every guide (the current one marked) and the current page's sections. */
export function renderGuideSidebar(guides: readonly Guide[], current?: Guide): string {
  const items = guides
    .map((g) => {
      const here = g.slug === current?.slug ? ' aria-current="page"' : '';
      return `<li><a href="${g.slug}.html"${here}>${g.title}</a></li>`;
    })
    .join('');
  const toc = current?.sections.length
    ? `<p class="sidebar-title">On this page</p><ul class="toc">${current.sections
        .map((s) => `<li><a href="#${s.id}">${s.text}</a></li>`)
        .join('')}</ul>`
    : '';
  return `<p class="sidebar-title"><a href="index.html">Guides</a></p><ul class="guide-list">${items}</ul>${toc}`;
}
