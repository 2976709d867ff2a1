import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../spec/load.js';
import type { ApiSummary } from './api-summary.js';
import { copyFileAtomic, writeFileAtomic } from './atomic-write.js';
import { renderApiTabs, renderHeader } from './layout.js';
import { escapeHtml } from './markdown-inline.js';

/*
 * "Try it": one console page per API (`console/<api>.html`), next to its Redoc reference page.
 *
 * Redoc stays the place to read (three panes, schemas, examples); it has no request console of its own. The console
 * is Swagger UI, the best-kept OpenAPI console, on a page of its own rather than inside the Redoc page: the two are
 * separate React applications of 1.5 MB each, and a reader who only reads should not load both. A row of tabs in the
 * header ("Reference" | "Try it") joins the two pages of an API, and each tab carries the operation in view over to
 * the other page (Redoc's `#/<tag>/<operation>` and Swagger UI's deep links name operations alike).
 *
 * The console asks the server that serves the page what it is (`../mock.json`, answered by the mock's docs mount):
 * the base path of each API it serves and the credentials it was started with. It then points the document's
 * `servers` and Plutio's `tokenUrl` at that server, authorizes with those credentials (the Redmine family's API key,
 * Plutio's client credentials grant) and fills in the `Business` header. Opened without a mock (a static copy of the
 * site, or a file), the page says how to start one instead of showing a console that cannot send anything.
 */

/** The files of swagger-ui-dist the console needs (the rest of the package is source maps and other builds). */
export const SWAGGER_UI_FILES = ['swagger-ui-bundle.js', 'swagger-ui.css', 'LICENSE', 'NOTICE'] as const;

/** Where they are copied, below the site's `assets/`. */
export const SWAGGER_UI_DIR = 'swagger-ui';

/**
 * Where the console's Swagger UI files come from: the swagger-ui-dist package in a checkout (a development
 * dependency), or in the installed crmkit package the copy its built site ships (`dist/docs/assets/swagger-ui/`), so
 * that installing crmkit does not install swagger-ui-dist and the install script of its analytics dependency.
 */
export function swaggerUiDistDir(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  } catch (err) {
    const shipped = join(PROJECT_ROOT, 'dist', 'docs', 'assets', SWAGGER_UI_DIR);
    if (existsSync(join(shipped, SWAGGER_UI_FILES[0]))) return shipped;
    throw err;
  }
}

/**
 * Copies the console's Swagger UI files into `assetsDir/swagger-ui/`, without the source map comments (the maps
 * are not copied, and a browser's developer tools would report them missing).
 */
export function copySwaggerUi(assetsDir: string, from = swaggerUiDistDir()): void {
  const to = join(assetsDir, SWAGGER_UI_DIR);
  mkdirSync(to, { recursive: true });
  for (const file of SWAGGER_UI_FILES) {
    if (file.endsWith('.js') || file.endsWith('.css')) {
      const text = readFileSync(join(from, file), 'utf8').replace(/\/[/*]# sourceMappingURL=[^\n]*\s*$/, '');
      writeFileAtomic(join(to, file), text);
    } else {
      copyFileAtomic(join(from, file), join(to, file));
    }
  }
}

/** The console page of one API, in `console/` (one folder below the site root). */
export function renderConsolePage(api: ApiSummary, apis: readonly ApiSummary[]): string {
  const root = '../';
  const header = renderHeader(root, `ref:${api.id}`, apis, renderApiTabs(root, api, 'console'));
  const title = `${escapeHtml(api.title)} · Try it · crmkit`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="${root}assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${root}assets/header.css">
<link rel="stylesheet" href="${root}assets/${SWAGGER_UI_DIR}/swagger-ui.css">
<link rel="stylesheet" href="${root}assets/console.css">
<script src="${root}assets/${SWAGGER_UI_DIR}/swagger-ui-bundle.js" defer></script>
<script src="${root}assets/console.js" defer></script>
</head>
<body class="console-page">
${header}
<main class="console" data-api="${api.id}" data-api-name="${escapeHtml(api.name)}" data-mock-path="${escapeHtml(api.mockPath)}">
<div class="console-status" id="console-status" role="status">Connecting to the crmkit mock…</div>
<section class="console-offline" id="console-offline" hidden>
<h1>Try ${escapeHtml(api.name)} against the crmkit mock</h1>
<p class="console-offline-why" id="console-offline-why">No crmkit mock server is serving this page, so there is nothing to send requests to.</p>
<p>Start one, then open this page from it:</p>
<pre><code>npx crmkit serve</code></pre>
<p><a class="console-mock-link" href="http://127.0.0.1:4010/docs/console/${api.id}.html">http://127.0.0.1:4010/docs/console/${api.id}.html</a></p>
<p>The mock seeds its data and credentials, and this console signs in with them. Meanwhile the
<a href="${root}reference/${api.id}.html">reference</a> reads fine without it.</p>
</section>
<noscript><p class="console-status">The console needs JavaScript. The <a href="${root}reference/${api.id}.html">reference</a> works without it.</p></noscript>
<div id="swagger-ui"></div>
</main>
</body>
</html>
`;
}
