/** Query values as received: a string, or a list for repeated `key[]` entries. */
export type RawQuery = Record<string, string | string[]>;

/**
 * The object `parseQuery` fills: nothing inherited (its prototype is an empty, frozen object without a prototype), so
 * `__proto__=x` is an ordinary key the API can refuse, not a prototype assignment, and `toString` or `constructor`
 * are not there to be found. Not `Object.create(null)`: such objects start in dictionary mode, whose property
 * tables V8 keeps in the old generation: under load that was ~25 bytes of old-generation garbage per request.
 */
const QueryObject = function QueryObject() {} as unknown as new () => object;
QueryObject.prototype = Object.freeze(Object.create(null));

/**
 * Parses a query string the way Rack does for flat keys: `+` is a space, a repeated plain key keeps its last value,
 * and `key[]` collects a list under `key`. Other bracketed keys (`f[name]`) are kept verbatim for the API to read.
 * Malformed percent-escapes are kept as they are rather than failing the request.
 */
export function parseQuery(search: string): RawQuery {
  const out = new QueryObject() as RawQuery;
  if (search === '') return out;
  for (const pair of search.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    const key = decode(rawKey);
    if (key.endsWith('[]')) {
      const name = key.slice(0, -2);
      const prev = out[name];
      out[name] = Array.isArray(prev) ? [...prev, value] : [value];
    } else {
      out[key] = value;
    }
  }
  return out;
}

function decode(text: string): string {
  const plus = text.includes('+') ? text.replace(/\+/g, ' ') : text;
  if (!plus.includes('%')) return plus;
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

/** The first value of a query entry (the last one given, for a repeated plain key). */
export function queryString(query: RawQuery, name: string): string | undefined {
  const v = query[name];
  return Array.isArray(v) ? v[v.length - 1] : v;
}
