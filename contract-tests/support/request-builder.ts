import type { OperationEntry } from '../../src/spec/load.js';
import { parameterValue, requestExample, requestMediaType, requestSchema } from './examples.js';
import { formatMediaType, isXml } from './media-type.js';
import { operationLabel } from './spec-model.js';
import type { ContractRequest, Format } from './types.js';
import type { XmlCodec } from './xml-codec.js';

/** Marker for "leave this parameter out" in {@link RequestPlan.params}. */
export const OMIT = Symbol('omit');

/** What to send for one operation; everything not given comes from the document's examples or schemas. */
export interface RequestPlan {
  op: OperationEntry;
  /** `.json` / `.xml` suffix and body format for Redmine-family paths. */
  format?: Format;
  /** Parameter values by name (path, query, header); {@link OMIT} leaves a parameter out. */
  params?: Record<string, unknown>;
  /** Body as a value, serialised for the media type; a string is sent as is. Defaults to the example. */
  body?: unknown;
  /** Request media type; defaults to the format's kind, else JSON, else the first documented one. */
  mediaType?: string;
  /** Extra headers sent as given (after the documented ones). */
  headers?: Record<string, string>;
  /** Rewrites the finished path (e.g. to drop the `.json` suffix in a negative case). */
  rewritePath?: (path: string) => string;
}

/** A request ready to send, with what the checker and scenarios need to know about it. */
export interface BuiltRequest {
  request: ContractRequest;
  label: string;
  format?: Format;
  /** The body as a value (XML bodies bound through the schema), for comparing state later. */
  bodyValue?: unknown;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

// biome-ignore lint/suspicious/noExplicitAny: a parameter object
const planValue = (plan: RequestPlan, param: any): unknown => {
  const given = plan.params?.[param.name];
  if (given !== undefined) return given;
  if (param.in === 'path' && param.name === 'format' && plan.format) return plan.format;
  return param.required ? parameterValue(param) : undefined;
};

function serialiseBody(value: unknown, mediaType: string, schema: unknown, xml: XmlCodec) {
  if (typeof value === 'string') {
    const bound = isXml(mediaType) ? safeRead(xml, value, schema) : value;
    return { body: value, bodyValue: bound };
  }
  if (isXml(mediaType)) return { body: xml.write(value, schema), bodyValue: value };
  if (mediaType === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries((value ?? {}) as Record<string, unknown>)) form.append(k, text(v));
    return { body: form.toString(), bodyValue: value };
  }
  return { body: JSON.stringify(value), bodyValue: value };
}

function safeRead(xml: XmlCodec, body: string, schema: unknown): unknown {
  try {
    return xml.read(body, schema).value;
  } catch {
    return undefined;
  }
}

/**
 * Builds a valid request for an operation: path parameters, required query and header parameters and the body
 * from the plan, else from the document's examples, else from the schemas. Optional parameters are sent only when
 * the plan names them. Redmine-family requests send `Accept` for their format.
 */
export function buildRequest(plan: RequestPlan, xml: XmlCodec): BuiltRequest {
  const { op } = plan;
  let path = op.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const param of op.parameters) {
    const value = planValue(plan, param);
    if (value === undefined || value === OMIT) continue;
    if (param.in === 'path') path = path.replace(`{${param.name}}`, encodeURIComponent(String(value)));
    else if (param.in === 'query') {
      for (const v of Array.isArray(value) ? value : [value]) query.append(param.name, text(v));
    } else if (param.in === 'header') headers[param.name] = text(value);
  }
  for (const [name, value] of Object.entries(plan.params ?? {})) {
    const known = op.parameters.some((p) => p.name === name);
    if (!known && value !== OMIT && value !== undefined) query.append(name, text(value));
  }
  if (plan.format) headers.Accept = formatMediaType(plan.format);
  else if (!headers.Accept) headers.Accept = 'application/json';

  let body: string | undefined;
  let bodyValue: unknown;
  const mediaType = plan.mediaType ?? requestMediaType(op, plan.format);
  if (mediaType && plan.body !== OMIT) {
    const value = plan.body !== undefined ? plan.body : requestExample(op, mediaType);
    ({ body, bodyValue } = serialiseBody(value, mediaType, requestSchema(op, mediaType), xml));
    headers['Content-Type'] = mediaType;
  }
  Object.assign(headers, plan.headers);
  const qs = query.toString();
  let fullPath = qs ? `${path}?${qs}` : path;
  if (plan.rewritePath) fullPath = plan.rewritePath(fullPath);
  return {
    request: { method: op.method, path: fullPath, headers, body },
    label: operationLabel(op, plan.format),
    format: plan.format,
    bodyValue,
  };
}
