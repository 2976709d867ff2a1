import type { OperationEntry } from '../../src/spec/load.js';
import { listItems } from '../support/body-values.js';
import type { Scenario, ScenarioContext } from '../support/scenario.js';
import { formatsOf, operationLabel } from '../support/spec-model.js';
import type { Format } from '../support/types.js';
import { lifecycle } from './lifecycle.js';
import {
  cleanupAfterCreate,
  missingFieldScenario,
  noAuthScenario,
  noSuffixScenario,
  unknownIdScenario,
  unknownSwitchUserScenario,
} from './negatives.js';
import { referenceListScenarios } from './reference-lists.js';
import { discoverySteps, findResources, pick, type ResourceOps } from './resources.js';

const LIMIT_REASON = '`limit` must cap the page size, while Prism answers every list with the same example';

/** `limit=1` gives at most one item, and the list meta (when present) says limit 1. */
function limitScenario(sc: ScenarioContext, op: OperationEntry, format: Format): Scenario {
  const parents = discoverySteps(sc.spec, op);
  return {
    name: `behaviour ${operationLabel(op, format)} limit=1`,
    kind: 'behaviour',
    format,
    stateful: LIMIT_REASON,
    steps: [
      ...parents.steps,
      {
        operationId: op.operationId,
        title: 'limit=1 → at most one item',
        params: (ctx) => ({ ...pick(ctx.vars, parents.params), limit: 1 }),
        expect: {
          check: (res) => {
            const items = listItems(res.value);
            if (!items) return 'list body holds no items';
            const out: string[] = [];
            if (items.length > 1) out.push(`limit=1 returned ${items.length} items`);
            const meta = (res.value as Record<string, unknown>).limit;
            if (meta !== undefined && Number(meta) !== 1) out.push(`limit=1 answered with limit ${String(meta)}`);
            return out;
          },
        },
      },
    ],
  };
}

function lifecycles(sc: ScenarioContext, r: ResourceOps): Scenario[] {
  if (!r.create || !r.read || !r.remove) return [];
  // Parents in the path (e.g. company_id of /companies/{company_id}/contacts) name existing objects found first.
  const parents = discoverySteps(sc.spec, r.create);
  return formatsOf(r.create).map((format) =>
    lifecycle(sc, {
      name: `lifecycle ${r.name} (${format})`,
      format,
      setup: parents.steps,
      shared: (ctx) => pick(ctx.vars, parents.params),
      create: { operationId: r.create!.operationId },
      locate: (id) => ({ [r.idParam]: id }),
      read: r.read!.operationId,
      list: r.list && { operationId: r.list.operationId },
      update: r.update && { operationId: r.update.operationId },
      remove: { operationId: r.remove!.operationId },
    }),
  );
}

/**
 * The Redmine-family core set, generic over `.json`/`.xml`: a lifecycle per inferred resource and format, the
 * `limit` behaviour of every list, and the negative cases the Redmine conventions document — no credentials → 401,
 * no format suffix → 406, unknown id → 404, a create without its required fields → 422, an unknown
 * `X-Redmine-Switch-User` → 412; and the reference lists every user reads alike (`reference-lists.ts`). Documents
 * without a `.{format}` suffix get none of these.
 */
export function redmineCoreScenarios(sc: ScenarioContext): Scenario[] {
  if (!sc.spec.operations.some((op) => formatsOf(op).length > 0)) return [];
  const resources = findResources(sc.spec);
  const out: Scenario[] = resources.flatMap((r) => lifecycles(sc, r));
  for (const op of sc.spec.operations) {
    const formats = formatsOf(op);
    const owner = resources.find((r) => r.create === op);
    const reader = resources.find((r) => r.update === op || r.remove === op || r.read === op)?.read;
    for (const format of formats) {
      const cleanup = owner ? cleanupAfterCreate(owner.remove, owner.idParam, format) : undefined;
      if (op.method === 'GET' && op.parameters.some((p) => p.in === 'query' && p.name === 'limit')) {
        out.push(limitScenario(sc, op, format));
      }
      for (const s of [
        noAuthScenario(sc, op, format, cleanup),
        unknownIdScenario(op, reader, format),
        missingFieldScenario(sc, op, format, cleanup),
        unknownSwitchUserScenario(sc, op, format, cleanup),
      ]) {
        if (s) out.push(s);
      }
    }
    const cleanup = owner ? cleanupAfterCreate(owner.remove, owner.idParam, 'json') : undefined;
    const s = noSuffixScenario(sc, op, cleanup);
    if (s) out.push(s);
  }
  out.push(...referenceListScenarios(sc));
  return out;
}
