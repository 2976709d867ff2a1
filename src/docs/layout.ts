import type { ApiSummary } from './api-summary.js';
import { escapeHtml } from './markdown-inline.js';

/** Which header entry is the current page: `home`, `guides`, or `ref:<api id>` (its reference and its console). */
export type ActiveNav = 'home' | 'guides' | `ref:${string}`;

/** One page of the site, before the shared layout is applied. */
export interface PageInput {
  /** Page title as HTML-escaped text. */
  title: string;
  /** Prefix from the page to the site root: `''` for index.html, `'../'` one folder down. */
  root: string;
  active: ActiveNav;
  apis: readonly ApiSummary[];
  body: string;
  /** Optional side navigation, shown left of the content on wide screens. */
  sidebar?: string;
}

/** Height of the sticky header in pixels (the reference pages pass it to Redoc as `scrollYOffset`). */
export const HEADER_HEIGHT = 52;

/** Height of the row of API tabs that the reference and console pages add to the header. */
export const API_TABS_HEIGHT = 40;

/** The two views of one API: Redoc's reference (reading) and the Swagger UI console (trying). */
export type ApiView = 'reference' | 'console';

/**
 * The row of tabs under the header on an API's pages: "Reference" and "Try it". Each tab carries `data-view`, so the
 * page scripts can carry the operation being read or tried over to the other view.
 */
export function renderApiTabs(root: string, api: ApiSummary, view: ApiView): string {
  const tab = (target: ApiView, label: string) =>
    `<a class="api-tab" data-view="${target}" href="${root}${target}/${api.id}.html"` +
    `${target === view ? ' aria-current="page"' : ''}>${label}</a>`;
  return [
    '<nav class="api-tabs" aria-label="API views"><div class="api-tabs-inner">',
    `<span class="api-tabs-name">${escapeHtml(api.title)}</span>`,
    tab('reference', 'Reference'),
    tab('console', 'Try it'),
    '</div></nav>',
  ].join('');
}

/**
 * The header bar shared by every page, reference pages included: Home, Guides, and a link per API reference; on an
 * API's pages, `tabs` (from `renderApiTabs`) adds a second row.
 */
export function renderHeader(root: string, active: ActiveNav, apis: readonly ApiSummary[], tabs = ''): string {
  const link = (href: string, label: string, key: ActiveNav) =>
    `<a href="${root}${href}"${key === active ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a>`;
  const refs = apis.map((a) => link(`reference/${a.id}.html`, a.name, `ref:${a.id}`)).join('');
  return [
    '<header class="site-header">',
    '<nav class="site-nav" aria-label="Site">',
    `<a class="brand" href="${root}index.html">crmkit</a>`,
    link('index.html', 'Home', 'home'),
    link('guides/index.html', 'Guides', 'guides'),
    `<span class="nav-group"><span class="nav-label">Reference</span>${refs}</span>`,
    '</nav>',
    tabs,
    '</header>',
  ].join('');
}

/** Wraps a page body in the site layout: head, header, optional sidebar, footer. */
export function renderPage(page: PageInput): string {
  const { root } = page;
  const sidebar = page.sidebar ? `<aside class="sidebar">${page.sidebar}</aside>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · crmkit</title>
<link rel="icon" href="${root}assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${root}assets/header.css">
<link rel="stylesheet" href="${root}assets/site.css">
<script src="${root}assets/site.js" defer></script>
</head>
<body>
${renderHeader(root, page.active, page.apis)}
<div class="page${sidebar ? ' with-sidebar' : ''}">
${sidebar}<main class="content">
${page.body}
</main>
</div>
<footer class="site-footer">Built by <code>npm run docs</code> from the OpenAPI documents in <code>openapi/</code>.</footer>
</body>
</html>
`;
}
