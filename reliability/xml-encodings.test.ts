import { afterAll, beforeAll, expect, test } from 'vitest';
import { ADMIN_KEY } from './support/credentials.js';
import { figure } from './support/figures.js';
import { send } from './support/http.js';
import { type InProcessServer, startInProcess } from './support/servers.js';

let srv: InProcessServer;
let n = 0;

beforeAll(async () => {
  srv = await startInProcess({ apis: ['redmine'] });
});
afterAll(async () => {
  await srv?.close();
});

/** Creates a project from XML bytes; returns the answer and, on 201, the stored name read back as JSON. */
async function create(bytes: Buffer, contentType = 'application/xml') {
  const res = await send({
    method: 'POST',
    url: `${srv.api('redmine')}/projects.xml`,
    headers: { 'x-redmine-api-key': ADMIN_KEY, 'content-type': contentType },
    body: bytes,
  });
  if (res.status !== 201) return { res, name: undefined };
  const id = /<id>(\d+)<\/id>/.exec(res.bodyText)?.[1];
  const read = await send({
    method: 'GET',
    url: `${srv.api('redmine')}/projects/${id}.json`,
    headers: { 'x-redmine-api-key': ADMIN_KEY },
  });
  return { res, name: (JSON.parse(read.bodyText) as { project: { name: string } }).project.name };
}

/** A project document; `name` is written as Latin-1 bytes unless `utf8`. */
function project(prolog: string, name: string, utf8 = false): Buffer {
  n += 1;
  const xml = `${prolog}<project><name>${name}</name><identifier>enc-${n}</identifier></project>`;
  return Buffer.from(xml, utf8 ? 'utf8' : 'latin1');
}

const decl = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?>`;

test('the encoding the XML declaration names is honoured: ISO-8859-1, Windows-1252, UTF-8', async () => {
  expect((await create(project(decl('ISO-8859-1'), 'caf\xe9'))).name).toBe('café');
  expect((await create(project(decl('windows-1252'), '\x80uro'))).name).toBe('€uro');
  expect((await create(project(decl('UTF-8'), 'café', true))).name).toBe('café');
  expect((await create(project('', 'caf\xe9'), 'application/xml; charset=ISO-8859-1')).name).toBe('café');
  const bom = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(project(decl('UTF-16'), 'café', true).toString(), 'utf16le'),
  ]);
  expect((await create(bom)).name).toBe('café');
});

test('an unknown encoding, invalid UTF-8 and a byte order mark contradicting the declaration are 400s, nothing stored', async () => {
  const before = srv.digest();
  const cases: [string, Buffer][] = [
    ['unknown encoding', project(decl('x-bogus'), 'x')],
    ['Latin-1 bytes read as UTF-8', project('', 'caf\xe9')],
    ['Latin-1 bytes declared UTF-8', project(decl('UTF-8'), 'caf\xe9')],
    [
      'UTF-8 mark, Latin-1 declaration',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), project(decl('ISO-8859-1'), 'caf\xe9')]),
    ],
  ];
  const statuses: string[] = [];
  for (const [what, bytes] of cases) {
    const { res } = await create(bytes);
    statuses.push(`${what}: ${res.status}`);
    // Redmine's answer to a body it cannot parse: an empty 400.
    expect(res.status, what).toBe(400);
    expect(res.bodyText, what).toBe('');
  }
  figure('xml-encodings refused', { cases: cases.length });
  expect(srv.digest()).toBe(before);
  expect(statuses).toHaveLength(4);
});
