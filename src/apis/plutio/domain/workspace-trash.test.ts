import { expect, test } from 'vitest';
import { createPlutioDomain } from './domain.js';
import type { JsonObject } from './json.js';

const NOW = new Date('2022-09-02T10:00:00.000Z');
const workspace = () => createPlutioDomain({ clock: () => NOW }).workspaceFor('acme');

test('deleting a project moves it and its boards, groups and tasks to the trash bin', () => {
  const ws = workspace();
  const [project] = ws.list('projects', { limit: '1' }) as [JsonObject];
  const pid = project._id as string;
  const boards = ws.list('task-boards', { projectId: pid });
  const groups = ws.list('task-groups', { projectId: pid });
  const tasks = ws.list('tasks', { projectId: pid });
  expect(tasks.length).toBeGreaterThan(0);
  const trashBefore = ws.listTrash().length;

  expect(ws.remove('projects', { _id: pid }, 'DELETER0000000001')._id).toBe(pid);
  expect(ws.list('projects', { _id: pid })).toEqual([]);
  expect(ws.list('task-boards', { projectId: pid })).toEqual([]);
  expect(ws.list('tasks', { projectId: pid })).toEqual([]);

  const trash = ws.listTrash();
  expect(trash).toHaveLength(trashBefore + 1);
  const entry = trash[trash.length - 1] as JsonObject;
  expect(entry).toMatchObject({
    entityType: 'project',
    entityId: pid,
    title: project.name,
    deletedAt: NOW.toISOString(),
    deletedBy: 'DELETER0000000001',
    data: project,
  });
  const children = entry.children as JsonObject[];
  const kinds = (type: string) => children.filter((c) => c.entityType === type).length;
  expect([kinds('task-board'), kinds('task-group'), kinds('task')]).toEqual([
    boards.length,
    groups.length,
    tasks.length,
  ]);
  expect(kinds('comment')).toBeGreaterThan(0);
  expect(children).toHaveLength(boards.length + groups.length + tasks.length + kinds('comment'));
});

test('remaining projects are renumbered after a delete', () => {
  const ws = workspace();
  const before = ws.list('projects');
  ws.remove('projects', before[1]?._id as string);
  expect(ws.list('projects').map((p) => p.position)).toEqual(before.slice(1).map((_, i) => i));
});

test('deleting a wiki takes its entities and their blocks along', () => {
  const ws = workspace();
  const [wiki] = ws.list('wiki', { limit: '1' }) as [JsonObject];
  const pages = ws.list('wiki-entities', { wikiId: wiki._id as string, type: 'page' });
  expect(ws.list('blocks', { entityType: 'wiki-page', entityId: pages[0]?._id as string })).toHaveLength(1);
  ws.remove('wiki', { _id: wiki._id });
  expect(ws.list('wiki-entities', { wikiId: wiki._id as string })).toEqual([]);
  expect(ws.list('blocks', { entityType: 'wiki-page', entityId: pages[0]?._id as string })).toEqual([]);
  const entry = ws.listTrash({ entityId: wiki._id as string })[0] as JsonObject;
  expect(entry.entityType).toBe('wiki');
  expect((entry.children as JsonObject[]).some((c) => c.entityType === 'wiki-page')).toBe(true);
});

test('a person trash entry is titled with the full name; non-content records skip the trash', () => {
  const ws = workspace();
  const [person] = ws.list('people', { role: 'client', limit: '1' }) as [JsonObject];
  ws.remove('people', { _id: person._id });
  const name = person.name as JsonObject;
  expect(ws.listTrash({ entityId: person._id as string })[0]?.title).toBe(`${name.first} ${name.last}`);
  const before = ws.listTrash().length;
  const [category] = ws.list('categories', { limit: '1' }) as [JsonObject];
  ws.remove('categories', { _id: category._id });
  expect(ws.listTrash()).toHaveLength(before);
});

test('DELETE trash-bin purges one entry; an unknown one is 404', () => {
  const ws = workspace();
  const [entry] = ws.listTrash() as [JsonObject];
  expect(ws.purgeTrash({ _id: entry._id })._id).toBe(entry._id);
  expect(ws.listTrash({ _id: entry._id as string })).toEqual([]);
  expect(() => ws.purgeTrash({ _id: entry._id })).toThrow(/not found/);
  expect(() => ws.purgeTrash({})).toThrow('_id is required.');
  expect(() => ws.create('trash-bin', { title: 'x' })).toThrow('Method not allowed');
});
