import { findTokenOperation } from '../support/auth.js';
import { parameterValue } from '../support/examples.js';
import { MissingValue, type Scenario, type ScenarioContext, type Step, type StepContext } from '../support/scenario.js';
import { formatsOf, isWrite, operationLabel } from '../support/spec-model.js';
import type { Format } from '../support/types.js';
import { discoverySteps } from './resources.js';

const WRITE_REASON =
  'changes server state: against a stateful target only lifecycle scenarios write, and only to objects they created';

/**
 * One scenario per operation and format: a single valid request built from the document's examples (or schemas),
 * expected to succeed and to conform. Against a stateful target, ids in the path of a read come from listing the
 * collection first (an existing object), and writes are left to lifecycle scenarios; against Prism every operation
 * is sent as the examples describe it. The OAuth2 token call is exercised when the run authenticates.
 */
export function perOperationScenarios(sc: ScenarioContext): Scenario[] {
  const token = findTokenOperation(sc.spec)?.operationId;
  const out: Scenario[] = [];
  for (const op of sc.spec.operations) {
    if (op.operationId === token) continue;
    const formats: (Format | undefined)[] = formatsOf(op).length > 0 ? formatsOf(op) : [undefined];
    for (const format of formats) {
      const name = `operation ${operationLabel(op, format)}`;
      if (isWrite(op) && sc.target !== 'prism') {
        out.push({
          name,
          kind: 'operation',
          format,
          notApplicable: WRITE_REASON,
          steps: [{ operationId: op.operationId }],
        });
        continue;
      }
      const found = sc.target === 'prism' ? { steps: [], params: [] } : discoverySteps(sc.spec, op);
      const steps: Step[] = [...found.steps];
      const discovered = found.params;
      steps.push({
        operationId: op.operationId,
        params: (ctx: StepContext) => {
          const params: Record<string, unknown> = {};
          for (const name of discovered) {
            const value = ctx.vars[name];
            if (value !== undefined) params[name] = value;
            else if (ctx.target === 'live') throw new MissingValue(`no existing object found for ${name}`);
            else params[name] = parameterValue(op.parameters.find((p) => p.name === name));
          }
          return params;
        },
      });
      out.push({ name, kind: 'operation', format, steps });
    }
  }
  return out;
}
