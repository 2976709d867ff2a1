import { expect, test } from 'vitest';
import { createPlutioDomain } from './domain.js';
import type { JsonObject } from './json.js';
import type { Workspace } from './workspace.js';

const workspace = () => createPlutioDomain().workspaceFor('acme');
const positions = (ws: Workspace, coll: string, key: string, id: unknown) =>
  ws
    .list(coll, { [key]: id as string, limit: '1000' })
    .sort((a, b) => Number(a.position) - Number(b.position))
    .map((r) => r.position);

function boardWithGroups(ws: Workspace): { board: JsonObject; groups: JsonObject[] } {
  const board = ws
    .list('task-boards')
    .find((b) => ws.list('task-groups', { taskBoardId: b._id as string }).length >= 3);
  if (!board) throw new Error('seed has no board with three groups');
  return { board, groups: ws.list('task-groups', { taskBoardId: board._id as string }) };
}

test('a task created with only taskGroupId gets its board and project from the group', () => {
  const ws = workspace();
  const { groups } = boardWithGroups(ws);
  const group = groups[0] as JsonObject;
  const count = ws.list('tasks', { taskGroupId: group._id as string }).length;
  const task = ws.create('tasks', { taskGroupId: group._id, title: 'Write tests' });
  expect(task).toMatchObject({
    taskBoardId: group.taskBoardId,
    projectId: group.projectId,
    status: 'incomplete',
    position: count,
  });
  expect(typeof task.taskId).toBe('number');
  expect(() => ws.create('tasks', { taskGroupId: group._id, taskBoardId: 'ZZZZZZZZZZZZZZZZZ' })).toThrow(
    /does not match/,
  );
  expect(() => ws.create('tasks', { taskGroupId: 'ZZZZZZZZZZZZZZZZZ' })).toThrow(/taskGroupId ZZZZZZZZZZZZZZZZZ/);
  const loose = ws.create('tasks', { title: 'Personal to-do' });
  expect(loose.projectId).toBeUndefined();
});

test('a task group derives its project from the board and requires taskBoardId', () => {
  const ws = workspace();
  const { board } = boardWithGroups(ws);
  expect(ws.create('task-groups', { taskBoardId: board._id, title: 'Blocked' }).projectId).toBe(board.projectId);
  expect(() => ws.create('task-groups', { title: 'Nowhere' })).toThrow('taskBoardId is required.');
});

test('moving a task renumbers the old and the new group', () => {
  const ws = workspace();
  const { groups } = boardWithGroups(ws);
  const [from, to] = groups as [JsonObject, JsonObject];
  for (let i = 0; i < 3; i++) ws.create('tasks', { taskGroupId: from._id, title: `t${i}` });
  const fromTasks = ws
    .list('tasks', { taskGroupId: from._id as string })
    .sort((a, b) => Number(a.position) - Number(b.position));
  const moving = fromTasks[1] as JsonObject;
  const toCount = ws.list('tasks', { taskGroupId: to._id as string }).length;

  const moved = ws.move('tasks', { _id: moving._id, taskGroupId: to._id, position: 0 });
  expect(moved).toMatchObject({
    taskGroupId: to._id,
    taskBoardId: to.taskBoardId,
    projectId: to.projectId,
    position: 0,
  });
  expect(positions(ws, 'tasks', 'taskGroupId', from._id)).toEqual([...Array(fromTasks.length - 1).keys()]);
  expect(positions(ws, 'tasks', 'taskGroupId', to._id)).toEqual([...Array(toCount + 1).keys()]);
  const order = ws
    .list('tasks', { taskGroupId: from._id as string })
    .sort((a, b) => Number(a.position) - Number(b.position));
  expect(order.map((t) => t._id)).toEqual(fromTasks.filter((t) => t._id !== moving._id).map((t) => t._id));
});

test('reordering within a group and a move without position keep positions dense', () => {
  const ws = workspace();
  const { groups } = boardWithGroups(ws);
  const group = groups[0] as JsonObject;
  for (let i = 0; i < 3; i++) ws.create('tasks', { taskGroupId: group._id, title: `r${i}` });
  const ordered = () =>
    ws.list('tasks', { taskGroupId: group._id as string }).sort((a, b) => Number(a.position) - Number(b.position));
  const before = ordered();
  const last = before[before.length - 1] as JsonObject;
  ws.move('tasks', { _id: last._id, index: 0 });
  const after = ordered();
  expect(after.map((t) => t._id)).toEqual([last._id, ...before.slice(0, -1).map((t) => t._id)]);
  expect(after.map((t) => t.position)).toEqual([...before.keys()]);
  expect(ws.move('tasks', { _id: last._id }).position).toBe(0);
  expect(() => ws.move('tasks', { _id: last._id, position: -1 })).toThrow('position must be a non-negative integer.');
});

test('moving a task group to another board brings its tasks along', () => {
  const ws = workspace();
  const { board, groups } = boardWithGroups(ws);
  const other = ws.list('task-boards').find((b) => b.projectId !== board.projectId) as JsonObject;
  const group = groups[0] as JsonObject;
  ws.create('tasks', { taskGroupId: group._id, title: 'follows the group' });
  const moved = ws.move('task-groups', { _id: group._id, taskBoardId: other._id, position: 0 });
  expect(moved).toMatchObject({ taskBoardId: other._id, projectId: other.projectId, position: 0 });
  for (const t of ws.list('tasks', { taskGroupId: group._id as string })) {
    expect(t).toMatchObject({ taskBoardId: other._id, projectId: other.projectId });
  }
  expect(positions(ws, 'task-groups', 'taskBoardId', board._id)).toEqual([...Array(groups.length - 1).keys()]);
});

