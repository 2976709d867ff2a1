import { idFromLocation, idOf, listItems } from '../support/body-values.js';
import { type Dyn, type DynBody, need, type Step, type StepContext, type StepResult } from '../support/scenario.js';
import type { Format } from '../support/types.js';

/** Why a scenario that needs the second user does not apply when the run has none. */
export const NO_USER =
  'needs the API key of a second user who is not an administrator (give --user-key or CRMKIT_USER_API_KEY)';

/** Step fields that send a request as the run's second, non-administrator user instead of its own credentials. */
export function asUser(userKey: string | undefined): Pick<Step, 'anonymous' | 'headers'> {
  return { anonymous: true, headers: userKey ? { 'X-Redmine-API-Key': userKey } : {} };
}

/** A Redmine-family body: wrapped in the resource key for JSON (`{"contact": {…}}`), bare for XML (`<contact>`). */
export function wrap(format: Format | undefined, key: string, value: Record<string, unknown>): Record<string, unknown> {
  return format === 'xml' ? value : { [key]: value };
}

/** The new object's id from a create answer: the body's `id`, else the `Location` header. */
export const createdId = (res: StepResult) => idOf(res.value) ?? idFromLocation(res.headers.location);

/** A captured value as a string (ids in paths and bodies). */
export const str = (ctx: StepContext, name: string) => String(need(ctx, name));

/** What {@link createStep} needs to create an object and owe its deletion. */
export interface CreateCall {
  operationId: string;
  title: string;
  /** Captured under this name (e.g. `company_id`). */
  as: string;
  params?: Dyn<Record<string, unknown>>;
  body: DynBody;
  /** The delete operation and its parameters for the created id (cleanup at the end of the run). */
  remove: { operationId: string; params: (id: string, ctx: StepContext) => Record<string, unknown> };
  format?: Format;
}

/** The cleanup key of an object a scenario created with {@link createStep}. */
export const ownedKey = (as: string, ctx: StepContext) => `${as}:${str(ctx, as)}`;

/** A create step that captures the new id and registers the object's deletion at the end of the run. */
export function createStep(c: CreateCall): Step {
  return {
    operationId: c.operationId,
    title: c.title,
    format: c.format,
    params: c.params,
    body: c.body,
    expect: { status: 201, check: (res) => (createdId(res) === undefined ? 'create response names no id' : undefined) },
    capture: (res) => ({ [c.as]: createdId(res) }),
    cleanup: (res, ctx) => {
      const id = createdId(res);
      if (id === undefined) return undefined;
      const step: Step = {
        operationId: c.remove.operationId,
        format: c.format,
        title: `cleanup: delete ${id}`,
        params: c.remove.params(String(id), ctx),
      };
      return { key: `${c.as}:${String(id)}`, step };
    },
  };
}

/** Ids of a list body's items, as strings. */
export const itemIds = (value: unknown): string[] => (listItems(value) ?? []).map((i) => String(idOf(i)));

/** A check that the list holds (or does not hold) the captured ids. */
export function listHas(names: string[], present = true) {
  return (res: StepResult, ctx: StepContext): string[] => {
    const ids = itemIds(res.value);
    return names
      .map((n) => str(ctx, n))
      .filter((id) => ids.includes(id) !== present)
      .map((id) => `list ${present ? 'misses' : 'still holds'} ${id}`);
  };
}

/** Active projects of the run's credentials: captures `project_id` and `project2_id` (two distinct ones). */
export function findProjectsStep(listProjects: string): Step {
  return {
    operationId: listProjects,
    title: 'find two active projects',
    params: { limit: 100 },
    capture: (res) => {
      const active = (listItems(res.value) ?? []).filter((p) => (p as { status?: unknown }).status === 1);
      return { project_id: idOf(active[0]), project2_id: idOf(active[1]) };
    },
  };
}

/**
 * Two steps that find a project the run's credentials see and the second user does not (a private project the user
 * is not a member of): captures `hidden_project_id`.
 */
export function hiddenProjectSteps(listProjects: string, userKey: string | undefined): Step[] {
  return [
    {
      operationId: listProjects,
      title: 'projects the run’s credentials see',
      params: { limit: 100 },
      capture: (res) => ({ all_projects: itemIds(res.value) }),
    },
    {
      ...asUser(userKey),
      operationId: listProjects,
      title: 'projects the second user sees',
      params: { limit: 100 },
      capture: (res, ctx) => {
        const seen = itemIds(res.value);
        return { hidden_project_id: need<string[]>(ctx, 'all_projects').find((id) => !seen.includes(id)) };
      },
    },
  ];
}
