import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Json, type PlutioTestServer, startPlutio } from './test-support.js';

let s: PlutioTestServer;
let tasks: Json[];
beforeAll(async () => {
  s = await startPlutio({ plutioRateLimit: 0 });
  tasks = (await s.call('GET', '/tasks?limit=1000')).body;
});
afterAll(async () => {
  expect(s.ts.violations()).toEqual([]);
  await s.close();
});

const ids = (records: Json[]) => records.map((r) => r._id);
const q = (query: unknown) => `q=${encodeURIComponent(JSON.stringify(query))}`;

test('a list is a bare array; skip and limit page it', async () => {
  expect(tasks.length).toBeGreaterThan(20);
  const page = await s.call('GET', '/tasks?skip=5&limit=10');
  expect(page.status).toBe(200);
  expect(ids(page.body)).toEqual(ids(tasks.slice(5, 15)));
  const beyond = await s.call('GET', `/tasks?skip=${tasks.length}`);
  expect(beyond.body).toEqual([]);
});

test('a limit above 1000 is capped, not refused', async () => {
  const res = await s.call('GET', '/tasks?limit=5000');
  expect(res.status).toBe(200);
  expect(res.body).toHaveLength(tasks.length);
});

test('skip and limit that are not non-negative integers are 400 naming the parameter', async () => {
  for (const [query, name] of [
    ['limit=abc', 'limit'],
    ['skip=-1', 'skip'],
    ['limit=2.5', 'limit'],
  ] as const) {
    const res = await s.call('GET', `/tasks?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 400 });
    expect(res.body.message).toContain(name);
  }
});

test('key=value filters match equal fields, array elements and dot paths', async () => {
  const task = tasks.find((t) => Array.isArray(t.assignedTo) && t.assignedTo.length > 0) as Json;
  const person = (task.assignedTo as string[])[0] as string;
  const assigned = await s.call('GET', `/tasks?limit=1000&assignedTo=${person}`);
  expect(ids(assigned.body)).toEqual(ids(tasks.filter((t) => (t.assignedTo as string[]).includes(person))));

  const both = await s.call('GET', `/tasks?limit=1000&taskGroupId=${task.taskGroupId}&status=${task.status}`);
  expect(ids(both.body)).toEqual(
    ids(tasks.filter((t) => t.taskGroupId === task.taskGroupId && t.status === task.status)),
  );

  const people: Json[] = (await s.call('GET', '/people?limit=1000&role=client')).body;
  const first = ((people[0] as Json).name as Json).first as string;
  const named = await s.call('GET', `/people?name.first=${encodeURIComponent(first)}`);
  expect(named.body.length).toBeGreaterThan(0);
  expect(named.body.every((p: Json) => (p.name as Json).first === first)).toBe(true);
});

test('filter values are coerced: numbers and booleans match typed fields', async () => {
  const byNumber = await s.call('GET', `/tasks?taskId=${tasks[3]?.taskId}`);
  expect(ids(byNumber.body)).toEqual([tasks[3]?._id]);
  const projects: Json[] = (await s.call('GET', '/projects?limit=1000')).body;
  const billable = await s.call('GET', '/projects?limit=1000&isBillable=true');
  expect(ids(billable.body)).toEqual(ids(projects.filter((p) => p.isBillable === true)));
});

test('q takes a MongoDB query: $or, $regex with $options, $in, $gte', async () => {
  const [a, b] = tasks;
  const either = await s.call('GET', `/tasks?${q({ $or: [{ _id: a?._id }, { _id: b?._id }] })}`);
  expect(ids(either.body)).toEqual([a?._id, b?._id]);
  const title = String(a?.title);
  const regex = await s.call(
    'GET',
    `/tasks?limit=1000&${q({ title: { $regex: `^${title.slice(0, 4)}`, $options: 'i' } })}`,
  );
  expect(ids(regex.body)).toContain(a?._id);
  expect(regex.body.every((t: Json) => String(t.title).toLowerCase().startsWith(title.slice(0, 4).toLowerCase()))).toBe(
    true,
  );
  const numbers = await s.call(
    'GET',
    `/tasks?limit=1000&${q({ taskId: { $gte: 30 }, status: { $in: ['completed'] } })}`,
  );
  expect(ids(numbers.body)).toEqual(ids(tasks.filter((t) => Number(t.taskId) >= 30 && t.status === 'completed')));
});

test('q combines with basic filters', async () => {
  const task = tasks[0] as Json;
  const res = await s.call('GET', `/tasks?limit=1000&taskGroupId=${task.taskGroupId}&${q({ _id: { $ne: task._id } })}`);
  expect(ids(res.body)).toEqual(ids(tasks.filter((t) => t.taskGroupId === task.taskGroupId && t._id !== task._id)));
});

test('q that runs code, an unknown operator or invalid JSON is 400', async () => {
  for (const query of [
    q({ $where: 'this.title' }),
    q({ title: { $function: {} } }),
    q({ $expr: { $eq: ['$title', 'x'] } }),
    q({ title: { $bogus: 1 } }),
    'q=%7Bnot%20json',
  ]) {
    const res = await s.call('GET', `/tasks?${query}`);
    expect(res.status, query).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.body).toMatchObject({ statusCode: 400, code: 400, message: expect.any(String) });
  }
});

test('a filter key starting with $ is 400', async () => {
  const res = await s.call('GET', '/tasks?$where=1');
  expect(res.status).toBe(400);
});

test('?_id= answers one object, and 404 when nothing has that id (or the other filters exclude it)', async () => {
  const task = tasks[2] as Json;
  const one = await s.call('GET', `/tasks?_id=${task._id}`);
  expect(one.status).toBe(200);
  expect(one.body).toEqual(task);
  const missing = await s.call('GET', '/tasks?_id=zzzzzzzzzzzzzzzzz');
  expect(missing.status).toBe(404);
  expect(missing.body).toMatchObject({ statusCode: 404, code: 404, message: expect.any(String) });
  const malformed = await s.call('GET', '/tasks?_id=not-an-id');
  expect(malformed.status).toBe(404);
  const excluded = await s.call('GET', `/tasks?_id=${task._id}&title=${encodeURIComponent(`${task.title} no`)}`);
  expect(excluded.status).toBe(404);
});

test('comments are listed only by _id or by entityType and entityId', async () => {
  const bare = await s.call('GET', '/comments');
  expect(bare.status).toBe(400);
  expect(bare.body.message).toMatch(/entityType and entityId/);
  expect((await s.call('GET', '/comments?entityType=task')).status).toBe(400);
  const created = await s.call('POST', '/comments', {
    body: { entityType: 'task', entityId: tasks[0]?._id, bodyPlain: 'Looks good' },
  });
  const byParent = await s.call('GET', `/comments?entityType=task&entityId=${tasks[0]?._id}`);
  expect(ids(byParent.body)).toContain(created.body._id);
  const byId = await s.call('GET', `/comments?_id=${created.body._id}`);
  expect(byId.body).toEqual(created.body);
});

test('HEAD is served like GET without a body', async () => {
  const res = await fetch(`${s.base}/tasks?limit=1`, {
    method: 'HEAD',
    headers: { authorization: `Bearer ${s.token}`, business: 'acme' },
  });
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('');
});
