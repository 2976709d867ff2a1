import { createReadStream, type Stats, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { contentTypeFor } from './content-type.js';

/**
 * Serves one request for a path below the docs mount. `subpath` is what follows the mount point: `''` for the
 * mount itself, otherwise it starts with `/`. Returns false when nothing is there (the caller answers 404).
 */
export type DocsHandler = (req: IncomingMessage, res: ServerResponse, subpath: string) => boolean;

const NOT_BUILT = 'The docs site is not built yet: run "npm run docs", then reload this page.\n';

/**
 * Creates a static file handler for the built docs site in `dir` (normally `dist/docs`).
 *
 * - Files get a Content-Type from their extension, a weak ETag and `Cache-Control: no-cache`; a matching
 *   `If-None-Match` gets 304. GET and HEAD only (other methods on an existing file get 405).
 * - A directory serves its `index.html`; a directory asked for without the trailing slash is redirected (301) to
 *   the slashed URL so the site's relative links resolve.
 * - Nothing outside `dir` is reachable: `..` segments, encoded or not, dot-files, backslashes and NUL bytes are
 *   refused.
 * - When the site is not built, the mount root answers 404 with a hint to run `npm run docs`.
 */
export function createDocsHandler(dir: string): DocsHandler {
  const root = resolve(dir);
  return (req, res, subpath) => {
    const rel = safeRelativePath(subpath);
    if (rel === undefined) return false;
    const target = rel === '' ? root : resolve(root, `.${rel}`);
    if (target !== root && !target.startsWith(root + sep)) return false;
    const stats = statOf(target);
    if (stats?.isDirectory()) {
      if (!rel.endsWith('/')) return redirectToSlash(req, res);
      const index = join(target, 'index.html');
      const indexStats = statOf(index);
      if (indexStats?.isFile()) return sendFile(req, res, index, indexStats);
      if (rel === '/') return notBuilt(res);
      return false;
    }
    if (!stats?.isFile() || rel.endsWith('/')) {
      if (rel === '' || rel === '/') return notBuilt(res);
      return false;
    }
    return sendFile(req, res, target, stats);
  };
}

/** Decodes the subpath and returns it (leading `/` kept), or undefined when it must not be served. */
function safeRelativePath(subpath: string): string | undefined {
  const raw = subpath.replace(/[?#].*$/s, '');
  if (raw === '') return '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw.startsWith('/') ? raw : `/${raw}`);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s.startsWith('.'))) return undefined;
  if (segments.slice(0, -1).some((s) => s === '')) return undefined;
  return decoded;
}

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function redirectToSlash(req: IncomingMessage, res: ServerResponse): true {
  const url = req.url ?? '/';
  const q = url.search(/[?#]/);
  const location = q < 0 ? `${url}/` : `${url.slice(0, q)}/${url.slice(q)}`;
  res.writeHead(301, { location, 'content-type': 'text/plain; charset=utf-8' });
  res.end(`Moved to ${location}\n`);
  return true;
}

function notBuilt(res: ServerResponse): true {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(NOT_BUILT);
  return true;
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, stats: Stats): true {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('Method Not Allowed\n');
    return true;
  }
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  const common = { etag, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, common);
    res.end();
    return true;
  }
  res.writeHead(200, {
    ...common,
    'content-type': contentTypeFor(file),
    'content-length': stats.size,
    'last-modified': stats.mtime.toUTCString(),
  });
  if (method === 'HEAD') {
    res.end();
    return true;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
  return true;
}
