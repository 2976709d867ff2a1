import type { JsonObject } from '../json.js';
import { compileFast } from './fast-path.js';
import { compileWithMingo, type RecordPredicate } from './mingo-query.js';
import { invalidQuery } from './q-validate.js';

/**
 * Compiles a validated criteria object once per request. mingo compiles it first (so every structural error it
 * knows becomes a 400), then the fast path builds the closures used per record, delegating the operators it does
 * not cover to mingo. An error mingo raises while testing a record also becomes a 400.
 * @throws PlutioError 400 `invalid_query`.
 */
export function compileCriteria(criteria: JsonObject): RecordPredicate {
  compileWithMingo(criteria);
  return compileFast(criteria, (sub) => {
    const pred = compileWithMingo(sub);
    return (v) => {
      try {
        return pred(v as JsonObject);
      } catch (err) {
        throw invalidQuery((err as Error).message.replace(/\.$/, ''));
      }
    };
  });
}
