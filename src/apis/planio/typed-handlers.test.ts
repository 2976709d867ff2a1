import { describe, expect, expectTypeOf, it } from 'vitest';
import type { components, operations } from '../../generated/planio.js';
import type { operations as RedmineOperations } from '../../generated/redmine.js';
import {
  type FamilyOperationHandler,
  type FamilyTypedHandlers,
  has,
  type RedminePrincipal,
} from '../../redmine-family/index.js';
import { type OperationHandler, type TypedHandlerMap, typedHandlers } from '../../server/typed-handlers.js';
import { redmineCoreTypedHandlers } from '../redmine/handlers.js';
import { getCompany } from './companies.js';
import type { CompanyAttributes } from './company-input.js';
import { getCompanyContact } from './contacts.js';
import { planioHandlers, planioTypedHandlers } from './handlers.js';
import type { PlanioState } from './state.js';
import { type CompanyView, renderCompany, renderContact } from './views.js';

type Handler<Id extends keyof operations> = FamilyOperationHandler<operations[Id], PlanioState>;

/** A company as the document describes it. */
const company: CompanyView = {
  id: 1,
  name: 'Nordwind Logistik AG',
  address1: 'Am Sandtorkai 48',
  address2: null,
  zip: '20457',
  town: 'Hamburg',
  state: 'Hamburg',
  country: 'Germany',
  mails: ['info@nordwind-logistik.de'],
  phones: [{ kind: 'work', value: '+49 40 1234 567' }],
  projects: [{ id: 1, name: 'Data warehouse' }],
  created_on: '2024-02-05T08:00:00Z',
  updated_on: '2024-02-05T08:00:00Z',
};

const planio = typedHandlers<operations, PlanioState, RedminePrincipal, true>();

describe('Planio handlers are typed by openapi/planio', () => {
  it('builds the map of all 33 operations; views return the document types', () => {
    const map = planioHandlers();
    expect(Object.keys(map)).toHaveLength(33);
    expect(typeof map.getCompany).toBe('function');
    expectTypeOf(renderCompany).returns.toEqualTypeOf<components['schemas']['Company']>();
    expectTypeOf(renderContact).returns.toEqualTypeOf<components['schemas']['Contact']>();
    expectTypeOf<Parameters<Handler<'getCompany'>>[0]['params']['company_id']>().toEqualTypeOf<number>();
    expectTypeOf<Parameters<Handler<'listProjectCompanies'>>[0]['params']['project_id']>().toEqualTypeOf<string>();
  });

  it('takes the Redmine core handlers for its own core operations (the shared paths give equal types)', () => {
    type PlanioCore = Pick<operations, keyof RedmineOperations>;
    expectTypeOf(redmineCoreTypedHandlers()).toMatchTypeOf<FamilyTypedHandlers<PlanioCore, PlanioState>>();
    expect(Object.keys(redmineCoreTypedHandlers())).toHaveLength(22);
  });

  it('refuses core handlers of a document whose shared paths diverged (a field renamed into an optional one)', () => {
    type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
    type NotFound = { headers: { [name: string]: unknown }; content?: never };
    interface Core {
      getThing: {
        parameters: { path: { id: string } };
        responses: { 200: Json<{ thing: { city?: string } }>; 404: NotFound };
      };
    }
    interface Full {
      getThing: {
        parameters: { path: { id: string } };
        responses: { 200: Json<{ thing: { town: string } }>; 404: NotFound };
      };
    }
    const core: TypedHandlerMap<Core, null, null> = { getThing: () => ({ status: 200, body: { thing: {} } }) };
    // @ts-expect-error a core handler need not render the `town` the other document requires.
    const full: TypedHandlerMap<Full, null, null> = core;
    // @ts-expect-error the same for one handler.
    const one: OperationHandler<Full['getThing'], null, null> = core.getThing;
    expect([typeof full.getThing, typeof one]).toEqual(['function', 'function']);
  });

  it('refuses a renamed or retyped company field, undocumented statuses and misread requests', () => {
    const { town, ...withoutTown } = company;
    // @ts-expect-error `city` is not a field of Company: the document says `town`, which is then missing.
    const renamed: Handler<'getCompany'> = () => ({ status: 200, body: { company: { ...withoutTown, city: town } } });
    // @ts-expect-error `country` is one of the document's Country names.
    const retyped: Handler<'getCompany'> = () => ({
      status: 200,
      body: { company: { ...company, country: 'Atlantis' } },
    });
    // @ts-expect-error createCompany documents 201, not 200.
    const created200: Handler<'createCompany'> = () => ({ status: 200, body: { company } });
    // @ts-expect-error updateCompany answers 204 without a body.
    const updatedWithBody: Handler<'updateCompany'> = () => ({ status: 204, body: { company } });
    const misread: Handler<'createCompany'> = (ctx) => ({
      status: 201,
      // @ts-expect-error a company request has `town`, not `city`.
      body: { company: { ...company, town: ctx.body.company?.city ?? null } },
    });
    const attrs: CompanyAttributes = { zip: '20457' };
    // @ts-expect-error `postcode` is not an attribute of a company request (the document says `zip`).
    const sent = has(attrs, 'postcode');
    // @ts-expect-error the request's `zip` is a string or null.
    const wrongZip: CompanyAttributes = { zip: 20457 };
    const handlers = [renamed, retyped, created200, updatedWithBody, misread];
    expect(handlers.every((h) => typeof h === 'function')).toBe(true);
    expect([sent, wrongZip.zip]).toEqual([false, 20457]);
  });

  it('refuses a map with a missing, extra or misplaced handler', () => {
    const { getCompany: _missing, ...withoutGetCompany } = planioTypedHandlers();
    // @ts-expect-error getCompany has no handler.
    planio({ ...withoutGetCompany });
    // @ts-expect-error `listDeals` is a RedmineUP operation, not one of Planio's.
    planio({ ...planioTypedHandlers(), listDeals: getCompany });
    // @ts-expect-error a contact handler reads `contact_id` and answers `{contact}`: not a handler of getCompany.
    planio({ ...planioTypedHandlers(), getCompany: getCompanyContact });
    expect(Object.keys(planio(planioTypedHandlers()))).toHaveLength(33);
  });
});
