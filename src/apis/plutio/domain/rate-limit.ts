import { PlutioError } from './errors.js';

/** Options of {@link RateLimiter}. */
export interface RateLimitOptions {
  /** Calls allowed per window; default 1000. `Infinity` turns limiting off. */
  limit?: number;
  /** Window length in seconds; default 3600. */
  windowSeconds?: number;
}

/** Outcome of one call through the limiter. */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  /** Calls left in the current window after this one. */
  remaining: number;
  /** Seconds until the window resets (0 when the call was allowed and calls remain). */
  retryAfterSeconds: number;
  resetAt: Date;
}

/** Default limit: 1000 calls per hour. */
export const DEFAULT_RATE_LIMIT = 1000;

/**
 * A fixed-window limiter keyed by client id: the window opens with a client's first call and lasts `windowSeconds`;
 * refused calls do not count. O(1) per call (one map entry per client).
 * @see docs/sources.md#plutio-rate-limit — "a current limit of 1000 API calls an hour", 429 when exceeded; the
 *   scope (client or business) is not documented, per client id is what third-party clients assume.
 */
export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(options: RateLimitOptions = {}) {
    this.limit = options.limit ?? DEFAULT_RATE_LIMIT;
    this.windowMs = (options.windowSeconds ?? 3600) * 1000;
  }

  /** Counts one call for `key` at `now` unless the window is full. */
  hit(key: string, now: Date): RateLimitDecision {
    const t = now.getTime();
    let window = this.#windows.get(key);
    if (!window || t >= window.start + this.windowMs) {
      window = { start: t, count: 0 };
      this.#windows.set(key, window);
    }
    const resetMs = window.start + this.windowMs;
    const resetAt = new Date(resetMs);
    const retryAfterSeconds = Math.max(1, Math.ceil((resetMs - t) / 1000));
    if (window.count >= this.limit)
      return { allowed: false, limit: this.limit, remaining: 0, retryAfterSeconds, resetAt };
    window.count++;
    const remaining = this.limit === Number.POSITIVE_INFINITY ? this.limit : this.limit - window.count;
    return {
      allowed: true,
      limit: this.limit,
      remaining,
      retryAfterSeconds: remaining > 0 ? 0 : retryAfterSeconds,
      resetAt,
    };
  }

  /**
   * Like {@link hit}, but throws when the call is refused.
   * @throws PlutioError 429 `Too Many Requests. Your API limits have been reached.`
   */
  consume(key: string, now: Date): RateLimitDecision {
    const decision = this.hit(key, now);
    if (!decision.allowed) {
      throw new PlutioError(429, 'Too Many Requests. Your API limits have been reached.', 'rate_limited');
    }
    return decision;
  }

  /** Forgets all windows. */
  reset(): void {
    this.#windows.clear();
  }
}
