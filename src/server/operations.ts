import { listOperations, type OpenApiDocument } from '../spec/load.js';

/** A JSON Schema from the document (kept loose; Ajv and the XML binder walk it generically). */
// biome-ignore lint/suspicious/noExplicitAny: schemas are walked generically.
export type Schema = Record<string, any>;

/** One declared parameter. */
export interface ParameterInfo {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** For query arrays: false means one comma-separated value (`include=a,b`), as `style: form, explode: false`. */
  explode: boolean;
  schema: Schema;
}

/** One declared response of an operation. */
export interface ResponseInfo {
  /** Schemas by media type (`application/json`, `application/xml`, `text/plain`, …). */
  content: Record<string, Schema | undefined>;
  /** Declared header names, lowercased. */
  headers: string[];
}

/**
 * Everything the pipeline needs about one operation, taken once from the dereferenced document at start-up so no
 * request walks the document.
 */
export interface OperationInfo {
  operationId: string;
  method: string;
  /** The path template relative to the API root, e.g. `/projects/{project_id}.{format}`. */
  path: string;
  parameters: ParameterInfo[];
  /** Security requirements in effect (operation-level, else document-level). */
  security: Record<string, string[]>[];
  /** True when the security requirements include `{}` (or there are none): anonymous callers are allowed. */
  allowsAnonymous: boolean;
  requestBody?: { required: boolean; content: Record<string, Schema | undefined> };
  /** Responses by status code (`'200'`, `'4XX'`, `'default'`). */
  responses: Record<string, ResponseInfo>;
  // biome-ignore lint/suspicious/noExplicitAny: the raw dereferenced operation object, for hooks that need more.
  raw: Record<string, any>;
}

/** Flattens a dereferenced document into `OperationInfo` records. */
export function compileOperations(doc: OpenApiDocument): OperationInfo[] {
  const rootSecurity = (doc.security as Record<string, string[]>[] | undefined) ?? [];
  return listOperations(doc).map((entry) => {
    const op = entry.operation;
    const security = (op.security as Record<string, string[]>[] | undefined) ?? rootSecurity;
    return {
      operationId: entry.operationId,
      method: entry.method,
      path: entry.path,
      parameters: entry.parameters.map((p) => ({
        name: String(p.name),
        in: p.in,
        required: p.in === 'path' || p.required === true,
        explode: p.explode ?? (p.style === undefined || p.style === 'form'),
        schema: (p.schema as Schema | undefined) ?? {},
      })),
      security,
      allowsAnonymous: security.length === 0 || security.some((req) => Object.keys(req).length === 0),
      requestBody: op.requestBody
        ? { required: op.requestBody.required === true, content: schemasOf(op.requestBody.content) }
        : undefined,
      responses: Object.fromEntries(
        Object.entries<Schema>(op.responses ?? {}).map(([status, r]) => [
          status,
          { content: schemasOf(r.content), headers: Object.keys(r.headers ?? {}).map((h) => h.toLowerCase()) },
        ]),
      ),
      raw: op,
    };
  });
}

function schemasOf(content: Record<string, Schema> | undefined): Record<string, Schema | undefined> {
  const out: Record<string, Schema | undefined> = {};
  for (const [type, media] of Object.entries(content ?? {})) out[type] = media.schema as Schema | undefined;
  return out;
}

/** The declared response for a status: exact code, then `4XX`-style range, then `default`. */
export function responseFor(op: OperationInfo, status: number): ResponseInfo | undefined {
  return op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
}
