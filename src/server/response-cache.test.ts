import { expect, test } from 'vitest';
import { ResponseCache } from './response-cache.js';
import type { HandlerContext, RawResponse } from './types.js';

const ctx = (over: Partial<HandlerContext> = {}) =>
  ({
    method: 'GET',
    operationId: 'listThings',
    format: 'json',
    path: '/things.json',
    search: '',
    ...over,
  }) as HandlerContext;
const answer = (): RawResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '[]' });

test('a GET answer is reused until the state version changes', () => {
  let version = 1;
  const cache = new ResponseCache({ version: () => version, key: () => 'admin' });
  const first = cache.lookup(ctx())!;
  expect(first.hit).toBeUndefined();
  cache.store(first, answer());
  const second = cache.lookup(ctx())!;
  expect(second.hit?.body).toBe('[]');
  second.hit!.headers['x-added'] = 'by finalize';
  expect(cache.lookup(ctx())?.hit?.headers['x-added']).toBeUndefined();
  version++;
  expect(cache.lookup(ctx())?.hit).toBeUndefined();
});

test('keys separate URLs, formats and callers; writes, errors and opted-out requests are not cached', () => {
  let version = 1;
  let who: string | undefined = 'admin';
  const cache = new ResponseCache({ version: () => version, key: () => who });
  cache.store(cache.lookup(ctx())!, answer());
  expect(cache.lookup(ctx({ search: 'limit=1' }))?.hit).toBeUndefined();
  expect(cache.lookup(ctx({ format: 'xml' }))?.hit).toBeUndefined();
  who = 'jsmith';
  expect(cache.lookup(ctx())?.hit).toBeUndefined();
  who = undefined;
  expect(cache.lookup(ctx())).toBeUndefined();
  expect(cache.lookup(ctx({ method: 'POST' }))).toBeUndefined();
  who = 'admin';
  const changed = cache.lookup(ctx({ path: '/other.json' }))!;
  version++;
  cache.store(changed, answer());
  expect(cache.lookup(ctx({ path: '/other.json' }))?.hit).toBeUndefined();
  const failed = cache.lookup(ctx({ path: '/missing.json' }))!;
  cache.store(failed, { status: 404, headers: {}, body: '' });
  expect(cache.lookup(ctx({ path: '/missing.json' }))?.hit).toBeUndefined();
});

test('only answers of the current version are kept, within the byte budget, oldest dropped first', () => {
  let version = 1;
  const cache = new ResponseCache({ version: () => version, key: () => 'admin' });
  const big = (): RawResponse => ({ status: 200, headers: {}, body: 'x'.repeat(3 * 1024 * 1024) });
  for (const path of ['/a.json', '/b.json', '/c.json']) cache.store(cache.lookup(ctx({ path }))!, big());
  expect(cache.lookup(ctx({ path: '/a.json' }))?.hit).toBeUndefined();
  expect(cache.lookup(ctx({ path: '/b.json' }))?.hit?.body).toHaveLength(3 * 1024 * 1024);
  expect(cache.lookup(ctx({ path: '/c.json' }))?.hit).toBeDefined();
  version++;
  cache.store(cache.lookup(ctx({ path: '/d.json' }))!, answer());
  version--;
  expect(cache.lookup(ctx({ path: '/c.json' }))?.hit).toBeUndefined();
});
