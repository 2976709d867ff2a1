import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { summarizeApi } from './api-summary.js';
import { writeFileAtomic } from './atomic-write.js';
import { copySwaggerUi, renderConsolePage, SWAGGER_UI_FILES, swaggerUiDistDir } from './console.js';
import { renderApiTabs } from './layout.js';

const planio = summarizeApi('planio', {
  info: { title: 'Planio REST API' },
  servers: [{ url: 'http://127.0.0.1:4010/planio', description: 'crmkit reference server' }],
  paths: {},
});
const plutio = summarizeApi('plutio', { info: { title: 'Plutio API' }, paths: {} });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crmkit-console-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the console page loads only local files: Swagger UI from assets/, the document and mock.json by the script', () => {
  const html = renderConsolePage(planio, [planio, plutio]);
  expect(html).toContain('<main class="console" data-api="planio" data-api-name="Planio" data-mock-path="/planio">');
  expect(html).toContain('<script src="../assets/swagger-ui/swagger-ui-bundle.js" defer></script>');
  expect(html).toContain('<link rel="stylesheet" href="../assets/swagger-ui/swagger-ui.css">');
  expect(html).toContain('<script src="../assets/console.js" defer></script>');
  const remote = [...html.matchAll(/(?:src|href)="(https?:[^"]*)"/g)].map((m) => m[1]);
  // The one absolute link: where a reader who opened a static copy finds the console once a mock runs.
  expect(remote).toEqual(['http://127.0.0.1:4010/docs/console/planio.html']);
  expect(html).toMatch(/<section class="console-offline" id="console-offline" hidden>[\s\S]*npx crmkit serve/);
});

test('the API tabs join the reference and the console of the same API, marking the current one', () => {
  expect(renderApiTabs('../', planio, 'console')).toContain(
    '<a class="api-tab" data-view="reference" href="../reference/planio.html">Reference</a>' +
      '<a class="api-tab" data-view="console" href="../console/planio.html" aria-current="page">Try it</a>',
  );
  expect(renderApiTabs('../', plutio, 'reference')).toContain(
    'href="../reference/plutio.html" aria-current="page">Reference</a>',
  );
  expect(renderConsolePage(plutio, [planio, plutio])).toContain('href="../console/plutio.html" aria-current="page"');
});

test('only the Swagger UI files the console needs are copied, without their source map comments', () => {
  const assets = join(dir, 'assets');
  copySwaggerUi(assets);
  const copied = readdirSync(join(assets, 'swagger-ui')).sort();
  expect(copied).toEqual([...SWAGGER_UI_FILES].sort());
  const size = copied.reduce((sum, f) => sum + statSync(join(assets, 'swagger-ui', f)).size, 0);
  expect(size).toBeLessThan(2.5 * 1024 * 1024);
  const css = readFileSync(join(assets, 'swagger-ui', 'swagger-ui.css'), 'utf8');
  expect(readFileSync(join(swaggerUiDistDir(), 'swagger-ui.css'), 'utf8')).toContain('sourceMappingURL=');
  expect(css).not.toContain('sourceMappingURL');
  expect(css.length).toBeGreaterThan(100_000);
});

test('a file written atomically replaces the old one whole and leaves no temporary file', () => {
  const folder = join(dir, 'atomic');
  mkdirSync(folder);
  writeFileSync(join(folder, 'page.html'), 'old');
  writeFileAtomic(join(folder, 'page.html'), 'new');
  expect(readFileSync(join(folder, 'page.html'), 'utf8')).toBe('new');
  expect(readdirSync(folder)).toEqual(['page.html']);
});
