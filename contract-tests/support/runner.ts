import { type AuthMaterial, applyAuth, isBusiness, type TenantChoice } from './auth.js';
import { unwrapResource } from './body-values.js';
import { type CheckContext, checkResponse } from './check-response.js';
import type { CleanupRegistry } from './cleanup.js';
import { sendRequest } from './http-client.js';
import { type BuiltRequest, buildRequest } from './request-builder.js';
import { type Dyn, MissingValue, type Scenario, type Step, type StepContext, type StepResult } from './scenario.js';
import { type ApiSpec, allowsAnonymous, isWrite, operationById, operationLabel } from './spec-model.js';
import type { CheckRecord, ContractResponse, Format, TargetKind } from './types.js';
import type { XmlCodec } from './xml-codec.js';

/** One finished check, reported as the run goes. */
export interface ProgressEvent {
  done: number;
  total: number;
  record: CheckRecord;
}

/** Everything a run shares between scenarios. */
export interface RunnerContext {
  spec: ApiSpec;
  baseUrl: string;
  kind: TargetKind;
  check: CheckContext;
  xml: XmlCodec;
  auth: AuthMaterial;
  readOnly: boolean;
  tag: string;
  cleanup: CleanupRegistry;
  records: CheckRecord[];
  /** Operations that send no data change although they are not GETs (the OAuth2 token call). */
  safeWrites: Set<string>;
  total: number;
  onProgress?: (event: ProgressEvent) => void;
}

const resolve = <T>(value: Dyn<T> | undefined, ctx: StepContext): T | undefined =>
  typeof value === 'function' ? (value as (c: StepContext) => T)(ctx) : value;

function record(rc: RunnerContext, entry: CheckRecord): void {
  rc.records.push(entry);
  rc.onProgress?.({ done: rc.records.length, total: Math.max(rc.total, rc.records.length), record: entry });
}

const writes = (rc: RunnerContext, step: Step) =>
  isWrite(operationById(rc.spec, step.operationId)) && !rc.safeWrites.has(step.operationId);

function statusDifference(expected: Step['expect'], status: number): string | undefined {
  const want = expected?.status ?? 'success';
  if (want === 'success') return status >= 200 && status < 300 ? undefined : `expected a success status, got ${status}`;
  const list = Array.isArray(want) ? want : [want];
  return list.includes(status) ? undefined : `expected ${list.join(' or ')}, got ${status}`;
}

/** A live server refusing the run's credentials with its documented 403 says nothing about the contract. */
const forbiddenOnLive = (rc: RunnerContext, step: Step, status: number, documentedAs?: string) =>
  rc.kind === 'live' && status === 403 && documentedAs === '403' && ![step.expect?.status].flat().includes(403);

const asList = (v: string[] | string | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);

/** Why a whole scenario does not apply on this run, if it does not. */
function scenarioNotApplicable(rc: RunnerContext, scenario: Scenario): string | undefined {
  const writing = scenario.steps.find((s) => writes(rc, s));
  if (rc.readOnly && writing) return 'read-only run: the scenario sends writes';
  if (scenario.notApplicable) return scenario.notApplicable;
  if (rc.kind === 'prism' && scenario.stateful) {
    return `not meaningful on Prism, which answers from examples and keeps no state: ${scenario.stateful}`;
  }
  return undefined;
}

/** The step's tenant header: none, the one it sets in `headers` or `params`, else the run's. */
function tenantChoice(step: Step, ctx: StepContext): TenantChoice {
  if (step.noTenant) return 'none';
  const named = [resolve(step.headers, ctx), resolve(step.params, ctx)].some((o) =>
    Object.keys(o ?? {}).some(isBusiness),
  );
  return named ? 'given' : 'run';
}

