import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDocsHandler } from './static-handler.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let base: string;
let site: string;
let server: Server;
let port: number;

/** Mounts the handler at /docs (and an unbuilt site at /empty), like the reference server does. */
function mount(handlers: Record<string, ReturnType<typeof createDocsHandler>>): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').replace(/\?.*$/s, '');
    for (const [prefix, handle] of Object.entries(handlers)) {
      if ((path === prefix || path.startsWith(`${prefix}/`)) && handle(req, res, path.slice(prefix.length))) return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('fallthrough');
  });
}

/** Raw request: node:http sends the path as given (no `..` normalisation, unlike fetch). */
function send(path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'crmkit-docs-'));
  site = join(base, 'site');
  mkdirSync(join(site, 'guides'), { recursive: true });
  mkdirSync(join(site, 'assets'));
  mkdirSync(join(site, 'bare'));
  writeFileSync(join(site, 'index.html'), '<h1>home</h1>');
  writeFileSync(join(site, 'guides', 'index.html'), '<h1>guides</h1>');
  writeFileSync(join(site, 'guides', 'paging guide.html'), '<h1>paging</h1>');
  writeFileSync(join(site, 'assets', 'site.css'), 'body{}');
  writeFileSync(join(site, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(site, 'assets', 'blob.bin'), 'x');
  writeFileSync(join(site, '.env'), 'SECRET=1');
  writeFileSync(join(base, 'secret.txt'), 'outside');
  server = mount({ '/docs': createDocsHandler(site), '/empty': createDocsHandler(join(base, 'missing')) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(base, { recursive: true, force: true });
});

test('serves index.html for the mount root and for a sub-directory', async () => {
  const root = await send('/docs/');
  expect(root.status).toBe(200);
  expect(root.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(root.body).toBe('<h1>home</h1>');
  expect((await send('/docs/guides/')).body).toBe('<h1>guides</h1>');
});

test('redirects a directory asked for without its slash, keeping the query', async () => {
  const root = await send('/docs?x=1');
  expect(root.status).toBe(301);
  expect(root.headers.location).toBe('/docs/?x=1');
  const sub = await send('/docs/guides');
  expect(sub.status).toBe(301);
  expect(sub.headers.location).toBe('/docs/guides/');
});

test('sets the content type from the extension and decodes percent-escapes', async () => {
  expect((await send('/docs/assets/site.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  expect((await send('/docs/assets/logo.svg')).headers['content-type']).toBe('image/svg+xml');
  expect((await send('/docs/assets/blob.bin')).headers['content-type']).toBe('application/octet-stream');
  const spaced = await send('/docs/guides/paging%20guide.html');
  expect(spaced.status).toBe(200);
  expect(spaced.body).toBe('<h1>paging</h1>');
});

test('never serves anything outside the directory, nor dot-files', async () => {
  const attempts = [
    '/docs/../secret.txt',
    '/docs/%2e%2e/secret.txt',
    '/docs/..%2fsecret.txt',
    '/docs/guides/%2E%2E%2F%2E%2E%2Fsecret.txt',
    '/docs/guides/..%5c..%5csecret.txt',
    '/docs/.env',
    '/docs/index.html%00.css',
    '/docs//etc/passwd',
    '/docs/%E0%A4%A',
  ];
  for (const path of attempts) {
    const reply = await send(path);
    expect([path, reply.status, reply.body]).toEqual([path, 404, 'fallthrough']);
  }
});

test('returns false for a missing file, and for a file asked for as a directory', async () => {
  expect((await send('/docs/nope.html')).body).toBe('fallthrough');
  expect((await send('/docs/index.html/')).body).toBe('fallthrough');
  expect((await send('/docs/bare/')).body).toBe('fallthrough');
});

test('HEAD sends headers only; a matching If-None-Match gets 304', async () => {
  const head = await send('/docs/index.html', 'HEAD');
  expect(head.status).toBe(200);
  expect(head.headers['content-length']).toBe('13');
  expect(head.body).toBe('');
  const etag = String(head.headers.etag);
  expect(etag).toMatch(/^W\/"/);
  const cached = await send('/docs/index.html', 'GET', { 'if-none-match': etag });
  expect(cached.status).toBe(304);
  expect(cached.body).toBe('');
});

test('answers 405 to other methods on an existing file', async () => {
  const post = await send('/docs/index.html', 'POST');
  expect(post.status).toBe(405);
  expect(post.headers.allow).toBe('GET, HEAD');
});

test('an unbuilt site answers its root with a hint to build it', async () => {
  const reply = await send('/empty/');
  expect(reply.status).toBe(404);
  expect(reply.body).toContain('npm run docs');
  expect((await send('/empty/guides/x.html')).body).toBe('fallthrough');
});
