import { expect, test } from 'vitest';
import { PlutioError } from './errors.js';
import { RateLimiter } from './rate-limit.js';

const T0 = new Date('2022-09-01T12:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

test('allows `limit` calls per window, then refuses with retry-after', () => {
  const limiter = new RateLimiter({ limit: 3, windowSeconds: 60 });
  expect(limiter.hit('a', at(0)).remaining).toBe(2);
  expect(limiter.hit('a', at(1)).remaining).toBe(1);
  const last = limiter.hit('a', at(2));
  expect(last.allowed).toBe(true);
  expect(last.remaining).toBe(0);
  const refused = limiter.hit('a', at(10));
  expect(refused.allowed).toBe(false);
  expect(refused.retryAfterSeconds).toBe(50);
  expect(refused.resetAt.toISOString()).toBe(at(60).toISOString());
});

test('the window resets after windowSeconds and clients are counted apart', () => {
  const limiter = new RateLimiter({ limit: 1, windowSeconds: 60 });
  expect(limiter.hit('a', at(0)).allowed).toBe(true);
  expect(limiter.hit('b', at(0)).allowed).toBe(true);
  expect(limiter.hit('a', at(59)).allowed).toBe(false);
  expect(limiter.hit('a', at(60)).allowed).toBe(true);
});

test('consume throws a 429 PlutioError and reset clears the windows', () => {
  const limiter = new RateLimiter({ limit: 1 });
  limiter.consume('a', at(0));
  try {
    limiter.consume('a', at(1));
    expect.unreachable();
  } catch (err) {
    expect(err).toBeInstanceOf(PlutioError);
    expect((err as PlutioError).status).toBe(429);
  }
  limiter.reset();
  expect(limiter.consume('a', at(2)).allowed).toBe(true);
});

test('defaults to 1000 per hour; Infinity disables limiting', () => {
  const limiter = new RateLimiter();
  expect(limiter.limit).toBe(1000);
  expect(limiter.hit('a', at(0)).remaining).toBe(999);
  const open = new RateLimiter({ limit: Number.POSITIVE_INFINITY });
  for (let i = 0; i < 5000; i++) open.hit('a', at(0));
  expect(open.hit('a', at(0)).allowed).toBe(true);
});
