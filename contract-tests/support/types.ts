/** Shared shapes of the contract engine: requests, responses, check records. */

/** Redmine-family URL suffix (and body format). */
export type Format = 'json' | 'xml';

/** What a contract run talks to. */
export type TargetKind = 'reference' | 'prism' | 'live';

/** A server a contract run talks to. */
export interface Target {
  kind: TargetKind;
  /** Base URL the document's paths are appended to (no trailing slash). */
  baseUrl: string;
  /** Human-readable origin, for the report. */
  description: string;
  /** Stops what the run started (nothing for a live server). */
  close(): Promise<void>;
}

/** One HTTP request, fully resolved (URL path relative to the target's base URL). */
export interface ContractRequest {
  method: string;
  /** Path after the base URL, query string included, e.g. `/projects/alpha.json?limit=1`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** One HTTP response as the engine sees it. */
export interface ContractResponse {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  bodyText: string;
  /** Round-trip time in milliseconds. */
  ms: number;
}

/** Outcome of one check. */
export type CheckResult = 'passed' | 'failed' | 'not-applicable';

/** One executed (or deliberately not executed) step of a scenario, tied to the operation it exercises. */
export interface CheckRecord {
  operationId: string;
  /** `GET /projects/{project_id}.xml`: method and path template with the actual suffix. */
  label: string;
  scenario: string;
  step: string;
  result: CheckResult;
  /** Violations and unmet expectations, most relevant first (empty when passed). */
  differences: string[];
  /** Why the check does not apply (not-applicable only). */
  reason?: string;
  /** Response status, when a request was sent. */
  status?: number;
  /** The documented response the status matched (`200`, `4XX`, `default`), for response coverage. */
  documentedAs?: string;
  ms?: number;
}
