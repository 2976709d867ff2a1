import { badRequest, methodNotAllowed, missingId } from '../errors.js';
import { isPlainObject, type JsonObject } from '../json.js';
import { type CollectionName, isCollectionName, type Operation, supports } from '../resources.js';
import type { Tx } from '../store/tx.js';

/** Fields the server owns: ignored when a client sends them in a create or update body. */
export const SERVER_FIELDS: readonly string[] = ['_id', 'createdAt', 'updatedAt', 'createdBy', 'businessId'];

/**
 * Checks that the v1.8 index offers `op` on `collection`.
 * @throws PlutioError 403 `Method not allowed` (what the real API answers for unsupported verbs and routes).
 */
export function assertOperation(collection: string, op: Operation): asserts collection is CollectionName {
  if (!isCollectionName(collection) || !supports(collection, op)) throw methodNotAllowed();
}

/**
 * The JSON body of a write as an object.
 * @throws PlutioError 400 when it is not a JSON object.
 */
export function bodyObject(input: unknown): JsonObject {
  if (!isPlainObject(input)) throw badRequest('Request body must be a JSON object.');
  return input;
}

/**
 * The `_id` a write addresses: `input._id`, or `input` itself when it is a string.
 * @throws PlutioError 400 `_id is required.`
 */
export function requireId(input: unknown): string {
  const id = typeof input === 'string' ? input : isPlainObject(input) ? input._id : undefined;
  if (typeof id !== 'string' || id === '') throw missingId();
  return id;
}

/** A copy of `body` without the server-owned fields. */
export function clientFields(body: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(body)) if (!SERVER_FIELDS.includes(key) && key !== '__proto__') out[key] = body[key];
  return out;
}

/** The audit fields of a record written now by the transaction's actor. */
export function auditFields(tx: Tx): JsonObject {
  return { createdAt: tx.now, updatedAt: tx.now, createdBy: tx.actorId, businessId: tx.businessId };
}
