import { afterEach, expect, test, vi } from 'vitest';
import { createPlutioTokenSource, type PlutioToken, PlutioTokenError } from './plutio-token.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A token fetcher that hands out `t1`, `t2`, … valid for `ttlMs`, counting its calls. */
function issuer(ttlMs: number) {
  let calls = 0;
  const fetchToken = async (): Promise<PlutioToken> => {
    calls += 1;
    const expires = new Date(Date.now() + ttlMs).toISOString();
    return {
      accessToken: `t${calls}`,
      accessTokenExpiresAt: expires,
      client: { id: 'app', businesses: ['acme'], grants: ['client_credentials'] },
      user: { id: 'u' },
    };
  };
  return { fetchToken, calls: () => calls };
}

test('fetches lazily, shares one request between concurrent calls, and reuses the token while valid', async () => {
  const { fetchToken, calls } = issuer(3_600_000);
  const source = createPlutioTokenSource(fetchToken, 30_000);
  expect(calls()).toBe(0);
  expect(await Promise.all([source.current(), source.current(), source.current()])).toEqual(['t1', 't1', 't1']);
  expect(await source.current()).toBe('t1');
  expect(calls()).toBe(1);
});

test('renews the margin before accessTokenExpiresAt, and at most half-way through a short lifetime', async () => {
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
  const long = issuer(3_600_000);
  const source = createPlutioTokenSource(long.fetchToken, 30_000);
  expect(await source.current()).toBe('t1');
  vi.advanceTimersByTime(3_600_000 - 30_001);
  expect(await source.current()).toBe('t1');
  vi.advanceTimersByTime(2);
  expect(await source.current()).toBe('t2');

  const short = issuer(2_000);
  const brief = createPlutioTokenSource(short.fetchToken, 30_000);
  expect(await brief.current()).toBe('t1');
  vi.advanceTimersByTime(999);
  expect(await brief.current()).toBe('t1');
  vi.advanceTimersByTime(1);
  expect(await brief.current()).toBe('t2');
});

test('renew replaces a rejected token once, even when several calls report it', async () => {
  const { fetchToken, calls } = issuer(3_600_000);
  const source = createPlutioTokenSource(fetchToken, 30_000, 'stale');
  expect(await source.current()).toBe('stale');
  expect(await Promise.all([source.renew('stale'), source.renew('stale')])).toEqual(['t1', 't1']);
  expect(await source.renew('stale')).toBe('t1');
  expect(calls()).toBe(1);
  expect(await source.renew('t1')).toBe('t2');
});

test('a failed token request rejects every waiting call and the next call tries again', async () => {
  let fail = true;
  const { fetchToken } = issuer(3_600_000);
  const source = createPlutioTokenSource(async () => {
    if (fail) throw new PlutioTokenError(400, { name: 'invalid_client', message: 'Invalid client' });
    return fetchToken();
  }, 30_000);
  await expect(source.current()).rejects.toThrow(
    'Plutio token request failed with 400: invalid_client: Invalid client',
  );
  fail = false;
  expect(await source.current()).toBe('t1');
});
