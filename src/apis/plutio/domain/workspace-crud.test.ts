import { expect, test } from 'vitest';
import { createPlutioDomain } from './domain.js';
import { PlutioError } from './errors.js';
import { isMeteorId } from './ids.js';
import type { JsonObject } from './json.js';

const NOW = new Date('2022-09-02T10:00:00.000Z');
const workspace = () => createPlutioDomain({ clock: () => NOW }).workspaceFor('acme');

function errorOf(fn: () => unknown): PlutioError {
  try {
    fn();
  } catch (err) {
    if (err instanceof PlutioError) return err;
    throw err;
  }
  throw new Error('expected a PlutioError');
}

test('create stamps id and audit fields and ignores client-sent ones', () => {
  const ws = workspace();
  const person = ws.create(
    'people',
    {
      _id: 'CLIENTCHOSENID123',
      createdAt: '1999-01-01T00:00:00.000Z',
      businessId: 'other',
      createdBy: 'someone',
      name: { first: 'Leo', last: 'Tolstoy' },
      email: 'leo@example.com',
      invite: false,
    },
    'USERID00000000001',
  );
  expect(isMeteorId(person._id)).toBe(true);
  expect(person._id).not.toBe('CLIENTCHOSENID123');
  expect(person).toMatchObject({
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    createdBy: 'USERID00000000001',
    businessId: ws.businessId,
    role: 'client',
    status: 'active',
    nameSortKey: 'leo tolstoy',
    contactEmails: [{ address: 'leo@example.com', type: 'email' }],
  });
  expect(person).not.toHaveProperty('invite');
  expect(ws.get('people', person._id as string)).toEqual(person);
});

test('update merges nested objects, replaces arrays and returns the full record', () => {
  const ws = workspace();
  const [person] = ws.list('people', { role: 'client', limit: '1' }) as [JsonObject];
  const updated = ws.update('people', { _id: person._id, name: { last: 'Changed' }, tags: ['x'], createdAt: 'nope' });
  expect(updated.name).toEqual({ first: (person.name as JsonObject).first, last: 'Changed' });
  expect(updated.tags).toEqual(['x']);
  expect(updated.createdAt).toBe(person.createdAt);
  expect(updated.updatedAt).toBe(NOW.toISOString());
  expect(updated.contactEmails).toEqual(person.contactEmails);
  expect(updated.nameSortKey).toMatch(/ changed$/);
});

test('writes need _id (400) and a known record (404)', () => {
  const ws = workspace();
  for (const op of ['update', 'remove', 'move', 'copy'] as const) {
    const collection = op === 'update' || op === 'remove' ? 'people' : 'tasks';
    const missing = errorOf(() => ws[op](collection, { title: 'x' }));
    expect(missing.status).toBe(400);
    expect(missing.message).toBe('_id is required.');
    expect(errorOf(() => ws[op](collection, { _id: 'ZZZZZZZZZZZZZZZZZ' })).status).toBe(404);
  }
  expect(errorOf(() => ws.get('people', 'ZZZZZZZZZZZZZZZZZ')).status).toBe(404);
  expect(errorOf(() => ws.create('people', 'not an object')).status).toBe(400);
});

test('operations missing from the v1.8 index answer 403 Method not allowed', () => {
  const ws = workspace();
  const cases: Array<() => unknown> = [
    () => ws.list('roles'),
    () => ws.create('dashboards', { title: 'x' }),
    () => ws.create('businesses', { name: 'x' }),
    () => ws.update('profiles', { _id: 'x' }),
    () => ws.remove('dashboard-data', { _id: 'x' }),
    () => ws.move('people', { _id: 'x' }),
    () => ws.copy('invoices', { _id: 'x' }),
    () => ws.list('wikis'),
  ];
  for (const fn of cases) {
    const err = errorOf(fn);
    expect(err.status).toBe(403);
    expect(err.message).toBe('Method not allowed');
  }
  const role = ws.create('roles', { title: 'Auditor', permissions: ['invoices.view'] });
  expect(ws.update('roles', { _id: role._id, title: 'Auditors' }).title).toBe('Auditors');
  expect(ws.update('dashboards', { _id: ws.list('dashboards')[0]?._id, title: 'Home' }).title).toBe('Home');
});

