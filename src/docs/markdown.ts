import { Marked, Renderer, type Tokens } from 'marked';
import { escapeHtml, rewriteHref } from './markdown-inline.js';

/** A rendered Markdown document. */
export interface RenderedMarkdown {
  html: string;
  /** Text of the first level-1 heading, markup removed but still HTML-escaped ('' when there is none). */
  title: string;
  /** Level-2 headings (text as `title`), for a page's table of contents. */
  sections: { id: string; text: string }[];
}

/**
 * Renders GitHub-flavoured Markdown with `marked`, adapted to the docs site: every heading gets a unique id (and,
 * below level 1, a `#` anchor link), fenced code keeps only a `class="language-x"`, tables are wrapped in a
 * scrollable `div.table-wrap`, links to sibling `.md` files point at their `.html` pages, and raw HTML is kept for
 * blocks only: inline tags are escaped and show as text.
 */
export function renderMarkdown(source: string): RenderedMarkdown {
  const ids = new Map<string, number>();
  const result: RenderedMarkdown = { html: '', title: '', sections: [] };
  const marked = new Marked({
    gfm: true,
    async: false,
    walkTokens(token) {
      if (token.type === 'link') token.href = rewriteHref(token.href);
    },
    renderer: {
      heading({ tokens, depth }) {
        const inner = this.parser.parseInline(tokens);
        const base = slugify(inner);
        const seen = ids.get(base) ?? 0;
        ids.set(base, seen + 1);
        const id = seen === 0 ? base : `${base}-${seen + 1}`;
        const text = inner.replace(/<[^>]*>/g, '');
        if (depth === 1 && result.title === '') result.title = text;
        if (depth === 2) result.sections.push({ id, text });
        const anchor = depth === 1 ? '' : ` <a class="anchor" href="#${id}" aria-label="Link to this section">#</a>`;
        return `<h${depth} id="${id}">${inner}${anchor}</h${depth}>\n`;
      },
      code({ text, lang }) {
        const name = lang?.match(/^[\w+-]+/)?.[0];
        const cls = name ? ` class="language-${escapeHtml(name)}"` : '';
        return `<pre><code${cls}>${escapeHtml(text)}</code></pre>\n`;
      },
      table(token: Tokens.Table) {
        return `<div class="table-wrap">${Renderer.prototype.table.call(this, token).trimEnd()}</div>\n`;
      },
      html({ text, block }: Tokens.HTML | Tokens.Tag) {
        return block ? `${text.trimEnd()}\n` : escapeHtml(text);
      },
    },
  });
  result.html = marked.parse(source.replace(/\r\n?/g, '\n'), { async: false }).trimEnd();
  return result;
}

/**
 * Turns a heading's rendered HTML into an id: tags and escaped `&`, `<`, `>`, `"` are dropped, the text is lower-cased
 * and every run of other characters becomes one `-` ('section' when nothing is left).
 */
export function slugify(html: string): string {
  return (
    html
      .toLowerCase()
      .replace(/<[^>]*>/g, '')
      .replace(/&[a-z]+;/g, '')
      .replace(/&#\d+;/g, ' ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'section'
  );
}
