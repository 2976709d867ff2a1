import type { Scenario, ScenarioContext, Step, StepContext, StepResult } from '../support/scenario.js';
import { itemIds, str } from './family-steps.js';
import { errorIs } from './plutio-negatives.js';
import { PARENTS, plutioCreate } from './plutio-steps.js';

const person = (as: string) =>
  plutioCreate(PARENTS.person!.create, PARENTS.person!.remove, as, (ctx) => ({
    name: { first: 'Crmkit', last: `${ctx.tag}${as}` },
    role: 'lead',
    status: 'active',
    invite: false,
  }));

const deletePerson = (as: string): Step => ({
  operationId: 'deletePerson',
  title: `delete ${as}`,
  body: (ctx) => ({ _id: str(ctx, as) }),
  settles: (ctx) => `${as}:${str(ctx, as)}`,
});

/** A list step whose answer must hold exactly the captured people named. */
function exactly(title: string, params: (ctx: StepContext) => Record<string, unknown>, names: string[]): Step {
  return {
    operationId: 'listPeople',
    title,
    params,
    expect: {
      check: (res: StepResult, ctx: StepContext) => {
        const got = itemIds(res.value).sort();
        const want = names.map((n) => str(ctx, n)).sort();
        return JSON.stringify(got) === JSON.stringify(want)
          ? undefined
          : `got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`;
      },
    },
  };
}

const q = (query: (ctx: StepContext) => unknown) => (ctx: StepContext) => ({ q: JSON.stringify(query(ctx)) });
const refused = (title: string, value: string, message: RegExp): Step => ({
  operationId: 'listPeople',
  title,
  params: { q: value },
  expect: { status: 400, check: errorIs(message) },
});

/**
 * `q` with the operators the document lists as evaluated, `key=value` filters with dot paths, `skip` and `limit`,
 * and the refusals: `$where` and `$expr` (400), a `q` that is not JSON (400).
 */
export function queries(): Scenario {
  const mine = (ctx: StepContext) => ({ 'name.last': { $regex: `^${ctx.tag}`, $options: 'i' } });
  return {
    name: 'behaviour q, key=value filters, skip and limit on people',
    kind: 'behaviour',
    stateful: 'filters select among the records a server holds, while Prism answers with the example',
    steps: [
      person('a'),
      person('b'),
      exactly(
        'q $or',
        q((ctx) => ({ $or: [{ 'name.last': `${ctx.tag}a` }, { 'name.last': `${ctx.tag}b` }] })),
        ['a', 'b'],
      ),
      exactly('q $regex with $options', q(mine), ['a', 'b']),
      exactly(
        'q $in',
        q((ctx) => ({ 'name.last': { $in: [`${ctx.tag}a`] } })),
        ['a'],
      ),
      exactly(
        'q $and with $ne',
        q((ctx) => ({ $and: [mine(ctx), { 'name.last': { $ne: `${ctx.tag}a` } }] })),
        ['b'],
      ),
      exactly('key=value with a dot path', (ctx) => ({ 'name.last': `${ctx.tag}b` }), ['b']),
      exactly('q combined with key=value', (ctx) => ({ ...q(mine)(ctx), 'name.last': `${ctx.tag}a` }), ['a']),
      {
        operationId: 'listPeople',
        title: 'limit=1 → one record',
        params: (ctx) => ({ ...q(mine)(ctx), limit: 1 }),
        capture: (res) => ({ first: itemIds(res.value)[0] }),
        expect: {
          check: (res) => (itemIds(res.value).length === 1 ? undefined : `${itemIds(res.value).length} records`),
        },
      },
      {
        operationId: 'listPeople',
        title: 'skip=1&limit=1 → the other record',
        params: (ctx) => ({ ...q(mine)(ctx), skip: 1, limit: 1 }),
        expect: {
          check: (res, ctx) => {
            const ids = itemIds(res.value);
            return ids.length === 1 && ids[0] !== ctx.vars.first ? undefined : `got ${JSON.stringify(ids)}`;
          },
        },
      },
      refused('q $where → 400', '{"$where":"this.role == \'lead\'"}', /\$where/),
      refused('q $expr → 400', '{"$expr":{"$eq":["$role","lead"]}}', /\$expr/),
      refused('q that is not JSON → 400', '{name.first: Leo', /./),
      deletePerson('a'),
      deletePerson('b'),
    ],
  };
}

/** The second application and its workspace on the reference server (documented defaults). */
const GLOBEX = { clientId: 'globex-client', clientSecret: 'globex-secret', business: 'globex' };

/**
 * Workspaces are isolated: another application's token for another workspace neither reads, changes nor deletes a
 * record of the run's workspace (404), and cannot name the run's workspace (400).
 */
export function tenantIsolation(sc: ScenarioContext): Scenario {
  const other = (step: Omit<Step, 'anonymous' | 'headers'>, business = GLOBEX.business): Step => ({
    ...step,
    anonymous: true,
    headers: (ctx) => ({ Authorization: `Bearer ${str(ctx, 'token')}`, Business: business }),
  });
  return {
    name: 'behaviour workspaces are isolated',
    kind: 'behaviour',
    stateful: 'records belong to a workspace on the server',
    notApplicable:
      sc.target === 'live' ? 'needs the reference server’s second application (globex-client, globex)' : undefined,
    steps: [
      person('a'),
      {
        operationId: 'generateAccessToken',
        title: 'a token of the second application',
        anonymous: true,
        noTenant: true,
        mediaType: 'application/x-www-form-urlencoded',
        body: { grant_type: 'client_credentials', client_id: GLOBEX.clientId, client_secret: GLOBEX.clientSecret },
        capture: (res) => ({ token: (res.value as { accessToken?: unknown } | undefined)?.accessToken }),
      },
      other({
        operationId: 'listPeople',
        title: 'read from the other workspace → 404',
        params: (ctx) => ({ _id: str(ctx, 'a') }),
        expect: { status: 404 },
      }),
      other({
        operationId: 'updatePerson',
        title: 'update from the other workspace → 404',
        body: (ctx) => ({ _id: str(ctx, 'a'), title: 'x' }),
        expect: { status: 404 },
      }),
      other({
        operationId: 'deletePerson',
        title: 'delete from the other workspace → 404',
        body: (ctx) => ({ _id: str(ctx, 'a') }),
        expect: { status: 404 },
      }),
      other({
        operationId: 'listPeople',
        title: 'the other workspace does not list it',
        params: (ctx) => ({ q: JSON.stringify({ _id: str(ctx, 'a') }) }),
        expect: { check: (res) => (itemIds(res.value).length === 0 ? undefined : 'it is listed') },
      }),
      other(
        {
          operationId: 'listPeople',
          title: 'the other application names this workspace → 400',
          expect: { status: 400, check: errorIs('Business acme is not enabled for this client.') },
        },
        'acme',
      ),
      {
        operationId: 'listPeople',
        title: 'the record is intact in its own workspace',
        params: (ctx) => ({ _id: str(ctx, 'a') }),
        expect: {
          check: (res, ctx) =>
            (res.value as { name?: { last?: unknown } }).name?.last === `${ctx.tag}a` ? undefined : 'changed',
        },
      },
      deletePerson('a'),
    ],
  };
}
