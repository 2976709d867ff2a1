import { expect, test } from 'vitest';
import { createPlutioDomain } from './domain.js';
import type { JsonObject } from './json.js';
import type { Workspace } from './workspace.js';

const workspace = () => createPlutioDomain({ clock: () => new Date('2022-09-03T00:00:00.000Z') }).workspaceFor('acme');

function expectUnchanged(ws: Workspace, failing: () => unknown, message: RegExp | string): void {
  const before = ws.exportState();
  expect(failing).toThrow(message);
  expect(ws.exportState()).toEqual(before);
}

test('failing creates change nothing, not even the id sequence or counters', () => {
  const ws = workspace();
  expectUnchanged(
    ws,
    () => ws.create('invoices', { items: [{ quantity: 1, amount: 'x' }] }),
    /amount must be a number/,
  );
  expectUnchanged(ws, () => ws.create('tasks', { taskGroupId: 'ZZZZZZZZZZZZZZZZZ' }), /taskGroupId/);
  expectUnchanged(ws, () => ws.create('comments', { entityType: 'task' }), /entityId is required/);
  const fresh = workspace();
  expect(ws.create('notes', { title: 'same id' })._id).toBe(fresh.create('notes', { title: 'same id' })._id);
});

test('failing moves change nothing', () => {
  const ws = workspace();
  const task = ws.list('tasks', { limit: '1' })[0] as JsonObject;
  const category = ws.list('wiki-entities', { type: 'category' })[0] as JsonObject;
  const child = ws.list('wiki-entities', { parentId: category._id as string })[0] as JsonObject;
  expectUnchanged(
    ws,
    () => ws.move('tasks', { _id: task._id, taskGroupId: 'ZZZZZZZZZZZZZZZZZ', position: 0 }),
    /taskGroupId/,
  );
  expectUnchanged(ws, () => ws.move('tasks', { _id: task._id, position: 1.5 }), /position/);
  expectUnchanged(ws, () => ws.move('wiki-entities', { _id: category._id, parentId: child._id }), /under itself/);
  expectUnchanged(ws, () => ws.move('task-groups', { _id: task.taskGroupId, taskBoardId: null }), /taskBoardId/);
});

test('a copy that fails after staging part of the tree changes nothing', () => {
  const ws = workspace();
  const project = ws.list('projects', { limit: '1' })[0] as JsonObject;
  const snapshot = ws.exportState();
  const tasks = snapshot.collections.tasks as JsonObject[];
  const broken = tasks.filter((t) => t.projectId === project._id);
  const last = broken[broken.length - 1] as JsonObject;
  last.taskGroupId = 'ZZZZZZZZZZZZZZZZZ';
  ws.importState(snapshot);
  expectUnchanged(ws, () => ws.copy('projects', { _id: project._id }), /taskGroupId ZZZZZZZZZZZZZZZZZ/);
  expect(ws.list('projects')).toHaveLength((snapshot.collections.projects as JsonObject[]).length);
});

test('failing updates and deletes change nothing', () => {
  const ws = workspace();
  const track = ws.list('time-tracks', { limit: '1' })[0] as JsonObject;
  expectUnchanged(ws, () => ws.update('time-tracks', { _id: track._id, stoppedAt: 'not a date' }), /ISO 8601/);
  expectUnchanged(ws, () => ws.update('people', { _id: 'ZZZZZZZZZZZZZZZZZ', name: { first: 'x' } }), /not found/);
  expectUnchanged(ws, () => ws.remove('projects', {}), '_id is required.');
});

test('a successful write after a failed one behaves as if the failure never happened', () => {
  const a = workspace();
  const b = workspace();
  expect(() => a.create('tasks', { taskGroupId: 'ZZZZZZZZZZZZZZZZZ' })).toThrow();
  const group = a.list('task-groups', { limit: '1' })[0] as JsonObject;
  expect(a.create('tasks', { taskGroupId: group._id, title: 'x' })).toEqual(
    b.create('tasks', { taskGroupId: group._id, title: 'x' }),
  );
});
