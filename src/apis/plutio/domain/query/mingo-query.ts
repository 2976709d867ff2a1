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
  $size,
  $type,
  $regex as mingoRegex,
} from 'mingo/operators/query';
import { Query } from 'mingo/query';
import type { JsonObject } from '../json.js';
import { invalidQuery } from './q-validate.js';
import { regexSubject } from './regex-safety.js';

/** A compiled record test. */
export type RecordPredicate = (record: JsonObject) => boolean;

/** A `RegExp` that only ever looks at the first characters of a value (see `regexSubject`). */
class CappedRegExp extends RegExp {
  override exec(value: string): RegExpExecArray | null {
    return super.exec(regexSubject(value));
  }
}

/** mingo's `$regex`, run against at most the first 10,000 characters of each value. */
const $regex: typeof mingoRegex = (selector, value, options) =>
  mingoRegex(selector, value instanceof RegExp ? new CappedRegExp(value.source, value.flags) : value, options);

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
