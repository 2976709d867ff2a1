import { idOf, listItems } from '../support/body-values.js';
import type { Scenario, ScenarioContext, Step, StepContext } from '../support/scenario.js';
import { str } from './family-steps.js';
import { readBack } from './plutio-moves.js';
import { findStep, PARENTS, plutioCreate } from './plutio-steps.js';

/** A write to a record the run did not create changes someone's workspace. */
const LIVE_WRITE =
  'changes a record this run did not create (the API cannot create records here), so it runs on the reference server only';

/**
 * The groups the API can only read and update (businesses, dashboards, block groups): the first record gets a
 * changed field, is read back, and gets its old value again.
 */
export function updateOnly(sc: ScenarioContext): Scenario[] {
  const groups: [string, string, string, string][] = [
    ['businesses', 'listBusinesses', 'updateBusiness', 'name'],
    ['dashboards', 'listDashboards', 'updateDashboard', 'title'],
    ['block-groups', 'listBlockGroups', 'updateBlockGroup', 'title'],
  ];
  return groups.map(([name, list, update, field]) => ({
    name: `behaviour ${name} update and restore`,
    kind: 'behaviour',
    stateful: 'the change must show when the record is read back',
    notApplicable: sc.target === 'live' ? LIVE_WRITE : undefined,
    steps: [
      {
        ...findStep(list, 'record'),
        capture: (res) => {
          const first = listItems(res.value)?.[0] as Record<string, unknown> | undefined;
          return { record: idOf(first), old: first?.[field] };
        },
      },
      {
        operationId: update,
        title: `change ${field}`,
        body: (ctx) => ({ _id: str(ctx, 'record'), [field]: `Crmkit ${ctx.tag}` }),
      },
      readBack(list, 'record', (ctx) => ({ [field]: `Crmkit ${ctx.tag}` })),
      {
        operationId: update,
        title: `restore ${field}`,
        body: (ctx) => ({ _id: str(ctx, 'record'), [field]: ctx.vars.old }),
      },
      readBack(list, 'record', (ctx) => ({ [field]: ctx.vars.old }), 'read the restored record'),
    ],
  }));
}

/** Roles have no read operation: create, update (the answer shows the change), delete, delete again → 404. */
export function roleLifecycle(): Scenario {
  const role = (body: (ctx: StepContext) => Record<string, unknown>): Step => ({
    operationId: 'updateRole',
    title: 'update',
    body,
    expect: {
      check: (res) => {
        const permissions = (res.value as { permissions?: unknown } | undefined)?.permissions;
        return JSON.stringify(permissions) === JSON.stringify(['tasks', 'files'])
          ? undefined
          : `permissions are ${JSON.stringify(permissions)}`;
      },
    },
  });
  return {
    name: 'lifecycle roles',
    kind: 'lifecycle',
    stateful: 'a created role must be changeable and deletable',
    steps: [
      plutioCreate('createRole', 'deleteRole', 'role', (ctx) => ({
        title: `Crmkit ${ctx.tag}`,
        permissions: ['tasks'],
      })),
      role((ctx) => ({ _id: str(ctx, 'role'), permissions: ['tasks', 'files'] })),
      {
        operationId: 'deleteRole',
        title: 'delete',
        body: (ctx) => ({ _id: str(ctx, 'role') }),
        settles: (ctx) => `role:${str(ctx, 'role')}`,
      },
      {
        operationId: 'deleteRole',
        title: 'delete again → 404',
        body: (ctx) => ({ _id: str(ctx, 'role') }),
        expect: { status: 404 },
      },
    ],
  };
}

/**
 * A deleted record shows up in the trash bin; the entry can be read by `?_id=` and deleted for good, after which
 * it is gone too. Which deletions reach the bin is unverified on the real API, so a missing entry there leaves the
 * rest not applicable instead of failing.
 */
export function trashBin(): Scenario {
  const person = PARENTS.person!;
  return {
    name: 'behaviour trash bin after delete',
    kind: 'behaviour',
    stateful: 'the trash bin holds what was deleted on the server',
    steps: [
      plutioCreate(person.create, person.remove, 'person', person.body),
      {
        operationId: person.remove,
        title: 'delete the person',
        body: (ctx) => ({ _id: str(ctx, 'person') }),
        settles: (ctx) => `person:${str(ctx, 'person')}`,
      },
      {
        operationId: 'getTrashBin',
        title: 'the trash bin holds the person',
        params: { limit: 1000 },
        capture: (res, ctx) => {
          const id = str(ctx, 'person');
          const entry = (listItems(res.value) ?? []).find((e) => JSON.stringify(e).includes(`"${id}"`));
          return { entry: idOf(entry) };
        },
        expect: {
          check: (res, ctx) =>
            ctx.target === 'live' ||
            (listItems(res.value) ?? []).some((e) => JSON.stringify(e).includes(str(ctx, 'person')))
              ? undefined
              : 'no trash bin entry names the deleted person',
        },
      },
      readBack('getTrashBin', 'entry', () => ({}), 'read the entry by _id'),
      {
        operationId: 'deleteTrashBin',
        title: 'delete the entry for good',
        body: (ctx) => ({ _id: str(ctx, 'entry') }),
      },
      {
        operationId: 'getTrashBin',
        title: 'the entry is gone → 404',
        params: (ctx) => ({ _id: str(ctx, 'entry') }),
        expect: { status: 404 },
      },
      {
        operationId: 'listPeople',
        title: 'the person stays deleted → 404',
        params: (ctx) => ({ _id: str(ctx, 'person') }),
        expect: { status: 404 },
      },
    ],
  };
}

/** `GET /comments` needs `entityType` and `entityId` (or `_id`): the comments of an existing task. */
export function listCommentsOperation(): Scenario {
  return {
    name: 'operation GET /comments',
    kind: 'operation',
    steps: [
      findStep('listTasks', 'task'),
      {
        operationId: 'listComments',
        params: (ctx) => ({ entityType: 'task', entityId: str(ctx, 'task') }),
      },
    ],
  };
}
