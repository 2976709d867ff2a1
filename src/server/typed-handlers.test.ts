import { describe, expect, expectTypeOf, it } from 'vitest';
import type { operations as PlanioOperations } from '../generated/planio.js';
import {
  type OperationContext,
  type OperationHandler,
  type OperationResult,
  type RequestBodyOf,
  typedHandlers,
} from './typed-handlers.js';

/** A two-operation document in openapi-typescript's shape. */
interface Ops {
  getThing: {
    parameters: { query?: { limit?: number }; header?: never; path: { thing_id: number }; cookie?: never };
    requestBody?: never;
    responses: {
      200: {
        headers: { [name: string]: unknown };
        content: { 'application/json': { thing: { id: number; town: string } } };
      };
      404: { headers: { [name: string]: unknown }; content?: never };
    };
  };
  deleteThing: {
    parameters: { query?: never; header?: never; path: { thing_id: number }; cookie?: never };
    requestBody: { content: { 'application/json': { reason: string } } };
    responses: { 204: { headers: { [name: string]: unknown }; content?: never } };
  };
}

const getThing: OperationHandler<Ops['getThing'], null, null> = (ctx) => ({
  status: 200,
  body: { thing: { id: ctx.params.thing_id, town: `limit ${ctx.query.limit ?? 25}` } },
});
const deleteThing: OperationHandler<Ops['deleteThing'], null, null> = (ctx) => {
  expectTypeOf(ctx.body).toEqualTypeOf<{ reason: string }>();
  return { status: 204 };
};

describe('typed handlers', () => {
  it('types parameters, bodies and results from the operation', () => {
    expectTypeOf<OperationContext<Ops['getThing'], null, null>['params']>().toEqualTypeOf<{ thing_id: number }>();
    expectTypeOf<RequestBodyOf<Ops['getThing']>>().toEqualTypeOf<undefined>();
    expectTypeOf<OperationResult<Ops['deleteThing']>['status']>().toEqualTypeOf<204>();
    const map = typedHandlers<Ops, null, null>()({ getThing, deleteThing });
    expect(Object.keys(map).sort()).toEqual(['deleteThing', 'getThing']);
  });

  it('refuses a renamed response field, a wrong status, a missing and an extra handler', () => {
    type GetThing = OperationHandler<Ops['getThing'], null, null>;
    // @ts-expect-error `city` is not a field of the documented response (the document says `town`).
    const renamed: GetThing = () => ({
      status: 200,
      body: { thing: { id: 1, city: 'x' } },
    });
    // @ts-expect-error a string where the document says integer.
    const retyped: GetThing = () => ({
      status: 200,
      body: { thing: { id: '1', town: 'x' } },
    });
    // @ts-expect-error 201 is not a documented response of getThing.
    const undocumented: GetThing = () => ({ status: 201, body: { thing: { id: 1, town: 'x' } } });
    const misread: GetThing = (ctx) => ({
      status: 200,
      // @ts-expect-error the path parameter is a number, not a string.
      body: { thing: { id: 1, town: ctx.params.thing_id.toUpperCase() } },
    });
    // @ts-expect-error deleteThing has no handler.
    typedHandlers<Ops, null, null>()({ getThing });
    // @ts-expect-error `listThings` is no operation of the document.
    typedHandlers<Ops, null, null>()({ getThing, deleteThing, listThings: getThing });
    expect([renamed, retyped, undocumented, misread].every((h) => typeof h === 'function')).toBe(true);
  });

  it('reads the generated Planio types: a company has a `town`', () => {
    type CompanyResult = OperationResult<PlanioOperations['getCompany']>;
    type Company = Extract<CompanyResult, { status: 200 }>['body']['company'];
    expectTypeOf<Company['town']>().toEqualTypeOf<string | null>();
    const ok: CompanyResult['status'] = 200;
    expect(ok).toBe(200);
  });
});
