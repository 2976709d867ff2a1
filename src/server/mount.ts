import { OpenAPIBackend } from 'openapi-backend';
import { dereference, type OpenApiDocument } from '../spec/load.js';
import { SchemaCompiler } from './ajv.js';
import { compileOperations, type OperationInfo } from './operations.js';
import { ResponseCache } from './response-cache.js';
import { Router } from './router.js';
import type { AnyApiModule, Handler } from './types.js';
import { OperationValidator } from './validation.js';

/** An operation ready to serve: its description, lazy validators and handler. */
export interface CompiledOperation {
  info: OperationInfo;
  validator: OperationValidator;
  handler: Handler;
}

/** A module mounted at a base path, with its routes compiled. */
export interface Mount {
  module: AnyApiModule;
  /** `''` when the API is served at the root. */
  basePath: string;
  router: Router<CompiledOperation>;
  operations: Map<string, CompiledOperation>;
  compiler: SchemaCompiler;
  /** Present when the module opted into response caching. */
  cache: ResponseCache | undefined;
}

/**
 * Compiles a module: dereferences its document, builds the router and the (lazy) validators, and checks the handler
 * map with openapi-backend in strict mode, so an unknown operationId fails at start; a missing one fails here too.
 * openapi-backend gets a skeleton of the document (paths, methods, operationIds): its registry is all that is used,
 * so its own dereferencing and per-request router stay out of start-up and of the hot path.
 */
export async function mountModule(module: AnyApiModule, basePath: string): Promise<Mount> {
  const doc = dereference(module.document);
  const compiler = new SchemaCompiler(module.document.components);
  const backend = new OpenAPIBackend({
    definition: skeleton(module.document) as never,
    quick: true,
    strict: true,
    validate: false,
  });
  await backend.init();
  backend.register(module.handlers as never);
  const router = new Router<CompiledOperation>();
  const operations = new Map<string, CompiledOperation>();
  const missing: string[] = [];
  for (const info of compileOperations(doc)) {
    const handler = module.handlers[info.operationId];
    if (!handler) {
      missing.push(info.operationId);
      continue;
    }
    const compiled = { info, validator: new OperationValidator(info, compiler), handler };
    operations.set(info.operationId, compiled);
    router.add(info.method, info.path, compiled, pathEnums(info));
  }
  if (missing.length > 0) throw new Error(`${module.id}: no handler for operation(s) ${missing.join(', ')}`);
  const cache = module.responseCache ? new ResponseCache(module.responseCache) : undefined;
  return { module, basePath, router, operations, compiler, cache };
}

function pathEnums(info: OperationInfo): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const p of info.parameters) {
    if (p.in === 'path' && Array.isArray(p.schema.enum)) out[p.name] = p.schema.enum.map(String);
  }
  return out;
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
