import { type ApiSpec, documentedStatuses } from './spec-model.js';
import type { CheckRecord } from './types.js';

/** A count against a total. */
export interface Ratio {
  exercised: number;
  documented: number;
  /** Percentage with one decimal (100 when nothing is documented). */
  percent: number;
}

/** Which documented operations and responses the run's requests reached. */
export interface Coverage {
  operations: Ratio;
  responses: Ratio;
  /** `operationId` of operations no request reached. */
  missedOperations: string[];
  /** `operationId status` of documented responses no response matched. */
  missedResponses: string[];
}

const ratio = (exercised: number, documented: number): Ratio => ({
  exercised,
  documented,
  percent: documented === 0 ? 100 : Math.round((exercised / documented) * 1000) / 10,
});

/**
 * Counts coverage from the records: an operation is exercised when at least one request was sent for it and its
 * answer checked; a documented response (operation × status key) when some answer matched it.
 */
export function computeCoverage(spec: ApiSpec, records: CheckRecord[]): Coverage {
  const ops = new Set<string>();
  const responses = new Set<string>();
  for (const r of records) {
    if (r.status === undefined) continue;
    ops.add(r.operationId);
    if (r.documentedAs) responses.add(`${r.operationId} ${r.documentedAs}`);
  }
  const allResponses = spec.operations.flatMap((op) => documentedStatuses(op).map((s) => `${op.operationId} ${s}`));
  return {
    operations: ratio(spec.operations.filter((op) => ops.has(op.operationId)).length, spec.operations.length),
    responses: ratio(allResponses.filter((k) => responses.has(k)).length, allResponses.length),
    missedOperations: spec.operations.filter((op) => !ops.has(op.operationId)).map((op) => op.operationId),
    missedResponses: allResponses.filter((k) => !responses.has(k)),
  };
}
