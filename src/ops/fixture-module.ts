import { renderJsonError } from '../server/default-errors.js';
import { ApiError } from '../server/errors.js';
import type { ApiModule } from '../server/types.js';
import { Database } from '../store/database.js';

const ok = (schema: object) => ({ description: 'ok', content: { 'application/json': { schema } } });
const item = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'integer' }, name: { type: 'string' } },
};

/** A minimal document exercising the engine without any vendor conventions. */
export const FIXTURE_DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'fixture', version: '1' },
  paths: {
    '/items': {
      get: {
        operationId: 'listItems',
        responses: {
          '200': ok({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: item } } }),
        },
      },
      post: {
        operationId: 'createItem',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
            },
          },
        },
        responses: { '201': ok(item), '400': { description: 'bad' } },
      },
    },
    '/items/{id}': {
      get: {
        operationId: 'getItem',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { '200': ok(item), '404': { description: 'none' } },
      },
    },
    '/crash': { get: { operationId: 'crash', responses: { '200': { description: 'never' } } } },
    '/broken': { get: { operationId: 'broken', responses: { '200': ok(item) } } },
    '/forbidden': { get: { operationId: 'forbidden', responses: { '200': ok(item) } } },
  },
};

/**
 * A tiny API module over FIXTURE_DOCUMENT, used by the engine's own tests: a list/create/get of items, a handler
 * that crashes, one that breaks its contract and one that throws an undeclared status.
 */
export function createFixtureModule(): ApiModule<Database> {
  const db = new Database();
  const items = db.define<{ id: number; name: string }>('items');
  const seed = () => {
    db.clear();
    items.insert({ name: 'first' });
  };
  seed();
  return {
    id: 'fixture',
    basePath: '/fixture',
    document: FIXTURE_DOCUMENT,
    state: db,
    bodyPolicy: { fallback: 'reject', invalidParams: 'reject' },
    handlers: {
      listItems: () => ({ status: 200, body: { items: items.all() } }),
      createItem: (ctx) => ({ status: 201, body: items.insert({ name: (ctx.body as { name: string }).name }) }),
      getItem: (ctx) => {
        const found = items.get(ctx.params.id as number);
        if (!found) throw new ApiError('NOT_FOUND');
        return { status: 200, body: found };
      },
      crash: () => {
        throw new Error('boom');
      },
      broken: () => ({ status: 200, body: { id: 'not a number' } }),
      forbidden: () => {
        throw new ApiError('FORBIDDEN');
      },
    },
    renderError: renderJsonError,
    reset: seed,
    exportState: () => db.export(),
    importState: (s) => db.import(s),
    startupInfo: () => [],
  };
}
