import { expect, test } from 'vitest';
import { createPlutioModule } from './index.js';
import { resolvePlutioSettings } from './settings.js';
import { startPlutio } from './test-support.js';

const base = { seed: 1, basePath: '/plutio/v1.8' };

test('defaults: crmkit-client / crmkit-secret for acme, globex-client for globex, 3600 s, default limit', () => {
  const s = resolvePlutioSettings(base, {});
  expect(s.apps.map((a) => [a.clientId, a.clientSecret, a.businesses])).toEqual([
    ['crmkit-client', 'crmkit-secret', ['acme']],
    ['globex-client', 'globex-secret', ['globex']],
  ]);
  expect(s.domain.tokenTtlSeconds).toBe(3600);
  expect(s.domain.rateLimit).toBeUndefined();
  expect(s.domain.people).toBeUndefined();
});

test('CRMKIT_PLUTIO_* variables configure the default application; options win over them', () => {
  const env = {
    CRMKIT_PLUTIO_CLIENT_ID: 'env-id',
    CRMKIT_PLUTIO_CLIENT_SECRET: 'env-secret',
    CRMKIT_PLUTIO_BUSINESS: 'Initech',
    CRMKIT_PLUTIO_TOKEN_TTL: '60',
  };
  const fromEnv = resolvePlutioSettings(base, env);
  expect(fromEnv.defaultApp).toEqual({ clientId: 'env-id', clientSecret: 'env-secret', businesses: ['initech'] });
  expect(fromEnv.domain.tokenTtlSeconds).toBe(60);
  const fromOptions = resolvePlutioSettings({ ...base, plutioClientId: 'opt-id', plutioTokenTtl: 5 }, env);
  expect(fromOptions.defaultApp.clientId).toBe('opt-id');
  expect(fromOptions.domain.tokenTtlSeconds).toBe(5);
});

test('rate limit 0 means no limit; people grow the default business only', () => {
  const s = resolvePlutioSettings({ ...base, plutioRateLimit: 0, plutioPeople: 500, plutioBusiness: 'initech' }, {});
  expect(s.domain.rateLimit).toEqual({ limit: Number.POSITIVE_INFINITY });
  expect(s.domain.people).toEqual({ initech: 500 });
  expect(resolvePlutioSettings({ ...base, plutioRateLimit: 25 }, {}).domain.rateLimit).toEqual({ limit: 25 });
});

test('bad values are refused with the flag name', () => {
  expect(() => resolvePlutioSettings(base, { CRMKIT_PLUTIO_TOKEN_TTL: '0' })).toThrow(/--plutio-token-ttl/);
  expect(() => resolvePlutioSettings(base, { CRMKIT_PLUTIO_TOKEN_TTL: 'soon' })).toThrow(/--plutio-token-ttl/);
  expect(() => resolvePlutioSettings(base, { CRMKIT_PLUTIO_BUSINESS: 'a.b' })).toThrow(/--plutio-business/);
  expect(() => resolvePlutioSettings(base, { CRMKIT_PLUTIO_CLIENT_ID: ' ' })).toThrow(/--plutio-client-id/);
});

test('the configured application gets tokens for its business; start-up lines show it', async () => {
  const module = createPlutioModule({
    ...base,
    plutioClientId: 'my-app',
    plutioClientSecret: 'my-secret',
    plutioBusiness: 'initech',
    plutioRateLimit: 0,
  });
  expect(module.startupInfo().join('\n')).toContain('client: my-app / my-secret, Business: initech');
  expect(module.startupInfo().join('\n')).toContain('no rate limit');
  const server = await startPlutio(
    { modules: [module] },
    { clientId: 'my-app', clientSecret: 'my-secret', business: 'initech' },
  );
  try {
    const res = await server.call('GET', '/projects?limit=1');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    expect(server.ts.violations()).toEqual([]);
  } finally {
    await server.close();
  }
});

test('--plutio-people grows the default business; lists without limit stop at 100', async () => {
  const s = await startPlutio({ plutioPeople: 150, plutioRateLimit: 0 });
  try {
    expect(s.domain().workspaceFor('acme').count('people')).toBe(150);
    const all = await s.call('GET', '/people?role=client');
    expect(all.body).toHaveLength(100);
    const clients = await s.call('GET', '/people?role=client&limit=1000');
    expect(clients.body.length).toBeGreaterThan(100);
    const globex = await s.tokenFor('globex-client', 'globex-secret');
    const other = await s.call('GET', '/people?limit=1000&role=client', { token: globex, business: 'globex' });
    expect(other.body.length).toBeLessThan(50);
    expect(s.domain().workspaceFor('globex').count('people')).toBeLessThan(150);
    expect(s.ts.violations()).toEqual([]);
  } finally {
    await s.close();
  }
});
