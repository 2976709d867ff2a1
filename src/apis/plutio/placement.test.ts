import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Json, type PlutioTestServer, startPlutio } from './test-support.js';

let s: PlutioTestServer;
beforeAll(async () => {
  s = await startPlutio({ plutioRateLimit: 0 });
});
afterAll(async () => {
  expect(s.ts.violations()).toEqual([]);
  await s.close();
});

const list = async (path: string): Promise<Json[]> => {
  const res = await s.call('GET', path);
  expect(res.status, res.text).toBe(200);
  return res.body;
};
const positions = (records: Json[]) => records.map((r) => r.position).sort((a, b) => Number(a) - Number(b));
const ids = (records: Json[]) => records.map((r) => r._id);
const byPosition = (records: Json[]) => [...records].sort((a, b) => Number(a.position) - Number(b.position));

/** A fresh board with two groups of three tasks each. */
async function board(): Promise<{ boardId: string; groups: string[]; tasks: string[][] }> {
  const [project] = await list('/projects?limit=1');
  const created = await s.call('POST', '/task-boards', { body: { title: 'Moves', projectId: project?._id } });
  const boardId = created.body._id as string;
  const groups: string[] = [];
  const tasks: string[][] = [];
  for (const title of ['Left', 'Right']) {
    const group = await s.call('POST', '/task-groups', { body: { title, taskBoardId: boardId } });
    groups.push(group.body._id);
    const inGroup: string[] = [];
    for (let i = 0; i < 3; i++) {
      const task = await s.call('POST', '/tasks', { body: { title: `${title} ${i}`, taskGroupId: group.body._id } });
      expect(task.body).toMatchObject({ position: i, taskBoardId: boardId, projectId: project?._id });
      inGroup.push(task.body._id);
    }
    tasks.push(inGroup);
  }
  return { boardId, groups, tasks };
}

test('a task moved to another group takes the position asked for; both groups stay numbered 0..n-1', async () => {
  const { groups, tasks } = await board();
  const [left, right] = groups as [string, string];
  const moving = tasks[0]?.[1] as string;
  const moved = await s.call('POST', '/tasks/move', { body: { _id: moving, taskGroupId: right, position: 1 } });
  expect(moved.status, moved.text).toBe(200);
  expect(moved.body).toMatchObject({ _id: moving, taskGroupId: right, position: 1 });
  const leftTasks = await list(`/tasks?taskGroupId=${left}`);
  const rightTasks = await list(`/tasks?taskGroupId=${right}`);
  expect(positions(leftTasks)).toEqual([0, 1]);
  expect(positions(rightTasks)).toEqual([0, 1, 2, 3]);
  expect(ids(byPosition(leftTasks))).toEqual([tasks[0]?.[0], tasks[0]?.[2]]);
  expect(ids(byPosition(rightTasks))).toEqual([tasks[1]?.[0], moving, tasks[1]?.[1], tasks[1]?.[2]]);
});

test('a task moved within its group reorders it', async () => {
  const { groups, tasks } = await board();
  const [a, b, c] = tasks[0] as [string, string, string];
  await s.call('POST', '/tasks/move', { body: { _id: c, position: 0 } });
  expect(ids(byPosition(await list(`/tasks?taskGroupId=${groups[0]}`)))).toEqual([c, a, b]);
});

test('a task group moved to another board brings its tasks along', async () => {
  const first = await board();
  const second = await board();
  const group = first.groups[0] as string;
  const moved = await s.call('POST', '/task-groups/move', {
    body: { _id: group, taskBoardId: second.boardId, position: 0 },
  });
  expect(moved.body).toMatchObject({ taskBoardId: second.boardId, position: 0 });
  expect(positions(await list(`/task-groups?taskBoardId=${second.boardId}`))).toEqual([0, 1, 2]);
  expect(positions(await list(`/task-groups?taskBoardId=${first.boardId}`))).toEqual([0]);
  const tasks = await list(`/tasks?taskGroupId=${group}`);
  expect(tasks.every((t) => t.taskBoardId === second.boardId)).toBe(true);
});

test('a board copy copies its groups and tasks with new ids; the original is untouched', async () => {
  const { boardId, groups, tasks } = await board();
  const copy = await s.call('POST', '/task-boards/copy', { body: { _id: boardId } });
  expect(copy.status, copy.text).toBe(200);
  const newBoard = copy.body._id as string;
  expect(newBoard).not.toBe(boardId);
  expect(copy.body.title).toBe('Moves');
  const newGroups = await list(`/task-groups?taskBoardId=${newBoard}`);
  expect(newGroups.map((g) => g.title).sort()).toEqual(['Left', 'Right']);
  expect(newGroups.some((g) => groups.includes(g._id as string))).toBe(false);
  const newTasks = await list(`/tasks?taskBoardId=${newBoard}`);
  expect(newTasks).toHaveLength(6);
  expect(newTasks.some((t) => tasks.flat().includes(t._id as string))).toBe(false);
  expect(newTasks.every((t) => ids(newGroups).includes(t.taskGroupId))).toBe(true);
  expect(await list(`/tasks?taskBoardId=${boardId}`)).toHaveLength(6);
});

