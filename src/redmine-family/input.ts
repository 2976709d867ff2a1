import type { ValidationIssue } from '../server/ajv.js';
import { ApiError } from '../server/errors.js';
import type { Schema } from '../server/operations.js';
import type { RoutedRequest } from '../server/types.js';
import { attributeLabel, messages } from './messages.js';

/** The resource keys of a request body type (any key of an untyped body). */
export type ResourceKey<B> = unknown extends B ? string : keyof NonNullable<B> & string;

/** The attributes under `K` of a (loose) request body type `B`, any of them possibly missing; untyped: a record. */
export type ResourceAttributes<B, K extends string> = unknown extends B
  ? Record<string, unknown>
  : AttributesOf<NonNullable<B>, K>;
type AttributesOf<B, K extends string> = B extends unknown
  ? K extends keyof B
    ? Partial<Extract<NonNullable<B[K]>, object>>
    : never
  : never;

/**
 * The attributes of the resource in a request body (`{"project": {...}}` → `{...}`), or `{}` when the body or the
 * key is missing or not an object: Redmine then validates an empty object and answers with "cannot be blank"
 * messages. A typed (loose) body gives its resource's attribute type.
 */
export function resourceAttributes<B, K extends ResourceKey<B>>(body: B, key: K): ResourceAttributes<B, K>;
export function resourceAttributes(body: unknown, key: string): Record<string, unknown> {
  if (!isPlainObject(body)) return {};
  const attrs = body[key];
  return isPlainObject(attrs) ? attrs : {};
}

/** True when an attribute was sent (even as null or ""). */
export function has<T extends object>(attrs: T, key: keyof T & string): boolean {
  return Object.hasOwn(attrs, key);
}

/** Schema issues the handler answers itself (with Rails' messages), not as `<Label> is invalid`. */
const LEFT_TO_HANDLER = new Set(['required', 'additionalProperties', 'xml', 'maxLength']);

/**
 * Redmine-family reaction to a body that breaks its schema: a value of the wrong type inside the resource (e.g.
 * `is_public: "abc"`) gives 422 `<Label> is invalid`; a missing or malformed resource envelope (`{}`,
 * `{"project": "x"}`, a wrong XML root, a JSON text sent as a form) is repaired to an empty resource so the handler
 * answers with Redmine's "cannot be blank" messages; missing and unknown attributes are left to the handler, and so
 * are values longer than the document's `maxLength`: the handler answers `<Label> is too long (maximum is N
 * characters)` together with every other problem of the record, as Rails does.
 */
export function redmineInvalidBody(issues: ValidationIssue[], body: unknown, req: RoutedRequest): unknown {
  const found: string[] = [];
  for (const issue of issues) {
    if (LEFT_TO_HANDLER.has(issue.keyword)) continue;
    const attribute = issue.pointer.split('/')[2];
    if (attribute === undefined) continue;
    const message = messages.invalid(attributeLabel(decodePointer(attribute)));
    if (!found.includes(message)) found.push(message);
  }
  if (found.length > 0) throw ApiError.validation(found);
  return repairEnvelope(body, req.operation.requestBody?.content['application/json']);
}

function repairEnvelope(body: unknown, schema: Schema | undefined): unknown {
  const out: Record<string, unknown> = isPlainObject(body) ? { ...body } : {};
  for (const [key, prop] of Object.entries<Schema>(schema?.properties ?? {})) {
    if (prop?.type === 'object' || prop?.properties) {
      if (!isPlainObject(out[key])) out[key] = {};
    }
  }
  return out;
}

function decodePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A non-null, non-array object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
