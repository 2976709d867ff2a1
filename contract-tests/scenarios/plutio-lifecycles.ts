import { need, type Scenario, type ScenarioContext, type Step, type StepContext } from '../support/scenario.js';
import { str } from './family-steps.js';
import { lifecycle } from './lifecycle.js';
import type { PlutioGroup } from './plutio-groups.js';
import { findStep, parentSteps, parentTeardown } from './plutio-steps.js';
import { uniqueExampleBody } from './unique-body.js';

type Body = Record<string, unknown>;

/** What a group's lifecycle needs beyond the document: parents to create first and body changes. */
export interface GroupSetup {
  /** Parents (`PARENTS` of plutio-steps) created before the walk and deleted after it. */
  parents?: string[];
  /** Other steps before the walk (finding records the API cannot create). */
  setup?: Step[];
  /** Fields merged into the create body (ids of the parents; `undefined` drops an example's field). */
  create?: (ctx: StepContext) => Body;
  /** Fields merged into the update body. */
  update?: (ctx: StepContext) => Body;
  /** Parameters the list needs besides the `q` that selects the new record. */
  list?: (ctx: StepContext) => Body;
}

/** The body as it goes over the wire: fields set to `undefined` are left out. */
const clean = (body: Body): Body => JSON.parse(JSON.stringify(body)) as Body;

const v = str;
const onProject = (ctx: StepContext) => ({ entityType: 'project', entityId: v(ctx, 'project') });
const client = (ctx: StepContext) => ({ client: { _id: v(ctx, 'company'), entityType: 'company' } });

/**
 * The parents each group's records point at, and the example fields that name records a server need not have
 * (people, templates, categories), which are dropped or replaced by the run's own records.
 */
export const GROUP_SETUP: Record<string, GroupSetup> = {
  blocks: { parents: ['proposal'], create: (ctx) => ({ entityType: 'proposal', entityId: v(ctx, 'proposal') }) },
  'canned-responses': { parents: ['category'], create: (ctx) => ({ categoryId: v(ctx, 'category') }) },
  comments: {
    parents: ['task'],
    create: (ctx) => ({ entityType: 'task', entityId: v(ctx, 'task') }),
    list: (ctx) => ({ entityType: 'task', entityId: v(ctx, 'task') }),
  },
  companies: { create: () => ({ people: [] }) },
  contracts: { parents: ['project'], create: (ctx) => ({ projectId: v(ctx, 'project'), signees: [] }) },
  conversations: {
    parents: ['project', 'person'],
    create: (ctx) => ({ ...onProject(ctx), members: [v(ctx, 'person')] }),
    update: (ctx) => ({ members: [v(ctx, 'person')] }),
  },
  'dashboard-pages': {
    setup: [findStep('listDashboards', 'dashboard')],
    create: (ctx) => ({ dashboardId: v(ctx, 'dashboard') }),
  },
  events: { parents: ['project'], create: (ctx) => ({ projectId: v(ctx, 'project'), participants: [] }) },
  'file-folders': {
    parents: ['project'],
    create: (ctx) => ({ ...onProject(ctx), projectId: v(ctx, 'project'), parentFolderId: undefined }),
  },
  files: { parents: ['project'], create: onProject },
  'form-responses': { parents: ['form'], create: (ctx) => ({ formId: v(ctx, 'form') }) },
  'invoice-subscriptions': {
    parents: ['invoice'],
    create: (ctx) => ({ ...client(ctx), mainInvoiceId: v(ctx, 'invoice') }),
  },
  invoices: { parents: ['company'], create: client, update: client },
  notes: { parents: ['company'], create: (ctx) => ({ entityType: 'company', entityId: v(ctx, 'company') }) },
  projects: {
    parents: ['company'],
    create: (ctx) => ({ ...client(ctx), contributors: [], templateId: undefined }),
  },
  proposals: { parents: ['company'], create: client, update: () => ({ blocks: undefined }) },
  'task-boards': { parents: ['project'], create: (ctx) => ({ projectId: v(ctx, 'project') }) },
  'task-groups': { parents: ['board'], create: (ctx) => ({ taskBoardId: v(ctx, 'board'), position: 0 }) },
  tasks: { parents: ['group'], create: (ctx) => ({ taskGroupId: v(ctx, 'group') }) },
  templates: { parents: ['proposal'], create: (ctx) => ({ entityType: 'proposal', entityId: v(ctx, 'proposal') }) },
  'time-tracks': {
    parents: ['person', 'project'],
    create: (ctx) => ({ personId: v(ctx, 'person'), projectId: v(ctx, 'project'), categoryId: undefined }),
  },
  wiki: { parents: ['project'], create: onProject },
  'wiki-entities': { parents: ['wiki'], create: (ctx) => ({ wikiId: v(ctx, 'wiki'), parentId: v(ctx, 'wiki') }) },
};

/** The example of an operation made unique to the run (`-<tag>` on names and titles), as an object. */
export function uniqueBody(sc: ScenarioContext, group: PlutioGroup, which: 'create' | 'update', tag: string): Body {
  const op = group[which];
  return op ? ((uniqueExampleBody(op, undefined, sc.xml, tag) ?? {}) as Body) : {};
}

/** Plutio addresses a record by `?_id=` to read it and by `_id` in the body to change or delete it. */
export function plutioLifecycle(sc: ScenarioContext, group: PlutioGroup): Scenario | undefined {
  const { list, create, update, remove } = group;
  if (!list || !create || !remove) return undefined;
  const extra = GROUP_SETUP[group.name] ?? {};
  const parents = extra.parents ?? [];
  const walk = lifecycle(sc, {
    name: `lifecycle ${group.name}`,
    setup: [...(extra.setup ?? []), ...parentSteps(parents)],
    create: {
      operationId: create.operationId,
      body: (ctx) => clean({ ...uniqueBody(sc, group, 'create', ctx.tag), ...extra.create?.(ctx) }),
    },
    locate: (id) => ({ _id: id }),
    read: list.operationId,
    list: {
      operationId: list.operationId,
      params: (ctx) => ({ ...extra.list?.(ctx), q: JSON.stringify({ _id: need(ctx, 'id') }) }),
    },
    update: update && {
      operationId: update.operationId,
      params: () => ({}),
      body: (id, ctx) => clean({ ...uniqueBody(sc, group, 'update', `${ctx.tag}u`), ...extra.update?.(ctx), _id: id }),
    },
    remove: { operationId: remove.operationId, params: () => ({}), body: (id) => ({ _id: id }) },
  });
  return { ...walk, steps: [...walk.steps, ...parentTeardown(parents)] };
}
