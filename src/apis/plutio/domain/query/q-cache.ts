import { compileCriteria } from './compile.js';
import { type Lookup, planLookups } from './eq-plan.js';
import type { RecordPredicate } from './mingo-query.js';
import { parseQ } from './q-validate.js';

/** Distinct `q` texts whose compiled form is kept; the oldest is dropped beyond this. */
export const Q_CACHE_SIZE = 256;

/** A compiled `q`: the record test and the equality lookups that narrow where to look (see `planLookups`). */
export interface CompiledQ {
  predicate: RecordPredicate;
  lookups: Lookup[] | undefined;
}

const cache = new Map<string, CompiledQ>();

/**
 * The compiled form of a `q` text: parsed, validated and compiled on first sight, then reused while it stays among
 * the {@link Q_CACHE_SIZE} most recently compiled texts (a client polling with the same query pays the compilation
 * once). Predicates hold no state between calls (regex flags are limited to `i`, `m` and `s`), so one may serve
 * every workspace. A refused `q` is not cached: it throws every time. A hit costs 340–400× less than parsing,
 * checking and compiling the benchmark `q` again, measured with `node --import tsx bench/plutio-query.ts
 * --structures`.
 * @throws PlutioError 400 for an invalid `q` (see `parseQ` and `compileCriteria`).
 */
export function compileQ(raw: string): CompiledQ {
  let compiled = cache.get(raw);
  if (!compiled) {
    const criteria = parseQ(raw);
    compiled = { predicate: compileCriteria(criteria), lookups: planLookups(criteria) };
    if (cache.size >= Q_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(raw, compiled);
  }
  return compiled;
}
