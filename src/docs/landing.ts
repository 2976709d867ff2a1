import type { ApiSummary } from './api-summary.js';
import { renderMarkdown } from './markdown.js';
import { escapeHtml } from './markdown-inline.js';

/** The line of `docs/index.md` that the table of APIs replaces. */
export const APIS_MARKER = '<!-- apis -->';

/**
 * Renders the table of APIs: name and summary, operation count, the mock's base URL (a `mock-link` the site script
 * re-targets at the page's own origin), a request to try in the browser, the reference, the "Try it" console and the
 * OpenAPI downloads.
 */
export function renderApiTable(apis: readonly ApiSummary[]): string {
  const rows = apis.map((a) => {
    const mock = `<a class="mock-link" data-mock-path="${escapeHtml(a.mockPath)}" href="${escapeHtml(a.mockUrl)}"><code>${escapeHtml(a.mockUrl)}</code></a>`;
    const tryIt = a.tryPath
      ? `<a class="mock-link" data-mock-path="${escapeHtml(a.mockPath + a.tryPath)}" href="${escapeHtml(a.mockUrl + a.tryPath)}">GET&nbsp;<code>${escapeHtml(a.tryPath)}</code></a>`
      : '<span class="muted">token first: <a href="guides/authentication.html#plutio">POST <code>/oauth/token</code></a></span>';
    return [
      `<tr data-api="${a.id}">`,
      `<td><a class="api-name" href="reference/${a.id}.html">${escapeHtml(a.name)}</a>`,
      `<div class="api-summary">${escapeHtml(a.summary || a.title)}</div></td>`,
      `<td class="num"><span class="op-count">${a.operations}</span></td>`,
      `<td>${mock}<div class="try">${tryIt}</div></td>`,
      `<td><a href="reference/${a.id}.html">Reference</a> · <a class="try-link" href="console/${a.id}.html">Try it</a>`,
      '<div class="downloads">',
      `<a href="openapi/${a.id}.json" download>JSON</a> · <a href="openapi/${a.id}.yaml" download>YAML</a></div></td>`,
      '</tr>',
    ].join('');
  });
  return [
    '<div class="table-wrap"><table class="apis">',
    '<thead><tr><th>API</th><th class="num">Operations</th><th>Mock base URL</th><th>Docs</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table></div>',
  ].join('\n');
}

/** Renders `docs/index.md`, with the table of APIs in place of its `<!-- apis -->` line. */
export function renderLanding(source: string, apis: readonly ApiSummary[]): { title: string; body: string } {
  if (!source.includes(APIS_MARKER))
    throw new Error(`docs/index.md has no "${APIS_MARKER}" line for the table of APIs`);
  const rendered = renderMarkdown(source);
  return { title: rendered.title || 'crmkit', body: rendered.html.replace(APIS_MARKER, renderApiTable(apis)) };
}
