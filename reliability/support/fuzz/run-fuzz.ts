import fc from 'fast-check';
import type { ApiId } from '../../../src/spec/load.js';
import { send } from '../http.js';
import { type InProcessServer, startInProcess } from '../servers.js';
import { type SpecKit, specDifferences, specKit } from '../spec.js';
import { buildFuzzRequest } from './build.js';
import { caseArbitrary, type FuzzCase } from './case-arbitrary.js';
import { type Finding, Findings } from './findings.js';
import { takeCodeExecution, takePollution } from './invariants.js';
import { type FuzzPlan, familyPlan, plutioPlan } from './plan.js';

/** How long and how hard to fuzz one API. */
export interface FuzzOptions {
  api: ApiId;
  /** Most generated requests. */
  runs: number;
  /** Stop generating after this many milliseconds even when `runs` is not reached. */
  timeLimitMs: number;
  seed: number;
  /** Reseed the API every this many requests, so deletions do not starve later cases (default 150). */
  resetEvery?: number;
}

/** The figures of one fuzz run and what it found. */
export interface FuzzReport {
  api: ApiId;
  seed: number;
  requests: number;
  refused: number;
  accepted: number;
  serverErrors: number;
  specChecked: number;
  maxMs: number;
  operations: number;
  operationsHit: number;
  findings: Findings;
  /** The server still answers its health check after the run. */
  alive: boolean;
}

/**
 * Fuzzes every operation of one API on an in-process reference server. Each request is checked for: no 5xx, no
 * crash, an answer within the timeout, an answer that matches the operation's spec (errors included) when the
 * request took the operation's route, an unchanged store after every refused request and every read, and an
 * untouched `Object.prototype`. Findings are collected (the run does not stop at the first) and grouped.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const srv = await startInProcess({ apis: [options.api] });
  try {
    const apiUrl = srv.api(options.api);
    const kit = specKit(options.api);
    const plan = options.api === 'plutio' ? await plutioPlan(options.api, kit, apiUrl) : familyPlan(options.api, kit);
    srv.module(options.api).reset();
    const report = await fuzzLoop(srv, apiUrl, kit, plan, options);
    const health = await send({ method: 'GET', url: `${srv.url}/__crmkit/health` });
    report.alive = health.status === 200;
    return report;
  } finally {
    await srv.close();
  }
}

async function fuzzLoop(
  srv: InProcessServer,
  apiUrl: string,
  kit: SpecKit,
  plan: FuzzPlan,
  options: FuzzOptions,
): Promise<FuzzReport> {
  const module = srv.module(options.api);
  const findings = new Findings();
  const hit = new Set<string>();
  const report: FuzzReport = {
    api: options.api,
    seed: options.seed,
    requests: 0,
    refused: 0,
    accepted: 0,
    serverErrors: 0,
    specChecked: 0,
    maxMs: 0,
    operations: plan.ops.length,
    operationsHit: 0,
    findings,
    alive: false,
  };
  let digest = srv.digest();
  const resetEvery = options.resetEvery ?? 150;

  const execute = async (c: FuzzCase): Promise<boolean> => {
    const built = buildFuzzRequest(c, apiUrl);
    const violations = srv.server.log.violations.length;
    const crashes = srv.crashes().length;
    const res = await send(built.req);
    report.requests++;
    report.maxMs = Math.max(report.maxMs, res.ms);
    const where = built.checkable
      ? `${c.op.method} ${c.op.path}`
      : `${built.req.method} ${c.mode === 'raw' ? '(any path)' : `${c.op.path} (other method)`}`;
    const add = (kind: Finding['kind'], detail: string) =>
      findings.add({
        kind,
        where: `${options.api} ${where}`,
        status: res.status,
        detail,
        request: built.summary,
        response: `${res.status} ${res.headers['content-type'] ?? ''} ${JSON.stringify(res.bodyText.slice(0, 300))}`,
        size: built.size,
      });
    if (res.status === 0) add(res.timedOut ? 'hang' : 'connection', res.error ?? 'no answer');
    else if (res.status >= 500) {
      report.serverErrors++;
      const issues = srv.server.log.violations.slice(violations).flatMap((v) => v.issues);
      const why = issues.map((i) => `${i.pointer || '/'} ${i.message}`).join('; ');
      add('5xx', why ? `response broke the spec in the handler: ${why}` : 'server error');
    }
    if (srv.crashes().length > crashes) add('crash', srv.crashes().slice(crashes).join(' | ').slice(0, 400));
    if (res.status >= 400 || res.status === 0) report.refused++;
    else report.accepted++;
    if (res.status > 0 && res.status < 400 && built.checkable) hit.add(c.op.operationId);
    if (built.checkable && res.status > 0) {
      report.specChecked++;
      for (const d of specDifferences(kit, c.op, built.format, res).slice(0, 2))
        add('spec', d.slice(d.indexOf(': ') + 2));
    }
    const after = srv.digest();
    if (after !== digest) {
      if (res.status >= 400 || res.status === 0) add('state-changed-by-refusal', 'the store changed');
      else if (built.req.method === 'GET') add('state-changed-by-read', 'a read changed the store');
    }
    digest = after;
    const polluted = takePollution();
    if (polluted) add('prototype-pollution', polluted);
    if (takeCodeExecution()) add('code-executed', 'a query operator payload was executed');
    if (report.requests % resetEvery === 0) {
      module.reset();
      digest = srv.digest();
    }
    return true;
  };

  await fc.check(
    fc.asyncProperty(caseArbitrary(plan), (c) => execute(c)),
    { numRuns: options.runs, seed: options.seed, plugins: [fc.interruptAfterTimeLimit(options.timeLimitMs)] },
  );
  report.operationsHit = hit.size;
  return report;
}
