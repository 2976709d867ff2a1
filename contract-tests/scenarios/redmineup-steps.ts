import { listItems } from '../support/body-values.js';
import type { Step, StepContext, StepResult } from '../support/scenario.js';
import type { Format } from '../support/types.js';
import { createStep, ownedKey, str, wrap } from './family-steps.js';

type Attributes = (ctx: StepContext) => Record<string, unknown>;

/** Creates a contact owned by the run in the project captured as `project` (captured as `as`). */
export function contactStep(format: Format, as: string, attrs: Attributes = () => ({}), project = 'project_id'): Step {
  return createStep({
    operationId: 'createContact',
    title: `create contact ${as}`,
    as,
    format,
    body: (ctx) =>
      wrap(format, 'contact', {
        project_id: Number(str(ctx, project)),
        first_name: `Ada ${ctx.tag}`,
        last_name: as,
        ...attrs(ctx),
      }),
    remove: { operationId: 'deleteContact', params: (id) => ({ contact_id: id }) },
  });
}

/** Creates a deal owned by the run in the project captured as `project` (captured as `as`). */
export function dealStep(format: Format, as: string, attrs: Attributes = () => ({}), project = 'project_id'): Step {
  return createStep({
    operationId: 'createDeal',
    title: `create deal ${as}`,
    as,
    format,
    body: (ctx) =>
      wrap(format, 'deal', { project_id: Number(str(ctx, project)), name: `Deal ${ctx.tag} ${as}`, ...attrs(ctx) }),
    remove: { operationId: 'deleteDeal', params: (id) => ({ deal_id: id }) },
  });
}

/** Adds a note owned by the run to the contact or deal captured as `source` (captured as `as`). */
export function noteStep(
  format: Format,
  as: string,
  sourceType: 'Contact' | 'Deal',
  source: string,
  project = 'project_id',
): Step {
  return createStep({
    operationId: 'createNote',
    title: `add note ${as} to ${source}`,
    as,
    format,
    body: (ctx) =>
      wrap(format, 'note', {
        source_type: sourceType,
        source_id: Number(str(ctx, source)),
        project_id: Number(str(ctx, project)),
        subject: `Call ${ctx.tag}`,
        content: `Discussed the renewal (${as}).`,
      }),
    remove: { operationId: 'deleteNote', params: (id) => ({ note_id: id }) },
  });
}

/** Deletes an object the scenario created, settling its cleanup. */
export function deleteOwned(operationId: string, param: string, as: string, alsoSettles: string[] = []): Step {
  return {
    operationId,
    title: `delete ${as}`,
    params: (ctx) => ({ [param]: str(ctx, as) }),
    settles: (ctx) => [ownedKey(as, ctx), ...alsoSettles.map((n) => ownedKey(n, ctx))],
  };
}

/** Ids of an array property of the read resource (`projects`, `notes`, `deals`), as strings. */
export function idsOf(res: StepResult, key: string): string[] | undefined {
  const list = (res.resource as Record<string, unknown> | undefined)?.[key];
  if (!Array.isArray(list)) return undefined;
  return list.map((item) => String((item as { id?: unknown }).id));
}

/** A check that the read resource's `key` list holds exactly the captured ids, in any order. */
export function holdsExactly(key: string, names: string[]) {
  return (res: StepResult, ctx: StepContext): string | undefined => {
    const ids = idsOf(res, key);
    const want = names.map((n) => str(ctx, n)).sort();
    if (!ids) return names.length === 0 ? undefined : `the body has no ${key}`;
    return JSON.stringify([...ids].sort()) === JSON.stringify(want)
      ? undefined
      : `${key} are ${JSON.stringify(ids)}, expected ${JSON.stringify(want)}`;
  };
}

/** A check that the read resource's `key` list holds the captured id. */
export function holds(key: string, name: string) {
  return (res: StepResult, ctx: StepContext): string | undefined =>
    idsOf(res, key)?.includes(str(ctx, name)) ? undefined : `${key} misses ${str(ctx, name)}`;
}

/** Names of a list body's items (tags). */
export const itemNames = (value: unknown): string[] =>
  (listItems(value) ?? []).map((i) => String((i as { name?: unknown }).name));
