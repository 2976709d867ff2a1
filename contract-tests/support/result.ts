import type { Coverage } from './coverage.js';
import type { OperationSummary } from './summary.js';
import type { CheckRecord, TargetKind } from './types.js';

/** Everything a contract run found, as `runContract` returns it and `--json` writes it. */
export interface ContractResult {
  api: string;
  target: { kind: TargetKind; description: string; baseUrl: string };
  readOnly: boolean;
  /** Unique to the run: the names of the objects it created carry it. */
  tag: string;
  startedAt: string;
  durationMs: number;
  /** One entry per documented operation, in document order. */
  operations: OperationSummary[];
  /** Every check, in the order it ran. */
  checks: CheckRecord[];
  coverage: Coverage;
  totals: { passed: number; failed: number; notApplicable: number };
  /** Cleanup deletions that did not succeed (objects this run created and could not remove). */
  leftovers: string[];
  /** True when no check failed and nothing was left behind. */
  ok: boolean;
}
