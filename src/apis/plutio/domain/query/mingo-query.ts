import { Context } from 'mingo/core';
import {
  $all,
  $and,
  $elemMatch,
  $eq,
  $exists,
  $gt,
  $gte,
  $in,
  $lt,
  $lte,
  $ne,
  $nin,
  $nor,
  $not,
  $or,
  $regex,
  $size,
  $type,
} from 'mingo/operators/query';
import { Query } from 'mingo/query';
import type { JsonObject } from '../json.js';
import { invalidQuery } from './q-validate.js';

/** A compiled record test. */
export type RecordPredicate = (record: JsonObject) => boolean;

/**
 * A mingo context that knows only the allowed query operators: even a query that slipped past validation cannot
 * reach `$where`, `$expr`, `$function` or any expression operator.
 */
const SAFE_CONTEXT = Context.init({
  query: {
    $all,
    $and,
    $elemMatch,
    $eq,
    $exists,
    $gt,
    $gte,
    $in,
    $lt,
    $lte,
    $ne,
    $nin,
    $nor,
    $not,
    $or,
    $regex,
    $size,
    $type,
  },
});

/**
 * Compiles a (validated) MongoDB criteria object with mingo, scripts disabled and the restricted operator context.
 * Structural errors mingo finds (an operator where a field belongs, an unknown operator) become 400s.
 * @throws PlutioError 400 `invalid_query`.
 */
export function compileWithMingo(criteria: JsonObject): RecordPredicate {
  let query: Query;
  try {
    query = new Query(criteria, { context: SAFE_CONTEXT, scriptEnabled: false, useStrictMode: true });
  } catch (err) {
    throw invalidQuery((err as Error).message.replace(/\.$/, ''));
  }
  return (record) => query.test(record);
}
