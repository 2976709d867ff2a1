/** Reading bodies the same way in JSON and XML scenarios. */

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Drops a single-key envelope: `{"project": {...}}` → `{...}`. XML bodies (bound without envelope) and lists
 * (several keys, or an array under the key) come back unchanged.
 */
export function unwrapResource(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && isPlainObject(value[keys[0]!])) return value[keys[0]!];
  return value;
}

/** The items of a list body: the body itself when it is an array, else its first array-valued property. */
export function listItems(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isPlainObject(value)) return undefined;
  for (const v of Object.values(value)) if (Array.isArray(v)) return v;
  return undefined;
}

/** The identifier of a record: `id`, else `_id`. */
export function idOf(value: unknown): string | number | undefined {
  const r = unwrapResource(value);
  if (!isPlainObject(r)) return undefined;
  const id = r.id ?? r._id;
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

/** The first identifier of a list body. */
export function firstItemId(value: unknown): string | number | undefined {
  const items = listItems(value);
  return items && items.length > 0 ? idOf(items[0]) : undefined;
}

/** The last path segment of a `Location` header, without a format suffix (`…/projects/7.json` → `7`). */
export function idFromLocation(location: string | undefined): string | undefined {
  if (!location) return undefined;
  const path = location.split('?')[0]!.replace(/\/+$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1).replace(/\.(json|xml)$/, '');
  return last ? decodeURIComponent(last) : undefined;
}

const same = (a: unknown, b: unknown): boolean =>
  a === b || (a !== null && b !== null && typeof a !== 'object' && String(a) === String(b));

/**
 * Compares the scalar fields that were sent with what was read back: every string, number, boolean or null sent
 * must come back equal when the read body carries a field of that name (fields the server renders differently,
 * such as `parent_id` versus `parent`, are absent by name and so not compared). Returns one sentence per mismatch.
 */
export function scalarMismatches(sent: unknown, read: unknown, when: string): string[] {
  const s = unwrapResource(sent);
  const r = unwrapResource(read);
  if (!isPlainObject(s) || !isPlainObject(r)) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(s)) {
    if (value !== null && typeof value === 'object') continue;
    if (!(key in r)) continue;
    if (!same(value, r[key])) out.push(`${when}: ${key} is ${JSON.stringify(r[key])}, sent ${JSON.stringify(value)}`);
  }
  return out;
}
