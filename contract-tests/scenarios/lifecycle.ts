import { idFromLocation, idOf, listItems, scalarMismatches } from '../support/body-values.js';
import {
  type Dyn,
  type DynBody,
  need,
  type Scenario,
  type ScenarioContext,
  type Step,
  type StepContext,
  type StepResult,
} from '../support/scenario.js';
import { operationById } from '../support/spec-model.js';
import type { Format } from '../support/types.js';
import { uniqueExampleBody } from './unique-body.js';

type Id = string | number;

const resolveDyn = <T>(value: Dyn<T> | undefined, ctx: StepContext): T | undefined =>
  typeof value === 'function' ? (value as (c: StepContext) => T)(ctx) : value;

/** A request of a lifecycle on the created object: the operation, its parameters and body. */
export interface LifecycleCall {
  operationId: string;
  /** Parameters naming the object (default: `locate(id)`). */
  params?: (id: Id) => Record<string, unknown>;
  /** The body (update default: the example made unique; delete default: none). */
  body?: (id: Id, ctx: StepContext) => unknown;
}

/** Describes a create → read → list → update → read → delete → not found walk over one resource. */
export interface LifecycleOptions {
  /** Scenario name, e.g. `lifecycle projects (json)`. */
  name: string;
  format?: Format;
  /** Why the walk needs a stateful server (shown when it does not apply on Prism). */
  stateful?: string;
  /** The create call; its body defaults to the document's example made unique to the run. */
  create: { operationId: string; params?: Dyn<Record<string, unknown>>; body?: DynBody };
  /** Parameters that name the created object (e.g. `{project_id: id}`); update and delete default to them. */
  locate: (id: Id) => Record<string, unknown>;
  read: string;
  list?: { operationId: string; params?: Dyn<Record<string, unknown>> };
  /** The update call; its body defaults to the example made unique with another tag. */
  update?: LifecycleCall;
  remove: LifecycleCall;
  /** Status of a read after delete (404 by default). */
  goneStatus?: number;
  /** Steps run before the create (e.g. finding or creating a parent); their captures reach `shared`. */
  setup?: Step[];
  /** Parameters added to every call of the walk, e.g. the parent id a setup step captured. */
  shared?: (ctx: StepContext) => Record<string, unknown>;
  /** Reads the new object's id from the create response (default: `id`/`_id` of the body, else `Location`). */
  idFrom?: (res: StepResult) => Id | undefined;
}

const DEFAULT_STATEFUL = 'the walk checks that a created object can be read, listed, changed and deleted';

const defaultId = (res: StepResult): Id | undefined => idOf(res.value) ?? idFromLocation(res.headers.location);

/**
 * Builds a lifecycle scenario. Each read compares the scalar fields sent by the previous write with what the server
 * returns; the list step looks for the new id; after the delete the read must answer `goneStatus`. The create step
 * registers the delete as cleanup, so an interrupted walk still removes its object at the end of the run.
 */
export function lifecycle(sc: ScenarioContext, o: LifecycleOptions): Scenario {
  const idFrom = o.idFrom ?? defaultId;
  const key = (ctx: StepContext) => `${o.name}:${String(need(ctx, 'id'))}`;
  const paramsOf = (call: LifecycleCall | undefined, id: Id) => (call?.params ?? o.locate)(id);
  const shared = (ctx: StepContext) => o.shared?.(ctx) ?? {};
  const at = (call: LifecycleCall | undefined, ctx: StepContext) => ({
    ...shared(ctx),
    ...paramsOf(call, need<Id>(ctx, 'id')),
  });
  const createOp = operationById(sc.spec, o.create.operationId);
  const updateOp = o.update ? operationById(sc.spec, o.update.operationId) : undefined;
  const removeStep = (id: Id, ctx: StepContext): Step => ({
    operationId: o.remove.operationId,
    title: `cleanup: delete ${id}`,
    format: o.format,
    params: { ...shared(ctx), ...paramsOf(o.remove, id) },
    body: o.remove.body ? (ctx: StepContext) => o.remove.body!(id, ctx) : undefined,
    expect: { status: 'success' },
  });
  const readBack = (title: string, sentVar: string): Step => ({
    operationId: o.read,
    title,
    params: (ctx) => at(undefined, ctx),
    expect: { check: (res, ctx) => scalarMismatches(ctx.vars[sentVar], res.resource, title) },
  });
  const steps: Step[] = [
    ...(o.setup ?? []),
    {
      operationId: o.create.operationId,
      title: 'create',
      params: (ctx: StepContext) => ({ ...shared(ctx), ...resolveDyn(o.create.params, ctx) }),
      body: o.create.body ?? ((ctx: StepContext) => uniqueExampleBody(createOp, ctx.format, sc.xml, ctx.tag)),
      expect: { check: (res) => (idFrom(res) === undefined ? 'create response names no id' : undefined) },
      capture: (res) => ({ id: idFrom(res), created: res.request.bodyValue }),
      cleanup: (res, ctx) => {
        const id = idFrom(res);
        return id === undefined ? undefined : { key: `${o.name}:${String(id)}`, step: removeStep(id, ctx) };
      },
    },
    readBack('read after create', 'created'),
  ];
  if (o.list) {
    const list = o.list;
    const listOp = operationById(sc.spec, list.operationId);
    const hasLimit = listOp.parameters.some((p) => p.name === 'limit');
    steps.push({
      operationId: list.operationId,
      title: 'list contains the new object',
      skipIf: (ctx) => (ctx.vars.id === undefined ? 'needs "id", which an earlier step did not capture' : undefined),
      params: (ctx) => ({
        ...(hasLimit ? { limit: 100 } : {}),
        ...shared(ctx),
        ...resolveDyn(list.params, ctx),
      }),
      expect: {
        check: (res, ctx) => {
          const id = String(need(ctx, 'id'));
          const items = listItems(res.value) ?? [];
          return items.some((item) => String(idOf(item)) === id)
            ? undefined
            : `list does not contain the new object ${id}`;
        },
      },
    });
  }
  if (o.update && updateOp) {
    const update = o.update;
    steps.push(
      {
        operationId: update.operationId,
        title: 'update',
        params: (ctx) => at(update, ctx),
        body: (ctx: StepContext) =>
          update.body?.(need(ctx, 'id'), ctx) ?? uniqueExampleBody(updateOp, ctx.format, sc.xml, `${ctx.tag}u`),
        capture: (res) => ({ updated: res.request.bodyValue }),
      },
      readBack('read after update', 'updated'),
    );
  }
  steps.push(
    {
      operationId: o.remove.operationId,
      title: 'delete',
      params: (ctx) => at(o.remove, ctx),
      body: o.remove.body ? (ctx: StepContext) => o.remove.body!(need(ctx, 'id'), ctx) : undefined,
      settles: key,
    },
    {
      operationId: o.read,
      title: 'read after delete',
      params: (ctx) => at(undefined, ctx),
      expect: { status: o.goneStatus ?? 404 },
    },
  );
  return { name: o.name, kind: 'lifecycle', format: o.format, stateful: o.stateful ?? DEFAULT_STATEFUL, steps };
}
