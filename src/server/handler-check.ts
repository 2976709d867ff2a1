import type { OpenApiDocument } from '../spec/load.js';
import type { AnyApiModule } from './types.js';

/**
 * Checks a module's handler map against the document's operationIds with openapi-backend in strict mode, which
 * refuses a handler for an unknown operationId (`Unknown operationId … Refusing to register handler`) and anything
 * but a function. The registry is built only when some handler is not a function for one of `operationIds` (the
 * operations the server routes): otherwise it could not refuse anything, and loading openapi-backend would only cost
 * start-up time. openapi-backend gets a skeleton of
 * the document (paths, methods, operationIds): its registry is all that is used, so its own dereferencing stays out.
 */
export async function checkHandlerMap(module: AnyApiModule, operationIds: ReadonlySet<string>): Promise<void> {
  const handlers = Object.entries(module.handlers);
  if (handlers.every(([id, fn]) => operationIds.has(id) && typeof fn === 'function')) return;
  const { OpenAPIBackend } = await import('openapi-backend');
  const backend = new OpenAPIBackend({
    definition: skeleton(module.document) as never,
    quick: true,
    strict: true,
    validate: false,
  });
  await backend.init();
  backend.register(module.handlers as never);
}

function skeleton(doc: OpenApiDocument): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, item] of Object.entries<Record<string, { operationId?: string }>>(doc.paths ?? {})) {
    const ops: Record<string, unknown> = {};
    for (const [method, op] of Object.entries(item)) {
      if (op && typeof op === 'object' && typeof op.operationId === 'string') {
        ops[method] = { operationId: op.operationId, responses: {} };
      }
    }
    paths[path] = ops;
  }
  return { openapi: '3.0.3', info: { title: String(doc.info?.title ?? 'api'), version: '1' }, paths };
}
