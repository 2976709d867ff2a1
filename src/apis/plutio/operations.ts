import { listOperations, type OpenApiDocument } from '../../spec/load.js';
import { type CollectionName, isCollectionName, type Operation, supports } from './domain/index.js';
import { TOKEN_OPERATION } from './render-error.js';

/** What a resource operation of the document does: an index operation on one collection. */
export interface ResourceOperation {
  operationId: string;
  collection: CollectionName;
  op: Operation;
}

const BY_METHOD: Readonly<Record<string, Operation>> = { GET: 'read', POST: 'create', PUT: 'update', DELETE: 'delete' };

/**
 * Reads the resource operations off the document: `GET|POST|PUT|DELETE /<collection>` are read, create, update and
 * delete; `POST /<collection>/move|copy` are move and copy. Every one must be an operation the v1.8 index offers on
 * a known collection, so the document and the domain cannot drift apart unnoticed.
 * @throws Error naming the first operation that does not fit.
 */
export function resourceOperations(document: OpenApiDocument): ResourceOperation[] {
  const out: ResourceOperation[] = [];
  for (const entry of listOperations(document)) {
    if (entry.operationId === TOKEN_OPERATION) continue;
    const [, collection = '', action, extra] = entry.path.split('/');
    const op = action === undefined ? BY_METHOD[entry.method] : entry.method === 'POST' ? action : undefined;
    if (extra !== undefined || !isCollectionName(collection) || !op || !supports(collection, op as Operation)) {
      throw new Error(`plutio: ${entry.method} ${entry.path} (${entry.operationId}) is no v1.8 index operation`);
    }
    out.push({ operationId: entry.operationId, collection, op: op as Operation });
  }
  return out;
}
