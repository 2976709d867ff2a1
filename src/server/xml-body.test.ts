import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../app/test-server.js';
import { renderJsonError } from './default-errors.js';
import type { ApiModule, HandlerResult } from './types.js';

const thingJson = {
  type: 'object',
  required: ['id', 'tags'],
  properties: { id: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } },
};
/** In XML the tags are one text, as Redmine's tag lists are. */
const thingXml = {
  type: 'object',
  xml: { name: 'thing' },
  required: ['id', 'tags'],
  properties: { id: { type: 'integer' }, tags: { type: 'string' } },
};
const document = {
  openapi: '3.1.0',
  info: { title: 'xml', version: '1' },
  paths: {
    '/things/{id}.{format}': {
      get: {
        operationId: 'getThing',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
          { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['json', 'xml'] } },
        ],
        responses: {
          '200': {
            description: 'the thing',
            content: {
              'application/json': {
                schema: { type: 'object', required: ['thing'], properties: { thing: thingJson } },
              },
              'application/xml': { schema: thingXml },
            },
          },
        },
      },
    },
  },
};

/** Thing 1 gives an XML-specific body, thing 2 does not (its XML breaks the XML schema), thing 3 fits XML only. */
function getThing(id: number): HandlerResult {
  if (id === 1)
    return { status: 200, body: { thing: { id, tags: ['a', 'b'] } }, xmlBody: { thing: { id, tags: 'a, b' } } };
  if (id === 2) return { status: 200, body: { thing: { id, tags: ['a', 'b'] } } };
  return { status: 200, body: { thing: { id, tags: 'a, b' } } };
}

const module: ApiModule = {
  id: 'xml',
  basePath: '/xml',
  document,
  handlers: { getThing: (ctx) => getThing(ctx.params.id as number) },
  state: undefined,
  bodyPolicy: { fallback: 'reject', invalidParams: 'reject' },
  renderError: renderJsonError,
  reset: () => {},
  exportState: () => ({}),
  importState: () => {},
  startupInfo: () => [],
};

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ modules: [module] });
});
afterAll(() => t.close());

test('xmlBody is what an XML answer renders and is validated against the XML schema only', async () => {
  const xml = await fetch(`${t.url}/xml/things/1.xml`);
  expect(xml.status).toBe(200);
  expect(await xml.text()).toContain('<thing><id>1</id><tags>a, b</tags></thing>');
  const json = await fetch(`${t.url}/xml/things/1.json`);
  expect(await json.json()).toEqual({ thing: { id: 1, tags: ['a', 'b'] } });
  expect(t.violations()).toEqual([]);
});

test('an XML answer that breaks the XML schema is a violation, whatever the JSON schema says', async () => {
  expect((await fetch(`${t.url}/xml/things/2.json`)).status).toBe(200);
  const broken = await fetch(`${t.url}/xml/things/2.xml`);
  expect(broken.status).toBe(500);
  expect(t.violations().map((v) => [v.path, v.issues[0]?.pointer])).toEqual([['/xml/things/2.xml', '/tags']]);
  expect((await fetch(`${t.url}/xml/things/3.xml`)).status).toBe(200);
  expect((await fetch(`${t.url}/xml/things/3.json`)).status).toBe(500);
  expect(t.violations().map((v) => v.path)).toEqual(['/xml/things/2.xml', '/xml/things/3.json']);
});
