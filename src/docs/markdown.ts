import { escapeHtml, renderInline } from './markdown-inline.js';

/** A rendered Markdown document. */
export interface RenderedMarkdown {
  html: string;
  /** Text of the first level-1 heading, markup removed but still HTML-escaped ('' when there is none). */
  title: string;
  /** Level-2 headings (text as `title`), for a page's table of contents. */
  sections: { id: string; text: string }[];
}

const FENCE = /^(```+|~~~+)\s*([\w+-]*)\s*$/;
const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const ITEM = /^([-*+]|\d{1,9}[.)])(\s+|$)/;
const TABLE_RULE = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * Renders the Markdown subset the docs are written in: ATX headings (with ids), paragraphs, fenced code blocks
 * (`class="language-x"`), bullet and numbered lists (nested by indentation), pipe tables, block quotes and raw HTML
 * blocks (a line starting with `<`, up to the next blank line), plus the inline forms of `renderInline`.
 */
export function renderMarkdown(source: string): RenderedMarkdown {
  const ctx: Context = { ids: new Map(), title: '', sections: [] };
  const html = renderBlocks(source.replace(/\r\n?/g, '\n').split('\n'), ctx, false);
  return { html, title: ctx.title, sections: ctx.sections };
}

/** Turns heading text into an id: lower case, runs of other characters become `-`. */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/<[^>]*>/g, '')
      .replace(/&[a-z]+;/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'section'
  );
}

interface Context {
  ids: Map<string, number>;
  title: string;
  sections: { id: string; text: string }[];
}

function startsBlock(line: string, next: string | undefined): boolean {
  return (
    FENCE.test(line) ||
    HEADING.test(line) ||
    ITEM.test(line) ||
    line.startsWith('>') ||
    (line.startsWith('|') && next !== undefined && TABLE_RULE.test(next))
  );
}

function renderBlocks(lines: string[], ctx: Context, tight: boolean): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = line.match(FENCE);
    if (fence) {
      const end = lines.findIndex((l, k) => k > i && l.trim().startsWith(fence[1] ?? '```'));
      const stop = end < 0 ? lines.length : end;
      const lang = fence[2] ? ` class="language-${escapeHtml(fence[2])}"` : '';
      out.push(`<pre><code${lang}>${escapeHtml(lines.slice(i + 1, stop).join('\n'))}</code></pre>`);
      i = stop + 1;
      continue;
    }
    const heading = line.match(HEADING);
    if (heading) {
      out.push(renderHeading((heading[1] ?? '#').length, heading[2] ?? '', ctx));
      i++;
      continue;
    }
    if (line.startsWith('|') && TABLE_RULE.test(lines[i + 1] ?? '')) {
      const end = scan(lines, i + 2, (l) => l.trim().startsWith('|'));
      out.push(renderTable(line, lines.slice(i + 2, end)));
      i = end;
      continue;
    }
    if (line.startsWith('>')) {
      const end = scan(lines, i, (l) => l.startsWith('>'));
      const inner = lines.slice(i, end).map((l) => l.replace(/^>\s?/, ''));
      out.push(`<blockquote>${renderBlocks(inner, ctx, false)}</blockquote>`);
      i = end;
      continue;
    }
    if (ITEM.test(line)) {
      i = renderList(lines, i, ctx, out);
      continue;
    }
    if (/^<[a-zA-Z!/]/.test(line)) {
      const end = scan(lines, i, (l) => l.trim() !== '');
      out.push(lines.slice(i, end).join('\n'));
      i = end;
      continue;
    }
    const end = scan(lines, i + 1, (l, k) => l.trim() !== '' && !startsBlock(l, lines[k + 1]));
    const text = renderInline(
      lines
        .slice(i, end)
        .map((l) => l.trim())
        .join('\n'),
    );
    out.push(tight ? text : `<p>${text}</p>`);
    i = end;
  }
  return out.join('\n');
}

/** Index of the first line from `from` that does not satisfy `keep`. */
function scan(lines: string[], from: number, keep: (line: string, index: number) => boolean): number {
  let k = from;
  while (k < lines.length && keep(lines[k] ?? '', k)) k++;
  return k;
}

function renderHeading(level: number, raw: string, ctx: Context): string {
  const inner = renderInline(raw);
  const base = slugify(inner);
  const seen = ctx.ids.get(base) ?? 0;
  ctx.ids.set(base, seen + 1);
  const id = seen === 0 ? base : `${base}-${seen + 1}`;
  const text = inner.replace(/<[^>]*>/g, '');
  if (level === 1 && ctx.title === '') ctx.title = text;
  if (level === 2) ctx.sections.push({ id, text });
  if (level === 1) return `<h1 id="${id}">${inner}</h1>`;
  return `<h${level} id="${id}">${inner} <a class="anchor" href="#${id}" aria-label="Link to this section">#</a></h${level}>`;
}

function splitRow(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inCode = false;
  const body = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let k = 0; k < body.length; k++) {
    const ch = body[k] ?? '';
    if (ch === '\\' && body[k + 1] === '|') {
      cell += '|';
      k++;
    } else if (ch === '|' && !inCode) {
      cells.push(cell.trim());
      cell = '';
    } else {
      if (ch === '`') inCode = !inCode;
      cell += ch;
    }
  }
  cells.push(cell.trim());
  return cells;
}

function renderRow(row: string, cell: 'th' | 'td'): string {
  const cells = splitRow(row).map((c) => `<${cell}>${renderInline(c)}</${cell}>`);
  return `<tr>${cells.join('')}</tr>`;
}

function renderTable(header: string, rows: string[]): string {
  const body = rows.map((r) => renderRow(r, 'td')).join('\n');
  return `<div class="table-wrap"><table>\n<thead>${renderRow(header, 'th')}</thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

/** Renders the list starting at `start` into `out`; returns the index after it. */
function renderList(lines: string[], start: number, ctx: Context, out: string[]): number {
  const first = lines[start]?.match(ITEM)?.[1] ?? '-';
  const ordered = /\d/.test(first);
  const items: string[][] = [];
  let loose = false;
  let i = start;
  while (i < lines.length) {
    const marker = lines[i]?.match(ITEM);
    if (!marker || /\d/.test(marker[1] ?? '') !== ordered) break;
    const width = marker[0].length;
    const item = [(lines[i] ?? '').slice(width)];
    i++;
    while (i < lines.length) {
      const line = lines[i] ?? '';
      if (line.trim() === '') {
        const next = lines.slice(i).find((l) => l.trim() !== '');
        if (next === undefined || !/^\s{2,}/.test(next)) break;
        loose = true;
        item.push('');
      } else if (/^\s{2,}/.test(line)) {
        item.push(line.replace(new RegExp(`^ {0,${Math.max(width, 2)}}`), ''));
      } else if (ITEM.test(line) || startsBlock(line, lines[i + 1])) {
        break;
      } else {
        item.push(line);
      }
      i++;
    }
    items.push(item);
    const after = scan(lines, i, (l) => l.trim() === '');
    if (after > i && ITEM.test(lines[after] ?? '')) {
      loose = true;
      i = after;
    }
  }
  const tag = ordered ? 'ol' : 'ul';
  const startAttr = ordered && Number.parseInt(first, 10) !== 1 ? ` start="${Number.parseInt(first, 10)}"` : '';
  const body = items.map((item) => `<li>${renderBlocks(item, ctx, !loose)}</li>`).join('\n');
  out.push(`<${tag}${startAttr}>\n${body}\n</${tag}>`);
  return i;
}
