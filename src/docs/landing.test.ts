import { expect, test } from 'vitest';
import { summarizeApi } from './api-summary.js';
import { renderApiTable, renderLanding } from './landing.js';
import { renderHeader, renderPage } from './layout.js';

const doc = {
  openapi: '3.1.0',
  info: { title: 'Plutio API', version: '1.8', summary: 'Plutio <v1.8>' },
  servers: [
    { url: 'https://api.plutio.com/v1.8', description: 'Plutio' },
    { url: 'http://127.0.0.1:4010/plutio/v1.8', description: 'crmkit reference server' },
  ],
  paths: {
    '/people': { get: { operationId: 'listPeople' }, post: { operationId: 'createPerson' } },
    '/oauth/token': { post: { operationId: 'generateAccessToken' } },
  },
};

test('an API summary counts the operations and takes the mock URL from the crmkit server entry', () => {
  const api = summarizeApi('plutio', doc);
  expect(api).toMatchObject({ name: 'Plutio', title: 'Plutio API', version: '1.8', operations: 3 });
  expect(api.mockUrl).toBe('http://127.0.0.1:4010/plutio/v1.8');
  expect(api.mockPath).toBe('/plutio/v1.8');
  expect(api.tryPath).toBeUndefined();
  expect(summarizeApi('planio', { info: { title: 'Planio' }, paths: {} })).toMatchObject({
    mockUrl: 'http://127.0.0.1:4010',
    mockPath: '',
    tryPath: '/projects.json',
    operations: 0,
  });
});

test('the table of APIs shows the count, the mock link for the site script, the reference and downloads', () => {
  const html = renderApiTable([summarizeApi('plutio', doc)]);
  expect(html).toContain('<tr data-api="plutio">');
  expect(html).toContain('<span class="op-count">3</span>');
  expect(html).toContain('Plutio &lt;v1.8&gt;');
  expect(html).toContain(
    '<a class="mock-link" data-mock-path="/plutio/v1.8" href="http://127.0.0.1:4010/plutio/v1.8"><code>http://127.0.0.1:4010/plutio/v1.8</code></a>',
  );
  expect(html).toContain('<a href="reference/plutio.html">Reference</a>');
  expect(html).toContain('<a class="try-link" href="console/plutio.html">Try it</a>');
  expect(html).toContain('<a href="openapi/plutio.yaml" download>YAML</a>');
});

test('the landing page needs its marker line and puts the table there', () => {
  const apis = [summarizeApi('plutio', doc)];
  const landing = renderLanding('# crmkit\n\n<!-- apis -->\n\n## Next', apis);
  expect(landing.title).toBe('crmkit');
  expect(landing.body.indexOf('<table class="apis">')).toBeLessThan(landing.body.indexOf('<h2 id="next">'));
  expect(() => renderLanding('# crmkit', apis)).toThrow('no "<!-- apis -->" line');
});

test('the header links home, guides and each reference relative to the page, marking the current one', () => {
  const apis = [summarizeApi('plutio', doc)];
  const header = renderHeader('../', 'ref:plutio', apis);
  expect(header).toContain('<a href="../guides/index.html">Guides</a>');
  expect(header).toContain('<a href="../reference/plutio.html" aria-current="page">Plutio</a>');
  const page = renderPage({
    title: 'Paging',
    root: '../',
    active: 'guides',
    apis,
    body: '<h1>Paging</h1>',
    sidebar: 'nav',
  });
  expect(page).toContain('<title>Paging · crmkit</title>');
  expect(page).toContain('<link rel="stylesheet" href="../assets/site.css">');
  expect(page).toContain('<div class="page with-sidebar">\n<aside class="sidebar">nav</aside><main class="content">');
  expect(page).toContain('<a href="../guides/index.html" aria-current="page">Guides</a>');
});
