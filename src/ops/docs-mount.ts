import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeMock, forClient, isLoopbackAddress, MOCK_INFO_FILE, type MountedApi } from '../docs/mock-info.js';
import { createDocsHandler } from '../docs/static-handler.js';

/** Where the docs site is served. */
export const DOCS_PATH = '/docs';

/** Serves one request if its path is the docs mount or below it; returns false for every other path. */
export type DocsMount = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

/**
 * Serves the built docs site in `dir` (normally `dist/docs`) at `/docs` and `/docs/…`, ahead of every API mount;
 * a missing file is a plain 404. With `served` (the mounted APIs), `/docs/mock.json` answers their base paths and
 * seeded credentials (`describeMock`; to clients on other machines, only those that are the documented defaults:
 * `forClient`), which the console pages read to send requests to this server; it takes the place of the site's
 * static `mock.json`, which says that no mock is behind the pages.
 */
export function createDocsMount(dir: string, served?: readonly MountedApi[]): DocsMount {
  const handler = createDocsHandler(dir);
  const mockPath = `${DOCS_PATH}/${MOCK_INFO_FILE}`;
  const described = served ? describeMock(served) : undefined;
  const local = described && JSON.stringify(described.info);
  const remote = described && JSON.stringify(forClient(described.info, undefined, described.credentials));
  return (req, res, path) => {
    if (!path.startsWith(DOCS_PATH) || (path.length > DOCS_PATH.length && path[DOCS_PATH.length] !== '/')) return false;
    if (local !== undefined && remote !== undefined && path === mockPath) {
      sendMockInfo(req, res, isLoopbackAddress(req.socket?.remoteAddress) ? local : remote);
      return true;
    }
    if (!handler(req, res, path.slice(DOCS_PATH.length))) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not Found\n');
    }
    return true;
  };
}

function sendMockInfo(req: IncomingMessage, res: ServerResponse, json: string): void {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('Method Not Allowed\n');
    return;
  }
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(method === 'HEAD' ? undefined : json);
}

/** The answer to `GET /` when no API is served at the root: a redirect to the docs. */
export function redirectToDocs(res: ServerResponse): void {
  const location = `${DOCS_PATH}/`;
  res.writeHead(302, { location, 'content-type': 'text/plain; charset=utf-8' });
  res.end(`See ${location}\n`);
}
