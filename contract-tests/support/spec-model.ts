import {
  type ApiId,
  dereference,
  listOperations,
  loadBundledSpec,
  type OpenApiDocument,
  type OperationEntry,
} from '../../src/spec/load.js';
import type { Format } from './types.js';

/** A bundled document ready for contract runs: raw and dereferenced, operations indexed by id. */
export interface ApiSpec {
  api: string;
  raw: OpenApiDocument;
  doc: OpenApiDocument;
  operations: OperationEntry[];
  byId: Map<string, OperationEntry>;
}

/** Builds an {@link ApiSpec} from a parsed bundled document. */
export function specFromDocument(api: string, raw: OpenApiDocument): ApiSpec {
  const doc = dereference(raw);
  const operations = listOperations(doc);
  return { api, raw, doc, operations, byId: new Map(operations.map((op) => [op.operationId, op])) };
}

/** Reads `dist/openapi/<api>.json` and indexes it. */
export function loadApiSpec(api: ApiId): ApiSpec {
  return specFromDocument(api, loadBundledSpec(api));
}

/** Looks an operation up by id; a missing id is a scenario bug, so it throws. */
export function operationById(spec: ApiSpec, operationId: string): OperationEntry {
  const op = spec.byId.get(operationId);
  if (!op) throw new Error(`${spec.api}: no operation ${operationId}`);
  return op;
}

/** The formats an operation takes as its `.{format}` URL suffix (empty for APIs without one). */
export function formatsOf(op: OperationEntry): Format[] {
  const param = op.parameters.find((p) => p.in === 'path' && p.name === 'format');
  if (!param) return [];
  const values = (param.schema?.enum as string[] | undefined) ?? ['json', 'xml'];
  return values.filter((v): v is Format => v === 'json' || v === 'xml');
}

/** `GET /projects/{project_id}.xml`: the operation's method and template, with the suffix filled in. */
export function operationLabel(op: OperationEntry, format?: Format): string {
  const path = format ? op.path.replace('{format}', format) : op.path;
  return `${op.method} ${path}`;
}

/** Whether the operation changes state (anything but GET, HEAD and OPTIONS). */
export function isWrite(op: OperationEntry): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(op.method);
}

/** Security requirements in force for an operation (its own, else the document's). */
export function securityOf(spec: ApiSpec, op: OperationEntry): Record<string, string[]>[] {
  return (op.operation.security ?? spec.doc.security ?? []) as Record<string, string[]>[];
}

/** True when the operation can be called without credentials (no requirement, or an empty one). */
export function allowsAnonymous(spec: ApiSpec, op: OperationEntry): boolean {
  const security = securityOf(spec, op);
  return security.length === 0 || security.some((req) => Object.keys(req).length === 0);
}

/** Documented status keys of an operation, as written (`200`, `4XX`, `default`). */
export function documentedStatuses(op: OperationEntry): string[] {
  return Object.keys(op.operation.responses ?? {});
}

/** The response object documented for a status: exact code first, then `4XX`-style ranges, then `default`. */
export function responseFor(
  op: OperationEntry,
  status: number,
  // biome-ignore lint/suspicious/noExplicitAny: OpenAPI response objects are walked generically.
): { key: string; response: Record<string, any> } | undefined {
  const responses = op.operation.responses ?? {};
  for (const key of [String(status), `${String(status)[0]}XX`, `${String(status)[0]}xx`, 'default']) {
    if (responses[key]) return { key, response: responses[key] };
  }
  return undefined;
}

/** Success statuses documented for an operation, lowest first. */
export function successStatuses(op: OperationEntry): number[] {
  return documentedStatuses(op)
    .filter((k) => /^2\d\d$/.test(k))
    .map(Number)
    .sort((a, b) => a - b);
}
