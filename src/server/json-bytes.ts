/** Bytes kept (records and lists) after which the caches start afresh (the old ones are left to the collector). */
const MAX_BYTES = 16 * 1024 * 1024;

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

let cached = new WeakMap<object, Buffer>();
/** Recent lists of immutable records and their bytes, by their first record (a few lists per first record). */
let lists = new WeakMap<object, { records: readonly object[]; bytes: Buffer }[]>();
let kept = 0;
/** Frozen objects found not to be immutable plain data (a mutable part, an accessor, a `toJSON`). */
let mutable = new WeakSet<object>();

/**
 * The UTF-8 bytes of `JSON.stringify(body)`, reusing those of immutable records: a deep-frozen record (a store
 * handing out its records without copying them), or an array of them, is written from each record's bytes, made
 * once per record. A record qualifies when it and everything in it is frozen, plain (arrays, objects with the
 * `Object` or `null` prototype) and made of data properties without `toJSON`: its text can never change. Any other
 * body goes to `JSON.stringify` as a whole. The bytes are a Buffer, so that the socket write copies nothing more; an
 * array of the same records as a recent one gets that one's Buffer again (callers must not change it).
 */
export function jsonBytes(body: unknown): Buffer {
  if (Array.isArray(body)) return body.length === 0 ? Buffer.from('[]') : listBytes(body);
  const bytes = recordBytes(body);
  return bytes ? Buffer.from(bytes) : Buffer.from(JSON.stringify(body));
}

/** Lists kept per first record. */
const LISTS_PER_RECORD = 4;

/**
 * The bytes of a non-empty array: those of a recent array holding the same records (the same objects, in the same
 * order: a repeated query over unchanged records), else made from the records' bytes, else `JSON.stringify`.
 */
function listBytes(body: unknown[]): Buffer {
  const first = body[0];
  const recent = first !== null && typeof first === 'object' ? lists.get(first) : undefined;
  // Same objects in the same order: immutable records (only such lists are kept), so the same text.
  const same = recent?.find((l) => l.records.length === body.length && l.records.every((r, i) => r === body[i]));
  if (same) return same.bytes;
  const parts: Buffer[] = new Array(body.length * 2 + 1);
  let length = body.length + 1;
  for (let i = 0; i < body.length; i++) {
    const bytes = recordBytes(body[i]);
    if (bytes === undefined) return Buffer.from(JSON.stringify(body));
    parts[i * 2] = i === 0 ? OPEN : COMMA;
    parts[i * 2 + 1] = bytes;
    length += bytes.length;
  }
  parts[body.length * 2] = CLOSE;
  const bytes = Buffer.concat(parts, length);
  makeRoom(bytes.length);
  const recentLists = lists.get(first as object) ?? [];
  if (recentLists.length >= LISTS_PER_RECORD) recentLists.shift();
  recentLists.push({ records: body.slice() as object[], bytes });
  lists.set(first as object, recentLists);
  return bytes;
}

/** The bytes of an immutable record (made and kept on first sight), or undefined for anything else. */
function recordBytes(value: unknown): Buffer | undefined {
  if (value === null || typeof value !== 'object' || !Object.isFrozen(value)) return undefined;
  const known = cached.get(value);
  if (known !== undefined || mutable.has(value)) return known;
  if (!isImmutableData(value)) {
    mutable.add(value);
    return undefined;
  }
  const bytes = Buffer.from(JSON.stringify(value));
  makeRoom(bytes.length);
  cached.set(value, bytes);
  return bytes;
}

/** Counts `size` more bytes kept, starting the caches afresh first when that would pass {@link MAX_BYTES}. */
function makeRoom(size: number): void {
  if (kept + size > MAX_BYTES) {
    cached = new WeakMap();
    lists = new WeakMap();
    mutable = new WeakSet();
    kept = 0;
  }
  kept += size;
}

function isImmutableData(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function' && typeof value !== 'symbol';
  if (!Object.isFrozen(value)) return false;
  if (Array.isArray(value)) return value.every(isImmutableData);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const descriptors = Object.getOwnPropertyDescriptors(value);
  for (const key in descriptors) {
    const d = descriptors[key] as PropertyDescriptor;
    if (key === 'toJSON' || d.get || d.set || !isImmutableData(d.value)) return false;
  }
  return true;
}
