import type { Credentials } from './credentials.js';
import type { BuiltRequest } from './request-builder.js';
import type { ApiSpec } from './spec-model.js';
import type { Format, TargetKind } from './types.js';
import type { XmlCodec } from './xml-codec.js';

/** State shared by the steps of one scenario. */
export interface StepContext {
  /** Values captured by earlier steps (`id`, `token`, …). */
  vars: Record<string, unknown>;
  /** The scenario's format, for Redmine-family paths. */
  format?: Format;
  /** A short tag unique to this run (lower-case letters and digits), for names of created objects. */
  tag: string;
  target: TargetKind;
}

/** A value given directly or computed from the scenario's state when the step runs. */
export type Dyn<T> = T | ((ctx: StepContext) => T);

/** A request body given directly (any JSON value, or a string sent as is) or computed when the step runs. */
export type DynBody = string | number | boolean | null | object | ((ctx: StepContext) => unknown);

/** What a step got back. */
export interface StepResult {
  status: number;
  headers: Record<string, string>;
  /** The body read per its media type: parsed JSON, XML bound through the schema, or text. */
  value: unknown;
  /** `value` without a single-key JSON envelope (`{"project": {...}}` → `{...}`), comparable across formats. */
  resource: unknown;
  request: BuiltRequest;
}

/** What a step expects beyond conformance to the document (which is always checked). */
export interface Expectation {
  /** `'success'` (any 2xx, the default), one status, or a list of acceptable statuses. */
  status?: 'success' | number | number[];
  /** State checks: returns the differences found (empty, undefined or '' when all is well). */
  check?: (res: StepResult, ctx: StepContext) => string[] | string | undefined;
}

/** One request of a scenario. */
export interface Step {
  operationId: string;
  /** Shown in reports (defaults to the operation's label, e.g. `GET /projects/{project_id}.json`). */
  title?: string;
  /** Overrides the scenario's format. */
  format?: Format;
  /** Parameter values by name (path, query, header); `OMIT` leaves one out; unknown names go to the query. */
  params?: Dyn<Record<string, unknown>>;
  /** Body value (serialised per media type; a string is sent verbatim). Defaults to the document's example. */
  body?: DynBody;
  /** Request media type (defaults to the format's, else JSON). */
  mediaType?: string;
  /** Extra request headers. */
  headers?: Dyn<Record<string, string>>;
  /** Send no credentials (the tenant header is still sent). */
  anonymous?: boolean;
  /** Send no tenant (`Business`) header at all; one set in `headers` or `params` replaces the run's. */
  noTenant?: boolean;
  /** Rewrites the finished request path (e.g. drop the suffix). */
  rewritePath?: (path: string) => string;
  /** Report label override (e.g. `GET /users/current` for a request without suffix). */
  label?: string;
  expect?: Expectation;
  /** Values to remember for later steps, read from the response. */
  capture?: (res: StepResult, ctx: StepContext) => Record<string, unknown> | undefined;
  /** Registers the deletion of what this step created; the step runs at the end unless settled earlier. */
  cleanup?: (res: StepResult, ctx: StepContext) => Cleanup | undefined;
  /** The cleanup keys this step settles when it succeeds (the scenario deleted its objects itself). */
  settles?: (ctx: StepContext) => string | string[];
  /** A reason not to run this step now (the step is then not applicable). */
  skipIf?: (ctx: StepContext) => string | undefined;
}

/** A deletion owed at the end of the run. */
export interface Cleanup {
  key: string;
  step: Step;
}

/** What a scenario exercises (decides grouping in reports). */
export type ScenarioKind = 'operation' | 'lifecycle' | 'negative' | 'behaviour';

/** An ordered list of steps sharing state. */
export interface Scenario {
  /** Unique within a run; an API-specific scenario with the name of a generated one replaces it. */
  name: string;
  kind: ScenarioKind;
  format?: Format;
  /**
   * Why this scenario needs a server that keeps state or implements behaviour beyond the document (a sentence).
   * Against Prism the scenario is not applicable, with this reason.
   */
  stateful?: string;
  /** Not applicable on this target, with the reason (computed by scenario builders). */
  notApplicable?: string;
  steps: Step[];
}

/** What scenario builders get to work from. */
export interface ScenarioContext {
  spec: ApiSpec;
  target: TargetKind;
  readOnly: boolean;
  xml: XmlCodec;
  /** API key of a second user who is not an administrator (Redmine family), when the run has one. */
  userKey?: string;
  /** The run's credentials (for scenarios that call the token endpoint themselves). */
  credentials?: Credentials;
}

/** A module's scenarios for one API: `contract-tests/scenarios/<api>.ts` default-exports one of these. */
export type ScenarioSet = (ctx: ScenarioContext) => Scenario[];

/** Thrown by {@link need} when a step depends on a value an earlier step did not capture. */
export class MissingValue extends Error {
  override name = 'MissingValue';
}

/** Reads a captured value, or stops the step as not applicable when an earlier step failed to capture it. */
export function need<T = unknown>(ctx: StepContext, name: string): T {
  const value = ctx.vars[name];
  if (value === undefined) throw new MissingValue(`needs "${name}", which an earlier step did not capture`);
  return value as T;
}
export { OMIT } from './request-builder.js';