test('reads return copies', () => {
  const ws = workspace();
  const [company] = ws.list('companies', { limit: '1' }) as [JsonObject];
  company.title = 'mutated';
  (company.people as JsonObject[]).length = 0;
  const again = ws.get('companies', company._id as string);
  expect(again.title).not.toBe('mutated');
  expect((again.people as JsonObject[]).length).toBeGreaterThan(0);
});

test('list applies filters with coercion, q, skip and limit', () => {
  const ws = workspace();
  const active = ws.list('people', { isOnboarded: 'true' });
  expect(active.length).toBeGreaterThan(0);
  expect(active.every((p) => p.isOnboarded === true)).toBe(true);
  const tasks = ws.list('tasks', { taskId: '3' });
  expect(tasks.map((t) => t.taskId)).toEqual([3]);
  const owner = active[0] as JsonObject;
  const email = (owner.contactEmails as JsonObject[])[0]?.address as string;
  const byEmail = ws.list('people', { 'contactEmails.address': email });
  expect(byEmail.map((p) => p._id)).toEqual([active[0]?._id]);
  const all = ws.list('tasks', { limit: '1000' });
  expect(ws.list('tasks', { skip: '5', limit: '3' }).map((t) => t._id)).toEqual(all.slice(5, 8).map((t) => t._id));
  const q = JSON.stringify({ $or: [{ status: 'completed' }, { taskId: { $lte: 2 } }] });
  expect(ws.list('tasks', { q, limit: '1000' })).toEqual(
    all.filter((t) => t.status === 'completed' || (t.taskId as number) <= 2),
  );
  expect(errorOf(() => ws.list('tasks', { q: '{"$where":"1"}' })).message).toBe('Unsupported query operator: $where.');
  expect(errorOf(() => ws.list('tasks', { limit: '-1' })).status).toBe(400);
});

test('an _id filter is a direct lookup and can be combined with other filters', () => {
  const ws = workspace();
  const [task] = ws.list('tasks', { limit: '1' }) as [JsonObject];
  expect(ws.list('tasks', { _id: task._id as string })).toEqual([task]);
  expect(ws.list('tasks', { _id: task._id as string, title: 'no such title' })).toEqual([]);
  expect(ws.list('tasks', { _id: 'ZZZZZZZZZZZZZZZZZ' })).toEqual([]);
  expect(ws.read('tasks', { _id: task._id as string })).toEqual(task);
  expect(Array.isArray(ws.read('tasks', { limit: '2' }))).toBe(true);
  expect(() => ws.read('tasks', { _id: 'ZZZZZZZZZZZZZZZZZ' })).toThrow('Record ZZZZZZZZZZZZZZZZZ not found in tasks.');
});

test('comments are listed by _id or by entityType and entityId only', () => {
  const ws = workspace();
  const err = errorOf(() => ws.list('comments'));
  expect(err.status).toBe(400);
  expect(errorOf(() => ws.list('comments', { entityType: 'task' })).status).toBe(400);
  const [task] = ws.list('tasks', { limit: '1' }) as [JsonObject];
  const comment = ws.create('comments', { entityType: 'task', entityId: task._id, bodyPlain: 'Hi' });
  expect(ws.list('comments', { entityType: 'task', entityId: task._id as string }).map((c) => c._id)).toContain(
    comment._id,
  );
  expect(ws.list('comments', { _id: comment._id as string })).toHaveLength(1);
  expect(errorOf(() => ws.create('comments', { bodyPlain: 'orphan' })).message).toBe('entityType is required.');
  expect(errorOf(() => ws.create('comments', { entityType: 'invoice', entityId: task._id })).status).toBe(400);
  expect(errorOf(() => ws.create('comments', { entityType: 'task', entityId: 'ZZZZZZZZZZZZZZZZZ' })).status).toBe(400);
});
