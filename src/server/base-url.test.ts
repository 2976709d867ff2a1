import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../app/test-server.js';
import { requestOrigin } from './base-url.js';
import { wireRequest } from './test-support.js';

// What a real Redmine 5.0 (Rails 6.1, Rack 2.2, thin) put in the Location of a created project for these request
// headers, recorded on loopback port 3000 (the default row had Host 127.0.0.1:3000).
const REDMINE_5: [IncomingHttpHeaders, string][] = [
  [{ host: '127.0.0.1:3000' }, 'http://127.0.0.1:3000'],
  [{ host: '' }, 'http://'],
  [{}, 'http://localhost'],
  [{ host: 'evil.example' }, 'http://evil.example'],
  [{ host: 'evil.example:8080' }, 'http://evil.example:8080'],
  [{ host: 'UPPER.Example' }, 'http://UPPER.Example'],
  [{ host: '[::1]:3000' }, 'http://[::1]:3000'],
  [{ host: '[::1]:80' }, 'http://[::1]'],
  [{ host: '[::1' }, 'http://[:1'],
  [{ host: 'a b' }, 'http://a b'],
  [{ host: 'a/b' }, 'http://a/b'],
  [{ host: 'a,b' }, 'http://a,b'],
  [{ host: 'x:abc' }, 'http://x'],
  [{ host: 'a:1:2' }, 'http://a:2'],
  [{ host: 'h:' }, 'http://h'],
  [{ host: ':3000' }, 'http://:3000'],
  [{ host: 'h:80' }, 'http://h'],
  [{ host: 'h:0080' }, 'http://h'],
  [{ host: 'h:00' }, 'http://h:0'],
  [{ host: 'h:443' }, 'http://h:443'],
  [{ host: 'host:99999' }, 'http://host:99999'],
  [{ host: 'http://x.example:5' }, 'http://x.example:5'],
  [{ host: 'h:3000', 'x-forwarded-host': 'proxy.example' }, 'http://proxy.example'],
  [{ host: 'h:3000', 'x-forwarded-host': 'p1.example, p2.example:81' }, 'http://p2.example:81'],
  [{ host: 'h:3000', 'x-forwarded-host': 'a,b' }, 'http://b'],
  [{ host: 'h:3000', 'x-forwarded-host': 'a,  b' }, 'http:// b'],
  [{ host: 'h:3000', 'x-forwarded-host': 'p.example, ' }, 'http://p.example'],
  [{ host: 'h:3000', 'x-forwarded-host': '' }, 'http://h:3000'],
  [{ host: 'h:3000', 'x-forwarded-proto': 'https' }, 'https://h:3000'],
  [{ host: 'h:3000', 'x-forwarded-proto': 'https, http' }, 'https://h:3000'],
  [{ host: 'h:3000', 'x-forwarded-proto': 'http, https' }, 'http://h:3000'],
  [{ host: 'h:3000', 'x-forwarded-proto': 'HTTPS' }, 'http://h:3000'],
  [{ host: 'h:3000', 'x-forwarded-proto': 'wss' }, 'https://h:3000'],
  [{ host: 'h:3000', 'x-forwarded-proto': 'gopher' }, 'http://h:3000'],
  [{ host: 'h:443', 'x-forwarded-proto': 'https' }, 'https://h'],
  [{ host: 'h:80', 'x-forwarded-proto': 'https' }, 'https://h:80'],
  [{ host: 'h:3000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'proxy.example' }, 'https://proxy.example'],
  [{ host: 'h:3000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'p.example:443' }, 'https://p.example'],
  [{ host: 'h:3000', 'x-forwarded-ssl': 'on' }, 'https://h:3000'],
  [{ host: 'h:3000', 'x-forwarded-scheme': 'https' }, 'https://h:3000'],
  [{ host: 'h:3000', 'x-forwarded-port': '8443' }, 'http://h:3000'],
  [{ host: 'h:3000', forwarded: 'host=f.example;proto=https' }, 'http://h:3000'],
];

test.each(REDMINE_5)('Location base for %o is %s, as Redmine 5 sends it', (headers, expected) => {
  expect(requestOrigin(headers)).toBe(expected);
  // The one-entry memo of the plain case answers the same the second time.
  expect(requestOrigin(headers)).toBe(expected);
});

test('an X-Forwarded-Host without any host in it falls back to Host (Redmine answers 500 there)', () => {
  expect(requestOrigin({ host: 'h:3000', 'x-forwarded-host': ',' })).toBe('http://h:3000');
  expect(requestOrigin({ host: 'h:3000', 'x-forwarded-host': '  ' })).toBe('http://h:3000');
});

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ apis: ['redmine'] });
});
afterAll(async () => {
  expect(t.violations()).toEqual([]);
  await t.close();
});

const KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
let created = 0;
/** Creates a project with the given request line version and header lines; answers status and Location. */
async function create(version: string, headerLines: string[]) {
  created += 1;
  const body = JSON.stringify({ project: { name: `Located ${created}`, identifier: `located-${created}` } });
  const head = [
    `POST /redmine/projects.json HTTP/${version}`,
    ...headerLines,
    `X-Redmine-API-Key: ${KEY}`,
    'Content-Type: application/json',
  ].join('\r\n');
  const answer = await wireRequest(Number(new URL(t.url).port), head, body);
  const id = (JSON.parse(answer.body) as { project: { id: number } }).project.id;
  return { status: answer.status, location: answer.headers.location, id };
}

test('the Location of a create follows Host, X-Forwarded-Host and X-Forwarded-Proto as Redmine does', async () => {
  const port = new URL(t.url).port;
  let r = await create('1.1', [`Host: 127.0.0.1:${port}`]);
  expect(r).toMatchObject({ status: 201, location: `http://127.0.0.1:${port}/redmine/projects/${r.id}` });
  r = await create('1.1', ['Host: ']);
  expect(r).toMatchObject({ status: 201, location: `http:///redmine/projects/${r.id}` });
  r = await create('1.0', []);
  expect(r).toMatchObject({ status: 201, location: `http://localhost/redmine/projects/${r.id}` });
  r = await create('1.1', ['Host: x:abc']);
  expect(r).toMatchObject({ status: 201, location: `http://x/redmine/projects/${r.id}` });
  r = await create('1.1', ['Host: mock.example:80']);
  expect(r).toMatchObject({ status: 201, location: `http://mock.example/redmine/projects/${r.id}` });
  r = await create('1.1', ['Host: h:1', 'X-Forwarded-Host: a.example, b.example:8443', 'X-Forwarded-Proto: https']);
  expect(r).toMatchObject({ status: 201, location: `https://b.example:8443/redmine/projects/${r.id}` });
});
