import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../app/test-server.js';
import { NOT_ACCEPTABLE_TEXT } from '../../redmine-family/error-pages.js';
import { familyClient } from '../../redmine-family/test-client.js';

let t: TestServer;
let call: ReturnType<typeof familyClient>;

beforeAll(async () => {
  t = await startTestServer({ apis: ['redmine'], bodyLimit: 2048 });
  call = familyClient(t.api('redmine'));
});
afterAll(async () => {
  expect(t.violations()).toEqual([]);
  await t.close();
});

test('.json and .xml suffixes choose the format', async () => {
  expect((await call('GET', '/enumerations/issue_priorities.json')).headers.get('content-type')).toBe(
    'application/json; charset=utf-8',
  );
  const xml = await call('GET', '/enumerations/issue_priorities.xml');
  expect(
    xml.text.startsWith('<?xml version="1.0" encoding="UTF-8"?><issue_priorities type="array"><issue_priority>'),
  ).toBe(true);
});

test('no suffix gives 406 with the plain-text hint', async () => {
  const res = await call('GET', '/projects', { headers: { accept: 'application/json' } });
  expect(res.status).toBe(406);
  expect(res.text).toBe(NOT_ACCEPTABLE_TEXT);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const plain = await call('GET', '/projects/1');
  expect(plain.status).toBe(406);
  expect(plain.headers.get('content-type')).toBe('text/plain; charset=utf-8');
});

test('an unknown route or method gets the HTML 404 page', async () => {
  for (const [method, path] of [
    ['GET', '/issue_priorities.json'],
    ['GET', '/contacts.json'],
    ['PATCH', '/projects/1.json'],
  ] as const) {
    const res = await call(method, path);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<title>Redmine 404 error</title>');
  }
});

test('malformed JSON or XML gives an empty 400 text/html', async () => {
  const json = await call('POST', '/projects.json', {
    headers: { 'content-type': 'application/json' },
    body: '{"project": ',
  });
  expect(json.status).toBe(400);
  expect(json.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(json.text).toBe('');
  const xml = await call('POST', '/projects.xml', {
    headers: { 'content-type': 'application/xml' },
    body: '<project><name>x</project>',
  });
  expect(xml.status).toBe(400);
});

test('an XML body with another root element is an empty resource (422), not an error', async () => {
  const res = await call('POST', '/projects.xml', {
    headers: { 'content-type': 'application/xml' },
    body: '<issue><subject>x</subject></issue>',
  });
  expect(res.status).toBe(422);
  expect(res.text).toContain('<error>Name cannot be blank</error>');
});

test('a body over the limit gets 413', async () => {
  const res = await call('POST', '/projects.json', {
    body: { project: { name: 'x'.repeat(5000), identifier: 'big' } },
  });
  expect(res.status).toBe(413);
  expect((await call('GET', '/projects.json')).status).toBe(200);
});

test('Rails security headers are on every response', async () => {
  const res = await call('GET', '/projects/nonexistent.json');
  expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
});