test('updating a task taskGroupId moves it to the end of the new group', () => {
  const ws = workspace();
  const { groups } = boardWithGroups(ws);
  const [a, b] = groups as [JsonObject, JsonObject];
  const task = ws.create('tasks', { taskGroupId: a._id, title: 'via PUT' });
  const count = ws.list('tasks', { taskGroupId: b._id as string }).length;
  expect(ws.update('tasks', { _id: task._id, taskGroupId: b._id }).position).toBe(count);
  expect(positions(ws, 'tasks', 'taskGroupId', a._id)).toEqual([
    ...Array(ws.list('tasks', { taskGroupId: a._id as string }).length).keys(),
  ]);
});

test('copying a project copies boards, groups and tasks with new ids and remapped relations', () => {
  const ws = workspace();
  const [project] = ws.list('projects', { limit: '1' }) as [JsonObject];
  const pid = project._id as string;
  const counts = ['task-boards', 'task-groups', 'tasks'].map((c) => ws.list(c, { projectId: pid }).length);
  const copy = ws.copy('projects', { _id: pid });
  expect(copy._id).not.toBe(pid);
  expect(copy.name).toBe(project.name);
  expect(copy.position).toBe(ws.list('projects').length - 1);
  const cid = copy._id as string;
  expect(['task-boards', 'task-groups', 'tasks'].map((c) => ws.list(c, { projectId: cid }).length)).toEqual(counts);
  const newBoards = new Set(ws.list('task-boards', { projectId: cid }).map((b) => b._id));
  const newGroups = ws.list('task-groups', { projectId: cid });
  expect(newGroups.every((g) => newBoards.has(g.taskBoardId))).toBe(true);
  const groupIds = new Set(newGroups.map((g) => g._id));
  const newTasks = ws.list('tasks', { projectId: cid });
  expect(newTasks.every((t) => groupIds.has(t.taskGroupId) && newBoards.has(t.taskBoardId))).toBe(true);
  const oldTaskNumbers = new Set(ws.list('tasks', { projectId: pid }).map((t) => t.taskId));
  expect(newTasks.some((t) => oldTaskNumbers.has(t.taskId))).toBe(false);
  expect(ws.list('tasks', { projectId: pid })).toHaveLength(counts[2] as number);
});

test('copying a task group to another board at a position', () => {
  const ws = workspace();
  const { board, groups } = boardWithGroups(ws);
  const other = ws.list('task-boards').find((b) => b._id !== board._id) as JsonObject;
  const source = groups[1] as JsonObject;
  const taskCount = ws.list('tasks', { taskGroupId: source._id as string }).length;
  const copy = ws.copy('task-groups', { _id: source._id, taskBoardId: other._id, position: 0 });
  expect(copy).toMatchObject({ title: source.title, taskBoardId: other._id, projectId: other.projectId, position: 0 });
  const copied = ws.list('tasks', { taskGroupId: copy._id as string });
  expect(copied).toHaveLength(taskCount);
  expect(copied.every((t) => t.taskBoardId === other._id && t.projectId === other.projectId)).toBe(true);
  expect(positions(ws, 'task-groups', 'taskBoardId', other._id)).toEqual([
    ...Array(ws.list('task-groups', { taskBoardId: other._id as string }).length).keys(),
  ]);
});

test('copying a task keeps its title and goes to the end of the target group', () => {
  const ws = workspace();
  const { groups } = boardWithGroups(ws);
  const [task] = ws.list('tasks', { taskGroupId: groups[0]?._id as string }) as [JsonObject];
  const target = groups[2] as JsonObject;
  const end = ws.list('tasks', { taskGroupId: target._id as string }).length;
  const copy = ws.copy('tasks', { _id: task._id, taskGroupId: target._id });
  expect(copy).toMatchObject({ title: task.title, taskGroupId: target._id, position: end });
  expect(copy._id).not.toBe(task._id);
});

test('copying a form copies its blocks; wiki entities and folders refuse cycles', () => {
  const ws = workspace();
  const [form] = ws.list('forms', { limit: '1' }) as [JsonObject];
  const copy = ws.copy('forms', { _id: form._id });
  expect(copy.title).toBe(form.title);
  expect(ws.list('blocks', { entityType: 'form', entityId: copy._id as string })).toHaveLength(
    ws.list('blocks', { entityType: 'form', entityId: form._id as string }).length,
  );
  const category = ws.list('wiki-entities', { type: 'category' })[0] as JsonObject;
  const child = ws.list('wiki-entities', { parentId: category._id as string })[0] as JsonObject;
  expect(() => ws.move('wiki-entities', { _id: category._id, parentId: child._id })).toThrow(/under itself/);
  expect(() => ws.update('wiki-entities', { _id: category._id, parentId: child._id })).toThrow(/under itself/);
  const moved = ws.move('wiki-entities', { _id: child._id, parentId: category.wikiId, position: 0 });
  expect(moved).toMatchObject({ parentId: category.wikiId, position: 0 });
  const [folder] = ws.list('file-folders', { title: 'Design assets' }) as [JsonObject];
  const sub = ws.list('file-folders', { parentFolderId: folder._id as string })[0] as JsonObject;
  expect(() => ws.move('file-folders', { _id: folder._id, parentFolderId: sub._id })).toThrow(/under itself/);
  expect(() => ws.update('file-folders', { _id: folder._id, parentFolderId: folder._id })).toThrow(/under itself/);
  const [file] = ws.list('files', { folderId: folder._id as string }) as [JsonObject];
  expect(ws.move('files', { _id: file._id, folderId: sub._id }).folderId).toBe(sub._id);
});
