import { afterEach, expect, test } from 'vitest';
import { createPlutioModule } from './index.js';
import { type PlutioTestServer, startPlutio, tokenForm } from './test-support.js';

let s: PlutioTestServer | undefined;
afterEach(async () => {
  expect(s?.ts.violations()).toEqual([]);
  await s?.close();
  s = undefined;
});

test('past the hourly limit a client gets 429 with a JSON body and Retry-After; other clients go on', async () => {
  s = await startPlutio({ plutioRateLimit: 3 }); // the token call is the first of the three
  const globex = await s.tokenFor('globex-client', 'globex-secret');
  expect((await s.call('GET', '/projects?limit=1')).status).toBe(200);
  expect((await s.call('GET', '/projects?limit=1')).status).toBe(200);
  const refused = await s.call('GET', '/projects?limit=1');
  expect(refused.status).toBe(429);
  expect(refused.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(refused.body).toEqual({
    statusCode: 429,
    code: 429,
    message: 'Too Many Requests. Your API limits have been reached.',
  });
  const retryAfter = Number(refused.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(3500);
  expect(retryAfter).toBeLessThanOrEqual(3600);
  const again = await s.call('POST', '/oauth/token', {
    token: null,
    business: null,
    raw: tokenForm('crmkit-client', 'crmkit-secret'),
    contentType: 'application/x-www-form-urlencoded',
  });
  expect(again.status).toBe(429);
  expect((await s.call('GET', '/projects?limit=1', { token: globex, business: 'globex' })).status).toBe(200);
});

test('refused calls do not count, and a reset clears the windows', async () => {
  s = await startPlutio({ plutioRateLimit: 2 });
  expect((await s.call('GET', '/projects?limit=1')).status).toBe(200);
  for (let i = 0; i < 3; i++) expect((await s.call('GET', '/projects?limit=1')).status).toBe(429);
  await fetch(`${s.ts.url}/__crmkit/reset?api=plutio`, { method: 'POST' });
  expect((await s.call('GET', '/projects?limit=1')).status).toBe(200);
});

test('limit 0 turns rate limiting off', async () => {
  s = await startPlutio({ plutioRateLimit: 0 });
  const answers = await Promise.all(Array.from({ length: 30 }, () => s!.call('GET', '/projects?limit=1')));
  expect(answers.every((a) => a.status === 200)).toBe(true);
  expect(s.domain().rateLimit.limit).toBe(Number.POSITIVE_INFINITY);
});

test('an expired token is 401 "access token has expired"', async () => {
  const module = createPlutioModule({ seed: 1, basePath: '/plutio/v1.8', plutioTokenTtl: 1 });
  s = await startPlutio({ modules: [module] });
  expect((await s.call('GET', '/projects?limit=1')).status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const res = await s.call('GET', '/projects?limit=1');
  expect(res.status).toBe(401);
  expect(res.body).toEqual({ statusCode: 401, code: 401, message: 'Invalid token: access token has expired' });
});
