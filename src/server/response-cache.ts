import type { AnyApiModule, HandlerContext, RawResponse } from './types.js';

const MAX_ENTRIES = 2000;
/** Body bytes kept at most (the oldest answers go first). */
const MAX_BYTES = 8 * 1024 * 1024;

/** A cache lookup: the cached answer (a fresh copy) if valid, and the state version it was checked against. */
export interface CacheLookup {
  key: string;
  version: number;
  hit: RawResponse | undefined;
}

/**
 * The cache behind `ApiModule.responseCache`: successful GET answers by operation, format, URL and the module's
 * key, valid while the module's state version stays the same. An answer is stored only when the state did not
 * change while its handler ran; hits are handed out as copies (the writer and `finalize` mutate headers). Only
 * answers of the current version are kept, at most {@link MAX_ENTRIES} of them and {@link MAX_BYTES} of bodies,
 * the oldest dropped first.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { version: number; response: RawResponse; size: number }>();
  /** The state version of the kept answers. */
  private version = Number.NaN;
  private bytes = 0;

  constructor(private readonly spec: NonNullable<AnyApiModule['responseCache']>) {}

  /** Looks a request up; undefined when it must not be cached (not a GET, or the module's key says so). */
  lookup(ctx: HandlerContext): CacheLookup | undefined {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return undefined;
    const own = this.spec.key(ctx);
    if (own === undefined) return undefined;
    const key = `${ctx.operationId}\u0000${ctx.format}\u0000${ctx.path}?${ctx.search}\u0000${own}`;
    const version = this.spec.version();
    const entry = this.entries.get(key);
    const hit = entry && entry.version === version ? copy(entry.response) : undefined;
    return { key, version, hit };
  }

  /** Stores a 200 answer when the state is still at the version of the lookup. */
  store(lookup: CacheLookup, response: RawResponse): void {
    if (response.status !== 200 || this.spec.version() !== lookup.version) return;
    const size = response.body === undefined ? 0 : Buffer.byteLength(response.body);
    if (size > MAX_BYTES) return;
    if (lookup.version !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = lookup.version;
    }
    this.forget(lookup.key);
    for (const key of this.entries.keys()) {
      if (this.entries.size < MAX_ENTRIES && this.bytes + size <= MAX_BYTES) break;
      this.forget(key);
    }
    this.entries.set(lookup.key, { version: lookup.version, response: copy(response), size });
    this.bytes += size;
  }

  private forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }
}

function copy(response: RawResponse): RawResponse {
  const headers: Record<string, string> = {};
  for (const name in response.headers) headers[name] = response.headers[name] as string;
  return { status: response.status, headers, body: response.body };
}
