import { type ApiId, listOperations, type OpenApiDocument } from '../spec/load.js';

/** What the docs site shows about one API, computed from its bundled document. */
export interface ApiSummary {
  id: ApiId;
  /** Short name for navigation (`Planio`). */
  name: string;
  /** `info.title` of the document. */
  title: string;
  /** `info.summary` (or '' when absent). */
  summary: string;
  version: string;
  operations: number;
  /** The crmkit reference server's URL for this API, from the document's `servers`. */
  mockUrl: string;
  /** Path part of `mockUrl` (`/plutio/v1.8`), to rebuild the URL on whatever origin serves the docs. */
  mockPath: string;
  /** A request a browser can open against the mock, relative to `mockUrl` (undefined when none is anonymous). */
  tryPath?: string;
}

/** Navigation names of the APIs. */
export const API_NAMES: Readonly<Record<ApiId, string>> = {
  redmine: 'Redmine',
  planio: 'Planio',
  redmineup: 'RedmineUP CRM',
  plutio: 'Plutio',
};

const DEFAULT_ORIGIN = 'http://127.0.0.1:4010';

/**
 * Summarises a bundled document: title, operation count (`listOperations`) and the mock's URL, taken from the
 * server entry whose description names crmkit (the documents list the local reference server first).
 */
export function summarizeApi(id: ApiId, doc: OpenApiDocument): ApiSummary {
  const servers: { url?: string; description?: string }[] = Array.isArray(doc.servers) ? doc.servers : [];
  const server = servers.find((s) => /crmkit/i.test(s.description ?? '')) ?? servers[0];
  const mockUrl = (server?.url ?? DEFAULT_ORIGIN).replace(/\/$/, '');
  return {
    id,
    name: API_NAMES[id],
    title: String(doc.info?.title ?? API_NAMES[id]),
    summary: String(doc.info?.summary ?? ''),
    version: String(doc.info?.version ?? ''),
    operations: listOperations(doc).length,
    mockUrl,
    mockPath: new URL(mockUrl, DEFAULT_ORIGIN).pathname.replace(/\/$/, ''),
    tryPath: id === 'plutio' ? undefined : '/projects.json',
  };
}
