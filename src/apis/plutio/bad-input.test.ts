import { afterAll, beforeAll, expect, test } from 'vitest';
import { dereference, listOperations, loadBundledSpec } from '../../spec/load.js';
import { type PlutioTestServer, startPlutio } from './test-support.js';

let s: PlutioTestServer;
beforeAll(async () => {
  s = await startPlutio({ plutioRateLimit: 0 });
});
afterAll(async () => {
  expect(s.ts.violations()).toEqual([]);
  await s.close();
});

type Schema = Record<string, unknown>;

const writes = listOperations(dereference(loadBundledSpec('plutio'))).filter(
  (op) => op.method !== 'GET' && op.operationId !== 'generateAccessToken',
);
const addressed = writes.filter((op) => op.method !== 'POST' || /\/(move|copy)$/.test(op.path));
const sample = 'aP7sCAturRLp6KJAv';

/** The first string-typed property of a (possibly allOf-composed) object schema. */
function stringProperty(schema: Schema): string | undefined {
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const own = Object.keys(props).find((k) => k !== '_id' && props[k]?.type === 'string' && !props[k]?.format);
  return own ?? ((schema.allOf ?? []) as Schema[]).map(stringProperty).find((p) => p !== undefined);
}

const JSON_UTF8 = 'application/json; charset=utf-8';

test('the document has 110 writes, 79 of them addressing a record by _id', () => {
  expect(writes.length).toBe(110);
  expect(addressed.length).toBe(79);
});

test.each(writes.map((op) => [op.method, op.path] as const))(
  'malformed JSON to %s %s is 400 JSON, never 500',
  async (method, path) => {
    const res = await s.call(method, path, { raw: '{"_id": "aP7sCAturRLp6KJAv",' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe(JSON_UTF8);
    expect(res.body).toEqual({ statusCode: 400, code: 400, message: 'Request body is not valid JSON' });
  },
);

test.each(writes.map((op) => [op.method, op.path, op] as const))(
  'a wrong type in %s %s is 400 naming the field',
  async (method, path, op) => {
    const schema = op.operation.requestBody.content['application/json'].schema as Schema;
    const field = stringProperty(schema);
    if (!field) {
      const res = await s.call(method, path, { body: { _id: 42 } });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('_id must be a string.');
      return;
    }
    const res = await s.call(method, path, { body: { _id: sample, [field]: 12345 } });
    expect(res.status, res.text).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, code: 400, message: `${field} must be a string.` });
  },
);

test.each(addressed.map((op) => [op.method, op.path] as const))(
  '%s %s without _id is 400 "_id is required."',
  async (method, path) => {
    const empty = await s.call(method, path, { body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ statusCode: 400, code: 400, message: '_id is required.' });
    const none = await s.call(method, path);
    expect(none.status).toBe(400);
    expect(none.body.message).toBe('_id is required.');
  },
);

test('a body that is not an object is 400', async () => {
  for (const raw of ['[]', '"text"', '42', 'null']) {
    const res = await s.call('POST', '/projects', { raw });
    expect(res.status, raw).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 400, message: expect.any(String) });
  }
  expect((await s.call('POST', '/projects')).body.message).toBe('Request body must be a JSON object.');
});

test('nested fields and array items are named by their path', async () => {
  const person = await s.call('POST', '/people', { body: { name: { first: 7 }, role: 'client' } });
  expect(person.body.message).toBe('name.first must be a string.');
  const emails = await s.call('POST', '/people', {
    body: { name: { first: 'Jo' }, role: 'client', contactEmails: [{ address: 'jo@example.com' }, 'x'] },
  });
  expect(emails.status).toBe(400);
  expect(emails.body.message).toMatch(/^contactEmails\[1\]/);
  const missing = await s.call('POST', '/people', { body: { name: { first: 'Jo' } } });
  expect(missing.body.message).toBe('role is required.');
});

test('a JSON body without Content-Type is read as JSON', async () => {
  const res = await fetch(`${s.base}/projects`, {
    method: 'POST',
    headers: { authorization: `Bearer ${s.token}`, business: 'acme' },
    body: JSON.stringify({ name: 'No content type' }),
  });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { name: string }).name).toBe('No content type');
});

test('a body over the size limit is a JSON 413', async () => {
  const res = await s.call('POST', '/notes', { raw: JSON.stringify({ title: 'x'.repeat(1_100_000) }) });
  expect(res.status).toBe(413);
  expect(res.headers.get('content-type')).toBe(JSON_UTF8);
  expect(res.body).toEqual({ statusCode: 413, code: 413, message: 'Request entity too large' });
});

test('failed writes change nothing', async () => {
  const state = async () => (await fetch(`${s.ts.url}/__crmkit/state?api=plutio`)).text();
  const before = await state();
  const [group] = (await s.call('GET', '/task-groups?limit=1')).body;
  const attempts = [
    s.call('POST', '/tasks', { body: { title: 'Orphan', taskGroupId: 'zzzzzzzzzzzzzzzzz' } }),
    s.call('POST', '/tasks', { body: { title: 'Bad', taskGroupId: group._id, projectId: 'zzzzzzzzzzzzzzzzz' } }),
    s.call('POST', '/tasks/copy', { body: { _id: 'zzzzzzzzzzzzzzzzz' } }),
    s.call('POST', '/task-groups/copy', { body: { _id: group._id, taskBoardId: 'zzzzzzzzzzzzzzzzz' } }),
    s.call('POST', '/tasks/move', { body: { _id: sample, position: -1 } }),
    s.call('PUT', '/time-tracks', { body: { _id: sample, startedAt: 'yesterday' } }),
    s.call('POST', '/time-tracks', { body: { startedAt: '2022-09-02T10:00:00Z', stoppedAt: '2022-09-01T10:00:00Z' } }),
    s.call('POST', '/files', { body: { title: 'No handle' } }),
    s.call('POST', '/comments', { body: { entityType: 'invoice', entityId: sample, bodyPlain: 'x' } }),
    s.call('DELETE', '/people', { body: { _id: 'zzzzzzzzzzzzzzzzz' } }),
  ];
  for (const res of await Promise.all(attempts)) {
    expect(res.status, res.text).toBeGreaterThanOrEqual(400);
    expect(res.status, res.text).toBeLessThan(500);
  }
  expect(await state()).toBe(before);
});
