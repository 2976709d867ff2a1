import type { AnyApiModule, HandlerContext, RawResponse } from './types.js';

const MAX_ENTRIES = 2000;

/** A cache lookup: the cached answer (a fresh copy) if valid, and the state version it was checked against. */
export interface CacheLookup {
  key: string;
  version: number;
  hit: RawResponse | undefined;
}

/**
 * The cache behind `ApiModule.responseCache`: successful GET answers by operation, format, URL and the module's
 * key, valid while the module's state version stays the same. An answer is stored only when the state did not
 * change while its handler ran; hits are handed out as copies (the writer and `finalize` mutate headers).
 */
export class ResponseCache {
  private readonly entries = new Map<string, { version: number; response: RawResponse }>();

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
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(lookup.key, { version: lookup.version, response: copy(response) });
  }
}

function copy(response: RawResponse): RawResponse {
  const headers: Record<string, string> = {};
  for (const name in response.headers) headers[name] = response.headers[name] as string;
  return { status: response.status, headers, body: response.body };
}
