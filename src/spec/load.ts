import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The APIs crmkit describes, in the order they are listed everywhere. */
export const API_IDS = ['redmine', 'planio', 'redmineup', 'plutio'] as const;
export type ApiId = (typeof API_IDS)[number];

/** A parsed OpenAPI 3.1 document (kept loose: the generated types describe the APIs, not the documents). */
// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are walked generically.
export type OpenApiDocument = Record<string, any>;

/**
 * The project root: the nearest folder above this module that holds crmkit's package.json. Works from `src/` under
 * tsx and from the compiled output in `dist/lib/src/` alike.
 */
export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'crmkit') return dir;
    } catch {
      // no package.json here: keep walking up
    }
    if (dirname(dir) === dir) return join(start, '..', '..');
  }
}

/**
 * True in a checkout of the crmkit repository (the TypeScript sources are there), false in an installed package,
 * which ships compiled JavaScript, the documents and the built docs site but no `src/`.
 */
export const IS_CHECKOUT = existsSync(join(PROJECT_ROOT, 'src', 'cli', 'index.ts'));

/**
 * The folder commands write their default output under (`dist/openapi`, `dist/docs`): the project in a checkout,
 * the current working directory in an installed package (never the package's own folder in `node_modules`).
 */
export function outputRoot(): string {
  return IS_CHECKOUT ? PROJECT_ROOT : process.cwd();
}

export function isApiId(value: string): value is ApiId {
  return (API_IDS as readonly string[]).includes(value);
}

/** Path of the bundled document: written by `npm run bundle` in a checkout, shipped in the package. */
export function bundlePath(api: ApiId, ext: 'json' | 'yaml' = 'json'): string {
  return join(PROJECT_ROOT, 'dist', 'openapi', `${api}.${ext}`);
}

/** What to do about a missing bundle: build it in a checkout; an installed package ships every bundle. */
export const MISSING_BUNDLE_HINT = IS_CHECKOUT
  ? 'run "npm run bundle" first'
  : 'the crmkit package is incomplete: reinstall it';

/**
 * Reads the bundled document of an API (`dist/openapi/<api>.json`). In a checkout run `npm run bundle` first; the
 * error says so.
 */
export function loadBundledSpec(api: ApiId): OpenApiDocument {
  const file = bundlePath(api);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  } catch (err) {
    throw new Error(`cannot read ${file} (${(err as Error).message}); ${MISSING_BUNDLE_HINT}`);
  }
}

/**
 * Returns a copy of a bundled document with every internal `$ref` ("#/components/...") replaced by the object it
 * points to. Bundles only contain internal references. Objects referenced twice are shared, not copied; a
 * reference cycle is left as a `$ref` so the result stays a tree that Ajv can compile.
 */
export function dereference(doc: OpenApiDocument): OpenApiDocument {
  const resolving = new Set<string>();
  const done = new Map<string, unknown>();

  const lookup = (ref: string): unknown => {
    let node: unknown = doc;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      node = (node as Record<string, unknown> | undefined)?.[key];
    }
    if (node === undefined) throw new Error(`unresolvable $ref ${ref}`);
    return node;
  };

  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const obj = node as Record<string, unknown>;
    if (typeof obj.$ref === 'string' && obj.$ref.startsWith('#/')) {
      const ref = obj.$ref;
      const cached = done.get(ref);
      const siblings = Object.keys(obj).filter((k) => k !== '$ref');
      if (resolving.has(ref)) return obj;
      let target = cached;
      if (target === undefined) {
        resolving.add(ref);
        target = walk(lookup(ref));
        resolving.delete(ref);
        done.set(ref, target);
      }
      if (siblings.length === 0) return target;
      // OpenAPI 3.1 allows keywords beside $ref (e.g. description): merge them over the target.
      const merged: Record<string, unknown> = { ...(target as Record<string, unknown>) };
      for (const k of siblings) merged[k] = walk(obj[k]);
      return merged;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = walk(v);
    return out;
  };

  return walk(doc) as OpenApiDocument;
}

/** One operation of a document, flattened with its path-level parameters. */
export interface OperationEntry {
  operationId: string;
  method: string;
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: see OpenApiDocument
  operation: Record<string, any>;
  // biome-ignore lint/suspicious/noExplicitAny: see OpenApiDocument
  parameters: Record<string, any>[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Lists every operation of a (dereferenced) document, path-level parameters merged in. */
export function listOperations(doc: OpenApiDocument): OperationEntry[] {
  const out: OperationEntry[] = [];
  for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths ?? {})) {
    const shared = (item.parameters as Record<string, unknown>[] | undefined) ?? [];
    for (const method of METHODS) {
      const operation = item[method] as Record<string, unknown> | undefined;
      if (!operation) continue;
      const own = (operation.parameters as Record<string, unknown>[] | undefined) ?? [];
      const byKey = new Map<string, Record<string, unknown>>();
      for (const p of [...shared, ...own]) byKey.set(`${p.in}:${p.name}`, p);
      out.push({
        operationId: String(operation.operationId),
        method: method.toUpperCase(),
        path,
        operation,
        parameters: [...byKey.values()],
      });
    }
  }
  return out;
}
