import type { ApiSummary } from './api-summary.js';
import { escapeHtml } from './markdown-inline.js';

/** Which header entry is the current page: `home`, `guides`, or `ref:<api id>`. */
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

/** The header bar shared by every page, reference pages included: Home, Guides, and a link per API reference. */
export function renderHeader(root: string, active: ActiveNav, apis: readonly ApiSummary[]): string {
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
