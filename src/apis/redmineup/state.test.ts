import { expect, test } from 'vitest';
import { createRedmineUpModule } from './index.js';

const build = (seed: number) => createRedmineUpModule({ seed, basePath: '/redmineup' });

test('the same seed gives the same CRM data; another seed different names and values', () => {
  const a = JSON.stringify(build(7).exportState());
  const b = JSON.stringify(build(7).exportState());
  const c = JSON.stringify(build(8).exportState());
  expect(a).toBe(b);
  expect(c).not.toBe(a);
});

test('the seed has dozens of contacts, notes and deals, tags, statuses and linked issues', () => {
  const { state } = build(3);
  expect(state.contacts.size).toBeGreaterThanOrEqual(36);
  expect(state.notes.size).toBeGreaterThanOrEqual(36);
  expect(state.deals.size).toBeGreaterThanOrEqual(15);
  expect(state.tags.size).toBeGreaterThanOrEqual(5);
  expect(state.dealStatuses.size).toBe(5);
  expect(state.issues.size).toBeGreaterThan(0);
  expect(state.contacts.all((c) => c.avatar_attachment_id !== null).length).toBeGreaterThan(0);
  for (const c of state.contacts.all()) expect(c.project_ids.length).toBeGreaterThan(0);
  for (const d of state.deals.all()) expect(state.dealStatuses.get(d.status_id)).toBeDefined();
});

test('the CRM permissions are granted to member roles only', () => {
  const { state } = build(1);
  const perms = (name: string) => state.roles.find((r) => r.name === name)?.permissions ?? [];
  expect(perms('Manager')).toEqual(expect.arrayContaining(['view_contacts', 'delete_contacts', 'delete_deals']));
  expect(perms('Developer')).toEqual(expect.arrayContaining(['add_contacts', 'edit_own_notes']));
  expect(perms('Developer')).not.toContain('delete_contacts');
  expect(perms('Non member')).not.toContain('view_contacts');
  expect(perms('Anonymous')).not.toContain('view_contacts');
});

test('export and import round-trip every CRM collection; reset restores the seed', () => {
  const module = build(5);
  const seeded = JSON.stringify(module.exportState());
  const snapshot = JSON.parse(seeded) as Record<string, unknown>;
  for (const name of [
    'contacts',
    'contact_tags',
    'notes',
    'deals',
    'deal_statuses',
    'deal_categories',
    'contact_issues',
  ]) {
    expect(snapshot).toHaveProperty(name);
  }
  module.state.transaction(() => module.state.removeContact(1));
  module.state.deals.remove(1);
  expect(JSON.stringify(module.exportState())).not.toBe(seeded);
  module.importState(snapshot);
  expect(JSON.stringify(module.exportState())).toBe(seeded);
  module.state.notes.remove(1);
  module.reset();
  expect(JSON.stringify(module.exportState())).toBe(seeded);
});

test('a malformed snapshot is refused and changes nothing', () => {
  const module = build(5);
  const before = JSON.stringify(module.exportState());
  expect(() => module.importState({ contacts: { nextId: 1, items: ['not a record'] } })).toThrow();
  expect(() => module.importState({ no_such_collection: { nextId: 1, items: [] } })).toThrow();
  expect(JSON.stringify(module.exportState())).toBe(before);
});

test('the module serves the redmineup document at /redmineup with the family conventions', () => {
  const module = build(1);
  expect([module.id, module.basePath, module.bodyPolicy.fallback]).toEqual(['redmineup', '/redmineup', 'form']);
  expect(Object.keys(module.handlers)).toHaveLength(44);
  expect(module.startupInfo().join('\n')).toContain('jsmith');
});

test('an import checks every CRM record: a contact without projects, a note of an unknown type, a bad price', () => {
  const { state } = build(3);
  const before = JSON.stringify(state.export());
  const bad = (collection: string, patch: Record<string, unknown>) => {
    const snapshot = JSON.parse(before);
    Object.assign(snapshot[collection].items[0], patch);
    return () => state.import(snapshot);
  };
  expect(bad('contacts', { project_ids: [] })).toThrow(
    'collection "contacts", record 0 (id 1): field "project_ids" must NOT have fewer than 1 items',
  );
  expect(bad('notes', { type_id: 7 })).toThrow(
    'collection "notes", record 0 (id 1): field "type_id" must be one of 0, 1, 2, null',
  );
  expect(bad('deals', { price: 'a lot' })).toThrow('field "price" must match pattern');
  expect(bad('contacts', { address: { street1: 'x' } })).toThrow('fields "address.street2", "address.city"');
  expect(JSON.stringify(state.export())).toBe(before);
});
