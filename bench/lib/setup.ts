import type { ApiId } from '../../src/spec/load.js';
import { type BareServer, startBare } from './bare.js';
import { BASE_PATHS, type CrmkitLaunch, type CrmkitProcess, startCrmkit } from './crmkit.js';
import { type HttpAnswer, jsonBody } from './http.js';
import { toRequests } from './measure.js';
import { CallLog, DEFAULT_VARS, type FoundVars, findVars, type Preflight, preflight } from './prepare.js';
import { type PrismServer, startPrism } from './prism.js';
import type { Cell, Row } from './rounds.js';
import type { ServerKind, Workload } from './workloads.js';

/** The server processes the load runs against (each one only when selected). */
export interface LoadServers {
  crmkit?: CrmkitProcess;
  /** Why crmkit is missing although it was selected. */
  crmkitError?: string;
  prism: Partial<Record<ApiId, PrismServer>>;
  bare?: BareServer;
}

/** Starts the selected servers side by side: crmkit with the load settings, one Prism per document, bare. */
export async function startLoadServers(
  servers: readonly ServerKind[],
  workloads: readonly Workload[],
  launch: CrmkitLaunch,
): Promise<LoadServers> {
  const docs = [...new Set(workloads.map((w) => w.prismDoc))];
  let crmkitError: string | undefined;
  const [crmkit, bare, ...prisms] = await Promise.all([
    servers.includes('crmkit')
      ? startCrmkit(launch).catch((err: Error) => {
          crmkitError = `crmkit did not start: ${err.message.split('\n').slice(0, 3).join(' ').trim()}`;
          return undefined;
        })
      : undefined,
    servers.includes('bare') ? startBare() : undefined,
    ...docs.map((d) => (servers.includes('prism') ? startPrism(d) : undefined)),
  ]);
  const prism: LoadServers['prism'] = {};
  docs.forEach((d, i) => {
    const p = prisms[i];
    if (p) prism[d] = p;
  });
  return { crmkit, crmkitError, bare, prism };
}

function cell(server: ServerKind, url: string, fields: Partial<Cell>): Cell {
  return { server, available: false, notes: [], url, requests: [], samples: [], ...fields };
}

function matches(answer: HttpAnswer | undefined): number | string {
  const body = answer ? jsonBody(answer) : undefined;
  return Array.isArray(body) ? body.length : '?';
}

function byMethod(workload: Workload, answers: readonly HttpAnswer[]): Record<string, HttpAnswer> {
  const out: Record<string, HttpAnswer> = {};
  workload.steps(DEFAULT_VARS).forEach((step, i) => {
    const a = answers[i];
    if (a) out[step.method] = a;
  });
  return out;
}

/** The rows of the run with every cell prepared, and the vars found on the reference server. */
export interface PreparedRows {
  rows: Row[];
  found?: FoundVars;
}

/**
 * Finds the vars on the reference server, runs every workload once on each server and builds the measured cells.
 * A cell is available when its preflight answered 2xx; the bare server replays crmkit's answers, or Prism's while
 * crmkit does not serve the workload.
 */
export async function prepareRows(
  s: LoadServers,
  workloads: readonly Workload[],
  people: number,
): Promise<PreparedRows> {
  const crmkitLog = s.crmkit ? new CallLog(s.crmkit.url) : undefined;
  const found = s.crmkit && crmkitLog ? await findVars(s.crmkit, crmkitLog, people) : undefined;
  const vars = found?.vars ?? DEFAULT_VARS;
  const rows: Row[] = [];
  for (const w of workloads) {
    const steps = w.steps(vars);
    let crmkitRun: Preflight | undefined;
    let crmkitCell = cell('crmkit', '', { reason: s.crmkitError ?? 'not selected' });
    if (s.crmkit && crmkitLog) {
      const served = s.crmkit.apis[w.api];
      const notes: string[] = [];
      if (w.api === 'plutio')
        notes.push(...s.crmkit.unknownFlags.map((f) => `this CLI has no ${f}; given through CRMKIT_* only`));
      if (w.id === 'plutio-q' && found && !found.storeOk) notes.push(...found.notes);
      if (w.id === 'planio-create')
        notes.push('each POST is followed by a DELETE of the new company; req/s counts both');
      if (w.id === 'plutio-token') notes.push('every call issues a token the server keeps');
      if (!served.served)
        crmkitCell = cell('crmkit', s.crmkit.url, { reason: `crmkit does not serve ${w.api} (${served.reason})` });
      else {
        crmkitRun = await preflight(w, vars, crmkitLog, BASE_PATHS[w.api]);
        if (w.id === 'plutio-q' && crmkitRun.ok)
          notes.push(`q = ${vars.q}: ${matches(crmkitRun.answers[0])} match(es)`);
        crmkitCell = cell('crmkit', s.crmkit.url, {
          available: crmkitRun.ok,
          reason: crmkitRun.reason,
          notes,
          requests: toRequests(steps, BASE_PATHS[w.api]),
        });
      }
    }
    let prismRun: Preflight | undefined;
    let prismCell = cell('prism', '', { reason: 'not selected' });
    const prism = s.prism[w.prismDoc];
    if (!w.prism.serves) prismCell = cell('prism', '', { reason: w.prism.note });
    else if (prism) {
      const prismSteps = w.steps({ ...DEFAULT_VARS, q: vars.q, companyId: vars.companyId });
      prismRun = await preflight(
        w,
        { ...DEFAULT_VARS, q: vars.q, companyId: vars.companyId },
        new CallLog(prism.url),
        '',
      );
      prismCell = cell('prism', prism.url, {
        available: prismRun.ok,
        reason: prismRun.reason,
        notes: [w.prism.note, w.prism.faithful ? undefined : 'not counted for the 6× target'].filter(
          (n): n is string => n !== undefined,
        ),
        requests: toRequests(prismSteps, ''),
      });
    }
    let bareCell = cell('bare', '', { reason: 'not selected' });
    if (s.bare) {
      const bare = s.bare;
      const source = crmkitRun?.ok ? 'crmkit' : prismRun?.ok ? 'Prism' : undefined;
      const answers = crmkitRun?.ok ? crmkitRun.answers : prismRun?.ok ? prismRun.answers : undefined;
      if (!answers) bareCell = cell('bare', bare.url, { reason: 'neither crmkit nor Prism answered this workload' });
      else {
        const canned = byMethod(w, answers);
        bareCell = cell('bare', bare.url, {
          available: true,
          notes: source === 'crmkit' ? [] : [`replays ${source}'s answer (crmkit does not serve it)`],
          requests: toRequests(steps, BASE_PATHS[w.api]),
          before: () => bare.use(canned),
        });
      }
    }
    rows.push({ workload: w, cells: { crmkit: crmkitCell, prism: prismCell, bare: bareCell } });
  }
  return { rows, found };
}
