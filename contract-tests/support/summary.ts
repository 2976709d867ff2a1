import { type ApiSpec, operationLabel } from './spec-model.js';
import type { CheckRecord, CheckResult } from './types.js';

/** The verdict on one operation, over all checks that touched it. */
export interface OperationSummary {
  operationId: string;
  /** `GET /projects/{project_id}.{format}` */
  label: string;
  /** failed if any check failed; passed if some passed; not-applicable if none ran. */
  result: CheckResult;
  passed: number;
  failed: number;
  notApplicable: number;
  /** The first difference of the first failed check. */
  firstDifference?: string;
  /** Distinct reasons of the checks that did not apply. */
  reasons: string[];
}

/** Folds check records into one summary per documented operation, in document order. */
export function summariseOperations(spec: ApiSpec, records: CheckRecord[]): OperationSummary[] {
  return spec.operations.map((op) => {
    const mine = records.filter((r) => r.operationId === op.operationId);
    const count = (k: CheckResult) => mine.filter((r) => r.result === k).length;
    const passed = count('passed');
    const failed = count('failed');
    const firstFailure = mine.find((r) => r.result === 'failed');
    return {
      operationId: op.operationId,
      label: operationLabel(op),
      result: failed > 0 ? 'failed' : passed > 0 ? 'passed' : 'not-applicable',
      passed,
      failed,
      notApplicable: count('not-applicable'),
      firstDifference: firstFailure?.differences[0],
      reasons: [...new Set(mine.filter((r) => r.reason).map((r) => r.reason!))],
    };
  });
}