test('a task copy lands in the target group with a new task number', async () => {
  const { groups, tasks } = await board();
  const source = (await s.call('GET', `/tasks?_id=${tasks[0]?.[0]}`)).body;
  const copy = await s.call('POST', '/tasks/copy', { body: { _id: source._id, taskGroupId: groups[1], position: 0 } });
  expect(copy.body).toMatchObject({ title: source.title, taskGroupId: groups[1], position: 0 });
  expect(copy.body._id).not.toBe(source._id);
  expect(copy.body.taskId).not.toBe(source.taskId);
  expect(positions(await list(`/tasks?taskGroupId=${groups[1]}`))).toEqual([0, 1, 2, 3]);
});

test('project, status, file, folder and wiki page moves; a form copy', async () => {
  const projects = await list('/projects?limit=1000');
  const last = projects[projects.length - 1] as Json;
  expect((await s.call('POST', '/projects/move', { body: { _id: last._id, position: 0 } })).body.position).toBe(0);
  expect(positions(await list('/projects?limit=1000'))).toEqual(projects.map((_, i) => i));

  const status = await s.call('POST', '/statuses', { body: { title: 'Late', entityType: 'project' } });
  expect((await s.call('POST', '/statuses/move', { body: { _id: status.body._id, position: 0 } })).body.position).toBe(
    0,
  );

  const folder = await s.call('POST', '/file-folders', { body: { title: 'Contracts' } });
  const file = await s.call('POST', '/files', { body: { title: 'Signed.pdf', handle: 'Qm7pX2v' } });
  const moved = await s.call('POST', '/files/move', { body: { _id: file.body._id, folderId: folder.body._id } });
  expect(moved.body).toMatchObject({ folderId: folder.body._id, position: 0 });
  const sub = await s.call('POST', '/file-folders', { body: { title: 'Old' } });
  const nested = await s.call('POST', '/file-folders/move', {
    body: { _id: sub.body._id, parentFolderId: folder.body._id },
  });
  expect(nested.body.parentFolderId).toBe(folder.body._id);
  const cycle = await s.call('POST', '/file-folders/move', {
    body: { _id: folder.body._id, parentFolderId: sub.body._id },
  });
  expect(cycle.status).toBe(400);

  const wiki = await s.call('POST', '/wiki', { body: { title: 'Handbook' } });
  const category = await s.call('POST', '/wiki-entities', {
    body: { title: 'Guides', wikiId: wiki.body._id, type: 'category' },
  });
  const page = await s.call('POST', '/wiki-entities', { body: { title: 'Onboarding', wikiId: wiki.body._id } });
  const movedPage = await s.call('POST', '/wiki-entities/move', {
    body: { _id: page.body._id, parentId: category.body._id, position: 0 },
  });
  expect(movedPage.body).toMatchObject({ parentId: category.body._id, position: 0 });

  const [form] = await list('/forms?status=draft');
  const copied = await s.call('POST', '/forms/copy', { body: { _id: form?._id } });
  expect(copied.body).toMatchObject({ title: form?.title });
  expect(copied.body._id).not.toBe(form?._id);
  const blocks = await list(`/blocks?entityType=form&entityId=${copied.body._id}`);
  expect(blocks.length).toBe((await list(`/blocks?entityType=form&entityId=${form?._id}`)).length);
});

test('delete goes to the trash bin with what went with it; purging removes the entry for good', async () => {
  const { groups, tasks } = await board();
  const group = groups[0] as string;
  const removed = await s.call('DELETE', '/task-groups', { body: { _id: group } });
  expect(removed.status).toBe(200);
  expect(await list(`/tasks?taskGroupId=${group}`)).toEqual([]);
  for (const id of tasks[0] ?? []) expect((await s.call('GET', `/tasks?_id=${id}`)).status).toBe(404);
  const [entry] = await list(`/trash-bin?entityId=${group}`);
  expect(entry).toMatchObject({ entityType: 'task-group', entityId: group, title: 'Left' });
  expect((entry as Json).children).toHaveLength(3);
  const purged = await s.call('DELETE', '/trash-bin', { body: { _id: entry?._id } });
  expect(purged.status).toBe(200);
  expect(await list(`/trash-bin?entityId=${group}`)).toEqual([]);
  expect((await s.call('DELETE', '/trash-bin', { body: { _id: entry?._id } })).status).toBe(404);
});

test('records without a trash bin (time tracks, comments) are removed outright', async () => {
  const track = await s.call('POST', '/time-tracks', { body: { title: 'Call', time: 600 } });
  await s.call('DELETE', '/time-tracks', { body: { _id: track.body._id } });
  expect(await list(`/trash-bin?entityId=${track.body._id}`)).toEqual([]);
});