/** Builds and authenticates a step's request, or says why it cannot be sent. */
function prepare(rc: RunnerContext, step: Step, ctx: StepContext, format: Format | undefined): BuiltRequest | string {
  const op = operationById(rc.spec, step.operationId);
  const skip = step.skipIf?.(ctx);
  if (skip) return skip;
  if (rc.readOnly && writes(rc, step)) return 'read-only run: sends no writes';
  let built: BuiltRequest;
  try {
    const plan = {
      op,
      format,
      params: resolve(step.params, ctx),
      body: resolve(step.body, ctx),
      mediaType: step.mediaType,
      headers: resolve(step.headers, ctx),
      rewritePath: step.rewritePath,
    };
    built = buildRequest(plan, rc.xml);
  } catch (err) {
    if (err instanceof MissingValue) return err.message;
    throw err;
  }
  const used = applyAuth(rc.spec, op, built.request, rc.auth, step.anonymous === true, tenantChoice(step, ctx));
  if (used.length === 0 && !step.anonymous && !allowsAnonymous(rc.spec, op)) {
    return 'no credentials for an operation that requires them (see --key, --user, --client-id)';
  }
  return built;
}

/** Applies the step's expectations, captures and cleanup bookkeeping; returns the unmet expectations. */
function judge(rc: RunnerContext, step: Step, ctx: StepContext, result: StepResult, statusDiff?: string): string[] {
  const out: string[] = statusDiff ? [statusDiff] : [];
  try {
    if (!statusDiff) out.push(...asList(step.expect?.check?.(result, ctx)));
    Object.assign(ctx.vars, step.capture?.(result, ctx) ?? {});
    if (result.status >= 200 && result.status < 300 && rc.kind !== 'prism') {
      const owed = step.cleanup?.(result, ctx);
      if (owed) rc.cleanup.register(owed);
      for (const key of [step.settles?.(ctx) ?? []].flat()) rc.cleanup.settle(key);
    }
  } catch (err) {
    if (!(err instanceof MissingValue)) throw err;
    out.push(err.message);
  }
  return out;
}

/** Runs one step: builds, authenticates, sends and checks the request, then applies the step's expectations. */
export async function runStep(rc: RunnerContext, scenario: Scenario, step: Step, ctx: StepContext): Promise<void> {
  const op = operationById(rc.spec, step.operationId);
  const format = step.format ?? ctx.format;
  const label = step.label ?? operationLabel(op, format);
  const base = { operationId: op.operationId, label, scenario: scenario.name, step: step.title ?? label };
  const built = prepare(rc, step, ctx, format);
  if (typeof built === 'string') {
    return record(rc, { ...base, result: 'not-applicable', differences: [], reason: built });
  }
  let res: ContractResponse;
  try {
    res = await sendRequest(rc.baseUrl, built.request);
  } catch (err) {
    return record(rc, { ...base, result: 'failed', differences: [(err as Error).message] });
  }
  const checked = checkResponse(rc.check, op, label, format, res);
  const seen = { status: res.status, ms: res.ms, documentedAs: checked.documentedAs };
  const statusDiff = statusDifference(step.expect, res.status);
  if (statusDiff && checked.differences.length === 0 && forbiddenOnLive(rc, step, res.status, checked.documentedAs)) {
    const reason = 'these credentials may not do this (documented 403); credentials with more rights exercise it';
    return record(rc, { ...base, ...seen, result: 'not-applicable', differences: [], reason });
  }
  const value = checked.value;
  const result: StepResult = {
    status: res.status,
    headers: res.headers,
    value,
    resource: unwrapResource(value),
    request: built,
  };
  const unmet = judge(rc, step, ctx, result, statusDiff).map((d) => `${label}: ${d}`);
  const differences = statusDiff ? [...unmet, ...checked.differences] : [...checked.differences, ...unmet];
  record(rc, { ...base, ...seen, result: differences.length > 0 ? 'failed' : 'passed', differences });
}

/** Runs a scenario's steps in order with shared state, or records them all as not applicable with the reason. */
export async function runScenario(rc: RunnerContext, scenario: Scenario, vars: Record<string, unknown> = {}) {
  const ctx: StepContext = { vars: { ...vars }, format: scenario.format, tag: rc.tag, target: rc.kind };
  const reason = scenarioNotApplicable(rc, scenario);
  for (const step of scenario.steps) {
    if (!reason) {
      await runStep(rc, scenario, step, ctx);
      continue;
    }
    const op = operationById(rc.spec, step.operationId);
    const label = step.label ?? operationLabel(op, step.format ?? scenario.format);
    record(rc, {
      operationId: op.operationId,
      label,
      scenario: scenario.name,
      step: step.title ?? label,
      result: 'not-applicable',
      differences: [],
      reason,
    });
  }
  return ctx;
}
