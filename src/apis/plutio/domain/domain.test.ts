import { expect, test } from 'vitest';
import { createPlutioDomain } from './domain.js';
import type { JsonObject } from './json.js';

const NOW = new Date('2022-09-01T12:00:00.000Z');
const GRANT = { grant_type: 'client_credentials' };

test('the token app user owns its business workspace', () => {
  const domain = createPlutioDomain({ clock: () => NOW });
  const token = domain.auth.issueToken({ ...GRANT, client_id: 'crmkit-client', client_secret: 'crmkit-secret' }, NOW);
  const acme = domain.workspaceFor('acme');
  expect(acme.ownerUserId).toBe(token.user.id);
  expect(acme.list('profiles', { _id: token.user.id })).toHaveLength(1);
  expect(acme.create('notes', { title: 'x' }).createdBy).toBe(token.user.id);
  const { app, business } = domain.auth.authorize(`Bearer ${token.accessToken}`, 'acme', NOW);
  expect(domain.workspaceFor(business).create('notes', { title: 'y' }, app).createdBy).toBe(app.userId);
});

test('tenants are isolated: acme and globex share no records', () => {
  const domain = createPlutioDomain();
  const acme = domain.workspaceFor('acme');
  const globex = domain.workspaceFor('globex');
  const created = acme.create('people', { name: { first: 'Only', last: 'Acme' } });
  expect(globex.list('people', { _id: created._id as string })).toEqual([]);
  expect(() => globex.get('people', created._id as string)).toThrow(/not found/);
  const globexTask = globex.list('tasks', { limit: '1' })[0] as JsonObject;
  expect(() => acme.update('tasks', { _id: globexTask._id, title: 'hijack' })).toThrow(/not found/);
  expect(() => acme.create('time-tracks', { taskId: globexTask._id })).toThrow(/taskId/);
  expect(globex.get('tasks', globexTask._id as string).title).toBe(globexTask.title);
  expect(acme.businessId).not.toBe(globex.businessId);
  expect(() => domain.workspaceFor('initech')).toThrow('Business initech is not enabled for this client.');
});

test('reset returns every workspace to its seed and clears rate windows', () => {
  const domain = createPlutioDomain({ rateLimit: { limit: 1 } });
  const pristine = domain.exportState();
  domain.workspaceFor('acme').create('notes', { title: 'temporary' });
  domain.rateLimit.consume('crmkit-client', NOW);
  expect(domain.rateLimit.hit('crmkit-client', NOW).allowed).toBe(false);
  domain.reset();
  expect(domain.exportState()).toEqual(pristine);
  expect(domain.rateLimit.hit('crmkit-client', NOW).allowed).toBe(true);
});

test('exportState and importState round-trip, and a bad snapshot changes nothing', () => {
  const domain = createPlutioDomain();
  domain.workspaceFor('globex').create('notes', { title: 'kept' });
  const saved = JSON.parse(JSON.stringify(domain.exportState()));
  const other = createPlutioDomain();
  other.importState(saved);
  expect(other.exportState()).toEqual(saved);
  expect(other.workspaceFor('globex').list('notes', { title: 'kept' })).toHaveLength(1);
  const next = other.workspaceFor('globex').create('notes', { title: 'after import' });
  expect(domain.workspaceFor('globex').create('notes', { title: 'after import' })._id).toBe(next._id);

  const before = other.exportState();
  expect(() => other.importState({ version: 1, workspaces: { acme: saved.workspaces.acme, nope: {} } })).toThrow(
    /unknown business/,
  );
  expect(() => other.importState({ version: 1, workspaces: { acme: saved.workspaces.globex } })).toThrow(
    /another business/,
  );
  expect(() => other.importState({ version: 2 })).toThrow();
  expect(other.exportState()).toEqual(before);
});

test('the seed option changes every workspace and the people option grows people', () => {
  const a = createPlutioDomain({ seed: 5 }).exportState();
  const b = createPlutioDomain({ seed: 5 }).exportState();
  const c = createPlutioDomain({ seed: 6 }).exportState();
  expect(a).toEqual(b);
  expect(a.workspaces.acme?.businessId).not.toBe(c.workspaces.acme?.businessId);
  const grown = createPlutioDomain({ people: { acme: 500 } });
  expect(grown.workspaceFor('acme').count('people')).toBe(500);
  expect(grown.workspaceFor('globex').count('people')).toBeLessThan(50);
});

test('custom apps define the businesses', () => {
  const domain = createPlutioDomain({ apps: [{ clientId: 'a', clientSecret: 'b', businesses: ['Initech'] }] });
  expect(domain.businesses).toEqual(['initech']);
  expect(domain.workspaceFor('initech').count('people')).toBeGreaterThan(0);
  expect(() => domain.workspaceFor('acme')).toThrow(/not enabled/);
});
