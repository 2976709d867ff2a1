import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type ApiId, isApiId, type OpenApiDocument } from '../src/spec/load.js';
import { AUTH_SCENARIO, authenticationScenario } from './scenarios/authentication.js';
import { scenariosFor } from './scenarios/index.js';
import { type AuthMaterial, findTokenOperation } from './support/auth.js';
import { CleanupRegistry } from './support/cleanup.js';
import { computeCoverage } from './support/coverage.js';
import { type Credentials, resolveCredentials } from './support/credentials.js';
import { formatJunit } from './support/report-junit.js';
import type { ContractResult } from './support/result.js';
import { type ProgressEvent, type RunnerContext, runScenario, runStep } from './support/runner.js';
import type { ScenarioContext, ScenarioSet } from './support/scenario.js';
import { createSchemaValidator } from './support/schema-validator.js';
import { loadApiSpec, specFromDocument } from './support/spec-model.js';
import { summariseOperations } from './support/summary.js';
import { startTarget, type Target } from './support/target.js';
import { binderXmlCodec } from './support/xml-codec.js';

export type { ContractResult } from './support/result.js';

/** Options of {@link runContract} (the `crmkit contract` flags). */
export interface ContractOptions extends Credentials {
  /** API id (`redmine`, `planio`, `redmineup`, `plutio`), or any name when `document` is given. */
  api: string;
  /** A bundled document to use instead of `dist/openapi/<api>.json`. */
  document?: OpenApiDocument;
  /** `reference`, `prism`, a live server's base URL, or a target started by the caller (left running). */
  target: string | Target;
  /** Send no writes: every scenario that would write is reported as not applicable. */
  readOnly?: boolean;
  /** Write JUnit XML to this file. */
  report?: string;
  /** Write the whole result as JSON to this file. */
  json?: string;
  /** Called after every check (the CLI prints progress lines to stderr). */
  onProgress?: (event: ProgressEvent) => void;
  /** Extra scenario sets, run after the generated and API-specific ones. */
  scenarios?: ScenarioSet[];
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Deletes what the run created and scenarios did not delete themselves; returns what could not be deleted. */
async function cleanUp(rc: RunnerContext): Promise<string[]> {
  const leftovers: string[] = [];
  for (const { key, step } of rc.cleanup.drain()) {
    const before = rc.records.length;
    await runStep(rc, { name: 'cleanup', kind: 'lifecycle', steps: [step] }, step, {
      vars: {},
      tag: rc.tag,
      target: rc.kind,
    });
    const rec = rc.records[before];
    const deleted = rec?.result === 'passed' && (rec.status ?? 500) < 300;
    if (!deleted) leftovers.push(key);
  }
  return leftovers;
}

/**
 * Runs the contract of one API document against a target: starts the target (reference server or Prism) unless
 * it is a live URL, authenticates, runs every scenario (per operation, Redmine-family core, API-specific),
 * deletes what the run created, stops what it started and returns the result. Writes JUnit XML (`report`) and
 * JSON (`json`) when asked. Never throws for violations: `result.ok` is false instead.
 */
export async function runContract(options: ContractOptions): Promise<ContractResult> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const { api } = options;
  if (!options.document && !isApiId(api)) throw new Error(`unknown API "${api}"`);
  const spec = options.document ? specFromDocument(api, options.document) : loadApiSpec(api as ApiId);
  const own = typeof options.target === 'string';
  if (own && !isApiId(api)) throw new Error(`a "${String(options.target)}" target needs a known API id`);
  const target = typeof options.target === 'string' ? await startTarget(api as ApiId, options.target) : options.target;
  try {
    const readOnly = options.readOnly === true;
    const creds = resolveCredentials(options, target.kind);
    const auth: AuthMaterial = { ...creds };
    const sc: ScenarioContext = {
      spec,
      target: target.kind,
      readOnly,
      xml: binderXmlCodec,
      userKey: creds.userKey,
      credentials: creds,
    };
    const login = authenticationScenario(spec, creds);
    const scenarios = [...(login ? [login] : []), ...(await scenariosFor(sc, options.scenarios))];
    const tokenOp = findTokenOperation(spec)?.operationId;
    const rc: RunnerContext = {
      spec,
      baseUrl: target.baseUrl,
      kind: target.kind,
      check: { validator: createSchemaValidator(spec.raw), xml: binderXmlCodec },
      xml: binderXmlCodec,
      auth,
      readOnly,
      tag: `ct${randomBytes(4).toString('hex')}`,
      cleanup: new CleanupRegistry(),
      records: [],
      safeWrites: new Set(tokenOp ? [tokenOp] : []),
      total: scenarios.reduce((n, s) => n + s.steps.length, 0),
      onProgress: options.onProgress,
    };
    for (const scenario of scenarios) {
      const ctx = await runScenario(rc, scenario);
      if (scenario.name === AUTH_SCENARIO && typeof ctx.vars.token === 'string') auth.token = ctx.vars.token;
    }
    const leftovers = await cleanUp(rc);
    const count = (k: string) => rc.records.filter((r) => r.result === k).length;
    const totals = { passed: count('passed'), failed: count('failed'), notApplicable: count('not-applicable') };
    const result: ContractResult = {
      api: options.api,
      target: { kind: target.kind, description: target.description, baseUrl: target.baseUrl },
      readOnly,
      tag: rc.tag,
      startedAt,
      durationMs: Date.now() - started,
      operations: summariseOperations(spec, rc.records),
      checks: rc.records,
      coverage: computeCoverage(spec, rc.records),
      totals,
      leftovers,
      ok: totals.failed === 0 && leftovers.length === 0,
    };
    if (options.report) write(options.report, formatJunit(result));
    if (options.json) write(options.json, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    if (own) await target.close();
  }
}
