import { dereference } from '../spec/load.js';
import { SchemaCompiler } from './ajv.js';
import { checkHandlerMap } from './handler-check.js';
import { compileOperations, type OperationInfo, type Schema } from './operations.js';
import { ResponseCache } from './response-cache.js';
import { Router } from './router.js';
import { findSharedSchemas } from './subschemas.js';
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
 * map (`checkHandlerMap`: openapi-backend in strict mode refuses an unknown operationId), so an unknown operationId
 * fails at start; a missing one fails here too.
 */
export async function mountModule(module: AnyApiModule, basePath: string): Promise<Mount> {
  const doc = dereference(module.document);
  const infos = compileOperations(doc);
  const compiler = new SchemaCompiler(module.document.components, () => findSharedSchemas(schemaRoots(infos)));
  await checkHandlerMap(module, new Set(infos.map((i) => i.operationId)));
  const router = new Router<CompiledOperation>();
  const operations = new Map<string, CompiledOperation>();
  const missing: string[] = [];
  for (const info of infos) {
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

/** Every schema a validator may be compiled for: parameters, request bodies and responses. */
function* schemaRoots(infos: readonly OperationInfo[]): Generator<Schema> {
  for (const info of infos) {
    for (const p of info.parameters) yield p.schema;
    for (const schema of Object.values(info.requestBody?.content ?? {})) if (schema) yield schema;
    for (const r of Object.values(info.responses))
      for (const schema of Object.values(r.content)) if (schema) yield schema;
  }
}

function pathEnums(info: OperationInfo): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const p of info.parameters) {
    if (p.in === 'path' && Array.isArray(p.schema.enum)) out[p.name] = p.schema.enum.map(String);
  }
  return out;
}
