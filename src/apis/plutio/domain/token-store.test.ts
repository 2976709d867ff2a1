import { expect, test } from 'vitest';
import { PlutioAuth } from './auth.js';

const NOW = new Date('2022-09-01T12:00:00.000Z');
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const ACME = { client_id: 'crmkit-client', client_secret: 'crmkit-secret', grant_type: 'client_credentials' };
const GLOBEX = { client_id: 'globex-client', client_secret: 'globex-secret', grant_type: 'client_credentials' };

test('expired tokens are forgotten as new ones are issued', () => {
  const auth = new PlutioAuth({ tokenTtlSeconds: 60 });
  for (let i = 0; i < 100; i++) auth.issueToken(ACME, at(i));
  expect(auth.tokenCount).toBe(60);
  const fresh = auth.issueToken(ACME, at(130)).accessToken;
  expect(auth.tokenCount).toBe(30);
  expect(auth.verifyToken(fresh, at(130)).ok).toBe(true);
});

test('a client keeps at most maxTokensPerClient live tokens, dropping its oldest; other clients are not affected', () => {
  const auth = new PlutioAuth({ maxTokensPerClient: 3 });
  const globex = auth.issueToken(GLOBEX, NOW).accessToken;
  const acme = Array.from({ length: 5 }, (_, i) => auth.issueToken(ACME, at(i)).accessToken);
  expect(acme.map((t) => auth.verifyToken(t, at(10)).ok)).toEqual([false, false, true, true, true]);
  expect(auth.verifyToken(globex, at(10)).ok).toBe(true);
  expect(auth.tokenCount).toBe(4);
});

test('at the cap, tokens never used go first, so a token in use outlives a flood of unused ones', () => {
  const auth = new PlutioAuth({ maxTokensPerClient: 100 });
  const kept = auth.issueToken(ACME, NOW).accessToken;
  const idle = auth.issueToken(ACME, NOW).accessToken;
  expect(auth.verifyToken(kept, NOW).ok).toBe(true);
  for (let i = 0; i < 1000; i++) auth.issueToken(ACME, NOW);
  expect(auth.verifyToken(kept, NOW).ok).toBe(true);
  expect(auth.verifyToken(idle, NOW).ok).toBe(false);
  expect(auth.tokenCount).toBe(100);
});

test('when every token was used, the one idle for longest goes; memory stays bounded', () => {
  const auth = new PlutioAuth({ maxTokensPerClient: 50 });
  const kept = auth.issueToken(ACME, NOW).accessToken;
  const once = auth.issueToken(ACME, NOW).accessToken;
  auth.verifyToken(once, NOW);
  for (let i = 0; i < 500; i++) {
    auth.verifyToken(auth.issueToken(ACME, NOW).accessToken, NOW);
    if (i % 20 === 0) expect(auth.verifyToken(kept, NOW).ok).toBe(true);
  }
  expect(auth.verifyToken(kept, NOW).ok).toBe(true);
  expect(auth.verifyToken(once, NOW).ok).toBe(false);
  expect(auth.tokenCount).toBe(50);
});

test('a token re-issued under the same text survives the eviction of its first issue', () => {
  const auth = new PlutioAuth({ tokenTtlSeconds: 60, maxTokensPerClient: 2, tokenFactory: () => 'a'.repeat(40) });
  auth.issueToken(ACME, NOW);
  auth.issueToken(ACME, at(30));
  auth.issueToken(ACME, at(70));
  expect(auth.verifyToken('a'.repeat(40), at(80)).ok).toBe(true);
  expect(() => new PlutioAuth({ maxTokensPerClient: 0 })).toThrow();
});

test('issuing stays cheap with many live tokens', () => {
  const auth = new PlutioAuth({ maxTokensPerClient: 10_000 });
  for (let i = 0; i < 10_000; i++) auth.issueToken(ACME, NOW);
  const started = performance.now();
  for (let i = 0; i < 20_000; i++) auth.issueToken(ACME, NOW);
  expect(performance.now() - started).toBeLessThan(2000);
  expect(auth.tokenCount).toBe(10_000);
});
