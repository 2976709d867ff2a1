import { expect, test } from 'vitest';
import { renderMarkdown, slugify } from './markdown.js';
import { renderInline, rewriteHref } from './markdown-inline.js';

test('headings get unique ids; the first h1 is the title and h2s are the sections', () => {
  const out = renderMarkdown('# Paging guide\n\n## Limits\n\ntext\n\n## Limits\n\n### `nometa` flag');
  expect(out.title).toBe('Paging guide');
  expect(out.sections).toEqual([
    { id: 'limits', text: 'Limits' },
    { id: 'limits-2', text: 'Limits' },
  ]);
  expect(out.html).toContain('<h1 id="paging-guide">Paging guide</h1>');
  expect(out.html).toContain('<h3 id="nometa-flag"><code>nometa</code> flag <a class="anchor" href="#nometa-flag"');
});

test('fenced code is escaped verbatim and tagged with its language', () => {
  const out = renderMarkdown('```xml\n<a href="x">**not bold** & `tick`</a>\n```\nafter');
  expect(out.html).toBe(
    '<pre><code class="language-xml">&lt;a href=&quot;x&quot;&gt;**not bold** &amp; `tick`&lt;/a&gt;</code></pre>\n<p>after</p>',
  );
});

test('paragraphs join lines and stop at the next block', () => {
  const out = renderMarkdown('one\ntwo\n- item\n\nthree');
  expect(out.html).toBe('<p>one\ntwo</p>\n<ul>\n<li>item</li>\n</ul>\n<p>three</p>');
});

test('tight, loose, numbered and nested lists', () => {
  expect(renderMarkdown('- a\n- b').html).toBe('<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
  expect(renderMarkdown('- a\n\n- b').html).toBe('<ul>\n<li><p>a</p></li>\n<li><p>b</p></li>\n</ul>');
  expect(renderMarkdown('3. c\n4. d').html).toBe('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>');
  expect(renderMarkdown('- a\n  continued\n  - inner\n- b').html).toBe(
    '<ul>\n<li>a\ncontinued\n<ul>\n<li>inner</li>\n</ul></li>\n<li>b</li>\n</ul>',
  );
});

test('a list item can hold a fenced code block', () => {
  const html = renderMarkdown('1. Run:\n\n   ```sh\n   npm test\n   ```\n2. Done').html;
  expect(html).toContain('<li><p>Run:</p>\n<pre><code class="language-sh">npm test</code></pre></li>');
  expect(html).toContain('<li><p>Done</p></li>');
});

test('pipe tables, with pipes inside code spans and escaped pipes kept in the cell', () => {
  const html = renderMarkdown('| a | b |\n|---|:--|\n| `x|y` | 1 \\| 2 |\n| **z** | |').html;
  expect(html).toContain('<thead><tr><th>a</th><th>b</th></tr></thead>');
  expect(html).toContain('<tr><td><code>x|y</code></td><td>1 | 2</td></tr>');
  expect(html).toContain('<tr><td><strong>z</strong></td><td></td></tr>');
});

test('block quotes and raw HTML blocks', () => {
  expect(renderMarkdown('> **Note** this\n> too').html).toBe(
    '<blockquote><p><strong>Note</strong> this\ntoo</p></blockquote>',
  );
  expect(renderMarkdown('<div class="apis"></div>\n\ntext').html).toBe('<div class="apis"></div>\n<p>text</p>');
});

test('inline: code spans are literal, text is escaped, links and emphasis render', () => {
  expect(renderInline('`<b>` and <i> & "q"')).toBe('<code>&lt;b&gt;</code> and &lt;i&gt; &amp; &quot;q&quot;');
  expect(renderInline('``a`b`` x')).toBe('<code>a`b</code> x');
  expect(renderInline('see [the `q` guide](filters.md#q) or <https://docs.plutio.com/>')).toBe(
    'see <a href="filters.html#q">the <code>q</code> guide</a> or <a href="https://docs.plutio.com/">https://docs.plutio.com/</a>',
  );
  expect(renderInline('**bold**, *em*, snake_case_name and 2 * 3 * 4')).toBe(
    '<strong>bold</strong>, <em>em</em>, snake_case_name and 2 * 3 * 4',
  );
});

test('hrefs: Markdown sources become pages, absolute and fragment links stay', () => {
  expect(rewriteHref('paging.md')).toBe('paging.html');
  expect(rewriteHref('../reference/plutio.html')).toBe('../reference/plutio.html');
  expect(rewriteHref('https://example.com/readme.md')).toBe('https://example.com/readme.md');
  expect(rewriteHref('#x')).toBe('#x');
});

test('slugify', () => {
  expect(slugify('JSON vs XML: `type="array"`')).toBe('json-vs-xml-type-array');
  expect(slugify('Filters and <code>q</code>')).toBe('filters-and-q');
  expect(slugify('!!!')).toBe('section');
});
