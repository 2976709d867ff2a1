import { expect, test } from 'vitest';
import { renderMarkdown, slugify } from './markdown.js';
import { escapeHtml, rewriteHref } from './markdown-inline.js';

test('headings get unique ids; the first h1 is the title and h2s are the sections', () => {
  const out = renderMarkdown('# Paging guide\n\n## Limits\n\ntext\n\n## Limits\n\n### `nometa` flag\n\n# Second h1');
  expect(out.title).toBe('Paging guide');
  expect(out.sections).toEqual([
    { id: 'limits', text: 'Limits' },
    { id: 'limits-2', text: 'Limits' },
  ]);
  expect(out.html).toContain('<h1 id="paging-guide">Paging guide</h1>');
  expect(out.html).toContain(
    '<h2 id="limits-2">Limits <a class="anchor" href="#limits-2" aria-label="Link to this section">#</a></h2>',
  );
  expect(out.html).toContain('<h3 id="nometa-flag"><code>nometa</code> flag <a class="anchor" href="#nometa-flag"');
});

test('title and section texts drop markup but stay escaped; ids ignore escaped characters', () => {
  const out = renderMarkdown('# Guide B & *more*\n\n## JSON vs XML: `type="array"`\n\n## The mock\'s users');
  expect(out.title).toBe('Guide B &amp; more');
  expect(out.sections).toEqual([
    { id: 'json-vs-xml-type-array', text: 'JSON vs XML: type=&quot;array&quot;' },
    { id: 'the-mock-s-users', text: 'The mock&#39;s users' },
  ]);
  expect(renderMarkdown('no heading').title).toBe('');
});

test('fenced code is escaped verbatim and tagged with its language', () => {
  const out = renderMarkdown('```xml\n<a href="x">**not bold** & `tick`</a>\n```\nafter');
  expect(out.html).toBe(
    '<pre><code class="language-xml">&lt;a href=&quot;x&quot;&gt;**not bold** &amp; `tick`&lt;/a&gt;</code></pre>\n<p>after</p>',
  );
  expect(renderMarkdown('```\nplain\n```').html).toBe('<pre><code>plain</code></pre>');
});

test('a list item can hold a fenced code block', () => {
  const html = renderMarkdown('1. Run:\n\n   ```sh\n   npm test\n   ```\n2. Done').html;
  expect(html).toContain('<li><p>Run:</p>\n<pre><code class="language-sh">npm test</code></pre>\n</li>');
  expect(html).toContain('<li><p>Done</p>\n</li>');
});

test('pipe tables are wrapped for horizontal scrolling; escaped pipes stay in the cell', () => {
  const html = renderMarkdown('| a | b |\n|---|---|\n| `x\\|y` | 1 \\| 2 |\n| **z** | |').html;
  expect(html.startsWith('<div class="table-wrap"><table>')).toBe(true);
  expect(html.endsWith('</table></div>')).toBe(true);
  expect(html).toContain('<th>a</th>');
  expect(html).toContain('<td><code>x|y</code></td>\n<td>1 | 2</td>');
  expect(html).toContain('<td><strong>z</strong></td>\n<td></td>');
});

test('links to sibling .md files point at the rendered pages; other links stay', () => {
  const html = renderMarkdown(
    'see [the `q` guide](filters.md#q), [paging](paging.md), [site](https://example.com/readme.md) or <https://docs.plutio.com/>',
  ).html;
  expect(html).toContain('<a href="filters.html#q">the <code>q</code> guide</a>');
  expect(html).toContain('<a href="paging.html">paging</a>');
  expect(html).toContain('<a href="https://example.com/readme.md">site</a>');
  expect(html).toContain('<a href="https://docs.plutio.com/">https://docs.plutio.com/</a>');
});

test('inline raw HTML is escaped; HTML blocks and comments are kept', () => {
  expect(renderMarkdown('`<b>` and <i>x</i> & "q"').html).toBe(
    '<p><code>&lt;b&gt;</code> and &lt;i&gt;x&lt;/i&gt; &amp; &quot;q&quot;</p>',
  );
  expect(renderMarkdown('a <script>alert(1)</script> b').html).not.toContain('<script>');
  expect(renderMarkdown('<div class="apis"></div>\n\n<!-- apis -->\n\ntext').html).toBe(
    '<div class="apis"></div>\n<!-- apis -->\n<p>text</p>',
  );
});

test('emphasis, lists and block quotes', () => {
  expect(renderMarkdown('**bold**, *em*, snake_case_name and 2 * 3 * 4').html).toBe(
    '<p><strong>bold</strong>, <em>em</em>, snake_case_name and 2 * 3 * 4</p>',
  );
  expect(renderMarkdown('- a\n- b').html).toBe('<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
  expect(renderMarkdown('3. c\n4. d').html).toBe('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>');
  expect(renderMarkdown('> **Note** this\n> too').html).toBe(
    '<blockquote>\n<p><strong>Note</strong> this\ntoo</p>\n</blockquote>',
  );
});

test('hrefs: Markdown sources become pages, absolute and fragment links stay', () => {
  expect(rewriteHref('paging.md')).toBe('paging.html');
  expect(rewriteHref('paging.md#limits')).toBe('paging.html#limits');
  expect(rewriteHref('../reference/plutio.html')).toBe('../reference/plutio.html');
  expect(rewriteHref('https://example.com/readme.md')).toBe('https://example.com/readme.md');
  expect(rewriteHref('#x')).toBe('#x');
});

test('escapeHtml and slugify', () => {
  expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  expect(slugify('JSON vs XML: <code>type=&quot;array&quot;</code>')).toBe('json-vs-xml-type-array');
  expect(slugify('Filters and <code>q</code>')).toBe('filters-and-q');
  expect(slugify('jsmith&#39;s role')).toBe('jsmith-s-role');
  expect(slugify('!!!')).toBe('section');
});
