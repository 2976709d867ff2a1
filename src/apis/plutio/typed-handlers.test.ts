import { describe, expect, expectTypeOf, it } from 'vitest';
import type { components, operations } from '../../generated/plutio.js';
import { type OperationHandler, type OperationResult, typedHandlers } from '../../server/typed-handlers.js';
import { listOperations, loadBundledSpec } from '../../spec/load.js';
import { createPlutioDomain, type PlutioDomain } from './domain/index.js';
import type { RecordOf } from './domain/records.js';
import { PlutioGate, type PlutioPrincipal } from './gate.js';
import { create, read, remove } from './handlers/resource.js';
import { tokenHandler } from './handlers/token.js';
import { RESOURCE_OPERATIONS, resourceOperations } from './operations.js';
import { TOKEN_OPERATION } from './render-error.js';

type Handler<K extends keyof operations> = OperationHandler<operations[K], PlutioDomain, PlutioPrincipal>;
type Person = components['schemas']['Person'];

const document = loadBundledSpec('plutio');
const METHOD_OP: Record<string, string> = { GET: 'read', POST: 'create', PUT: 'update', DELETE: 'delete' };

describe('Plutio operations table', () => {
  it('has every resource operation of the document, on the collection and operation of its path', () => {
    const fromDocument = listOperations(document)
      .filter((e) => e.operationId !== TOKEN_OPERATION)
      .map((e) => {
        const [, collection, action] = e.path.split('/');
        return [e.operationId, collection, action ?? METHOD_OP[e.method]];
      });
    const fromTable = Object.entries(RESOURCE_OPERATIONS).map(([id, h]) => [id, h.collection, h.op]);
    expect(fromTable).toHaveLength(146);
    expect(new Map(fromTable.map(([id, ...rest]) => [id, rest]))).toEqual(
      new Map(fromDocument.map(([id, ...rest]) => [id, rest])),
    );
    expect(resourceOperations(document).map((o) => [o.operationId, o.collection, o.op])).toEqual(fromDocument);
  });

  it('refuses a document whose operation is not in the table as it stands', () => {
    const moved = structuredClone(document);
    moved.paths['/people'].get.operationId = 'listPersons';
    expect(() => resourceOperations(moved)).toThrow('plutio: GET /people (listPersons) is no v1.8 index operation');
  });

  it('types every handler by its generated operation', () => {
    expectTypeOf<RecordOf<'people'>>().toEqualTypeOf<Person>();
    expectTypeOf<RecordOf<'tasks'>>().toEqualTypeOf<components['schemas']['Task']>();
    expectTypeOf(RESOURCE_OPERATIONS.listPeople).toMatchTypeOf<Handler<'listPeople'>>();
    expectTypeOf(RESOURCE_OPERATIONS.createTask).toMatchTypeOf<Handler<'createTask'>>();
    expectTypeOf(tokenHandler).returns.toMatchTypeOf<Handler<'generateAccessToken'>>();
    type TokenBody = Extract<OperationResult<operations['generateAccessToken']>, { status: 200 }>['body'];
    expectTypeOf<TokenBody['accessToken']>().toEqualTypeOf<string>();
    expect(RESOURCE_OPERATIONS.listPeople.collection).toBe('people');
  });

  it('refuses an extra operation, a missing one, and a handler answering or reading the wrong body', () => {
    const gate = new PlutioGate(createPlutioDomain());
    const all = { [TOKEN_OPERATION]: tokenHandler(gate), ...RESOURCE_OPERATIONS };
    expect(Object.keys(typedHandlers<operations, PlutioDomain, PlutioPrincipal>()(all))).toHaveLength(147);

    // @ts-expect-error `listPersons` is no operation of the document.
    typedHandlers<operations, PlutioDomain, PlutioPrincipal>()({ ...all, listPersons: read('people') });

    const { listPeople: _listPeople, ...withoutListPeople } = all;
    // @ts-expect-error listPeople has no handler.
    typedHandlers<operations, PlutioDomain, PlutioPrincipal>()(withoutListPeople);

    // @ts-expect-error people are not what listTasks answers (a person's `status` is any string, a task's is not).
    const wrongCollection: Handler<'listTasks'> = read('people');
    // @ts-expect-error a create answers one record, not a list.
    const listForOne: Handler<'createPerson'> = read('people');
    // @ts-expect-error a person's `name` is an object of `first` and `last`, not a string.
    const renamed: Handler<'updatePerson'> = (ctx) => ({
      status: 200,
      body: { ...person(), name: `${ctx.body.name?.first}` },
    });
    const misread: Handler<'createPerson'> = (ctx) => ({
      status: 200,
      // @ts-expect-error `role` of the create body is a string.
      body: { ...person(), role: ctx.body.role.toFixed() },
    });
    // @ts-expect-error dashboards have no delete operation in the v1.8 index.
    const undocumented = remove('dashboards');
    // @ts-expect-error profiles are read only.
    const readOnly = create('profiles');
    expect(
      [wrongCollection, listForOne, renamed, misread, undocumented, readOnly].every((h) => typeof h === 'function'),
    ).toBe(true);
  });
});

function person(): Person {
  return { _id: 'x', createdAt: '', updatedAt: '', createdBy: '', businessId: '' };
}
