import { idOf, listItems } from '../support/body-values.js';
import type { Step, StepContext } from '../support/scenario.js';
import { str } from './family-steps.js';

type Body = Record<string, unknown>;

/** A record the run creates so that a child can point at it (`projectId`, `entityId`, `client._id`, …). */
interface Parent {
  create: string;
  remove: string;
  /** Parents this one points at, created before it. */
  needs?: string[];
  body: (ctx: StepContext) => Body;
}

const name = (ctx: StepContext, what: string) => `Crmkit ${ctx.tag} ${what}`;
const client = (ctx: StepContext) => ({ _id: str(ctx, 'company'), entityType: 'company' });

/** The parents Plutio records point at, by capture name. */
export const PARENTS: Record<string, Parent> = {
  company: { create: 'createCompany', remove: 'deleteCompany', body: (ctx) => ({ title: name(ctx, 'company') }) },
  person: {
    create: 'createPerson',
    remove: 'deletePerson',
    body: (ctx) => ({ name: { first: 'Crmkit', last: ctx.tag }, role: 'lead', status: 'active', invite: false }),
  },
  project: { create: 'createProject', remove: 'deleteProject', body: (ctx) => ({ name: name(ctx, 'project') }) },
  proposal: {
    create: 'createProposal',
    remove: 'deleteProposal',
    needs: ['company'],
    body: (ctx) => ({ name: name(ctx, 'proposal'), client: client(ctx), currency: 'USD' }),
  },
  invoice: {
    create: 'createInvoice',
    remove: 'deleteInvoice',
    needs: ['company'],
    body: (ctx) => ({ name: name(ctx, 'invoice'), client: client(ctx), currency: 'USD' }),
  },
  board: {
    create: 'createTaskBoard',
    remove: 'deleteTaskBoard',
    needs: ['project'],
    body: (ctx) => ({ title: name(ctx, 'board'), projectId: str(ctx, 'project') }),
  },
  group: {
    create: 'createTaskGroup',
    remove: 'deleteTaskGroup',
    needs: ['board'],
    body: (ctx) => ({ title: name(ctx, 'group'), taskBoardId: str(ctx, 'board') }),
  },
  task: {
    create: 'createTask',
    remove: 'deleteTask',
    needs: ['group'],
    body: (ctx) => ({ title: name(ctx, 'task'), taskGroupId: str(ctx, 'group') }),
  },
  category: {
    create: 'createCategory',
    remove: 'deleteCategory',
    body: (ctx) => ({ title: name(ctx, 'category'), entityType: 'canned-response' }),
  },
  form: {
    create: 'createForm',
    remove: 'deleteForm',
    body: (ctx) => ({ title: name(ctx, 'form'), currency: 'USD', status: 'draft' }),
  },
  wiki: {
    create: 'createWiki',
    remove: 'deleteWiki',
    needs: ['project'],
    body: (ctx) => ({ title: name(ctx, 'wiki'), entityType: 'project', entityId: str(ctx, 'project') }),
  },
};

/** A Plutio create (200 with the record) captured as `as`, whose deletion (`_id` in the body) is owed. */
export function plutioCreate(operationId: string, remove: string, as: string, body: (ctx: StepContext) => Body): Step {
  return {
    operationId,
    title: `create ${as}`,
    body,
    capture: (res) => ({ [as]: idOf(res.value) }),
    expect: { check: (res) => (idOf(res.value) === undefined ? 'create response names no _id' : undefined) },
    cleanup: (res) => {
      const id = idOf(res.value);
      if (id === undefined) return undefined;
      const step: Step = { operationId: remove, title: `cleanup: delete ${as} ${id}`, body: { _id: id } };
      return { key: `${as}:${String(id)}`, step };
    },
  };
}

/** The parents named, with the parents they need, in creation order. */
export function parentOrder(names: string[]): string[] {
  const out: string[] = [];
  const visit = (n: string) => {
    if (out.includes(n)) return;
    for (const dep of PARENTS[n]?.needs ?? []) visit(dep);
    out.push(n);
  };
  for (const n of names) visit(n);
  return out;
}

/** Steps that create the named parents (and theirs), each captured under its name. */
export function parentSteps(names: string[]): Step[] {
  return parentOrder(names).map((n) => {
    const p = PARENTS[n]!;
    return plutioCreate(p.create, p.remove, n, p.body);
  });
}

/** Steps that delete the named parents again, children first, settling their cleanup. */
export function parentTeardown(names: string[]): Step[] {
  return parentOrder(names)
    .reverse()
    .map((n) => ({
      operationId: PARENTS[n]!.remove,
      title: `delete ${n}`,
      body: (ctx: StepContext) => ({ _id: str(ctx, n) }),
      settles: (ctx: StepContext) => `${n}:${str(ctx, n)}`,
    }));
}

/** Finds an existing record of a collection the API cannot create records in (dashboards), captured as `as`. */
export function findStep(operationId: string, as: string): Step {
  return {
    operationId,
    title: `find an existing ${as}`,
    params: { limit: 1 },
    capture: (res) => ({ [as]: idOf(listItems(res.value)?.[0]) }),
  };
}
