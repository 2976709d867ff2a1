import type { IncomingMessage, ServerResponse } from 'node:http';
import { createDocsHandler } from '../docs/static-handler.js';

/** Where the docs site is served. */
export const DOCS_PATH = '/docs';

/** Serves one request if its path is the docs mount or below it; returns false for every other path. */
export type DocsMount = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

/**
 * Serves the built docs site in `dir` (normally `dist/docs`) at `/docs` and `/docs/…`, ahead of every API mount;
 * a missing file is a plain 404.
 */
export function createDocsMount(dir: string): DocsMount {
  const handler = createDocsHandler(dir);
  return (req, res, path) => {
    if (!path.startsWith(DOCS_PATH) || (path.length > DOCS_PATH.length && path[DOCS_PATH.length] !== '/')) return false;
    if (!handler(req, res, path.slice(DOCS_PATH.length))) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not Found\n');
    }
    return true;
  };
}

/** The answer to `GET /` when no API is served at the root: a redirect to the docs. */
export function redirectToDocs(res: ServerResponse): void {
  const location = `${DOCS_PATH}/`;
  res.writeHead(302, { location, 'content-type': 'text/plain; charset=utf-8' });
  res.end(`See ${location}\n`);
}
