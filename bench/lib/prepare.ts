import { ADMIN_KEY, BASE_PATHS, type CrmkitProcess } from './crmkit.js';
import { describeAnswer, type HttpAnswer, type HttpRequest, jsonBody, send } from './http.js';
import { TOKEN_FORM, type Workload, type WorkloadVars } from './workloads.js';

/** One request sent while preparing, with its time (the first request of an operation in a fresh process). */
export interface TimedCall {
  label: string;
  status: number;
  ms: number;
}

/** Records every request sent to one server while preparing. */
export class CallLog {
  readonly calls: TimedCall[] = [];
  constructor(readonly baseUrl: string) {}

  async send(label: string, req: HttpRequest): Promise<HttpAnswer> {
    const answer = await send(this.baseUrl, req);
    this.calls.push({ label, status: answer.status, ms: answer.ms });
    return answer;
  }
}

/** What a single run of a workload's steps showed. */
export interface Preflight {
  ok: boolean;
  reason?: string;
  /** The answer of each step, in order (the bytes the bare server replays). */
  answers: HttpAnswer[];
}

/** The vars found on the reference server, with notes on what differs from the intended set-up. */
export interface FoundVars {
  vars: WorkloadVars;
  notes: string[];
  /** Whether the Plutio people store holds at least `people` records. */
  storeOk: boolean;
}

/** Fallback values (Prism answers examples, so any id or token passes its checks). */
export const DEFAULT_VARS: WorkloadVars = {
  companyId: 1,
  token: 'benchmark-token',
  q: JSON.stringify({ $or: [{ 'name.first': 'John' }, { 'name.last': 'Doe' }] }),
};

/**
 * Finds a Planio company id, a Plutio token and a `q` over the people store on the reference server (see
 * {@link selectiveQuery}).
 */
export async function findVars(crmkit: CrmkitProcess, log: CallLog, people: number): Promise<FoundVars> {
  const vars = { ...DEFAULT_VARS };
  const notes: string[] = [];
  let storeOk = false;
  if (crmkit.apis.plutio.served) {
    const base = BASE_PATHS.plutio;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const token = await log.send('plutio POST /oauth/token', {
      method: 'POST',
      path: `${base}/oauth/token`,
      headers: form,
      body: TOKEN_FORM,
    });
    const accessToken = (jsonBody(token) as { accessToken?: unknown } | undefined)?.accessToken;
    if (typeof accessToken === 'string') vars.token = accessToken;
    else notes.push(`no Plutio token: ${describeAnswer({ method: 'POST', path: '/oauth/token' }, token)}`);
    const headers = { authorization: `Bearer ${vars.token}`, business: 'acme' };
    const lastPath = `${base}/people?skip=${people - 1}&limit=1`;
    let last = jsonBody(
      await log.send(`plutio GET /people?skip=${people - 1}&limit=1`, { method: 'GET', path: lastPath, headers }),
    );
    storeOk = Array.isArray(last) && last.length === 1;
    if (!storeOk) {
      notes.push(`the Plutio store holds fewer than ${people} people (start option --plutio-people not in effect)`);
      last = jsonBody(
        await log.send('plutio GET /people?limit=1', { method: 'GET', path: `${base}/people?limit=1`, headers }),
      );
    }
    const q = selectiveQuery(Array.isArray(last) ? last[0] : undefined);
    if (q) vars.q = q;
  }
  if (crmkit.apis.planio.served) {
    const list = await log.send('planio GET /companies.json?limit=1', {
      method: 'GET',
      path: `${BASE_PATHS.planio}/companies.json?limit=1`,
      headers: { 'x-redmine-api-key': ADMIN_KEY },
    });
    const id = (jsonBody(list) as { companies?: { id?: unknown }[] } | undefined)?.companies?.[0]?.id;
    if (typeof id === 'number') vars.companyId = id;
  }
  return { vars, notes, storeOk };
}

/**
 * The `q` of the search workload: the documented `$or` shape over the e-mail address and phone number of the store's
 * last person. It matches that one person, so the server has to look at every record (a query matching many people
 * would stop after the first page of 25).
 */
export function selectiveQuery(person: unknown): string | undefined {
  const p = person as { contactEmails?: { address?: unknown }[]; contactPhones?: { number?: unknown }[] } | undefined;
  const email = p?.contactEmails?.[0]?.address;
  const phone = p?.contactPhones?.[0]?.number;
  if (typeof email !== 'string' || typeof phone !== 'string') return undefined;
  return JSON.stringify({ $or: [{ 'contactEmails.address': email }, { 'contactPhones.number': phone }] });
}

/**
 * Runs a workload's steps once, in order, against `prefix` on the log's server (a later step may take its path from
 * the previous answer). The workload is available when every step answered 2xx.
 */
export async function preflight(
  workload: Workload,
  vars: WorkloadVars,
  log: CallLog,
  prefix: string,
): Promise<Preflight> {
  const answers: HttpAnswer[] = [];
  let previous = '';
  for (const step of workload.steps(vars)) {
    const path = step.pathFrom?.(previous) ?? step.path;
    const answer = await log.send(`${workload.id}: ${step.method} ${path.split('?')[0]}`, {
      ...step,
      path: prefix + path,
    });
    answers.push(answer);
    if (answer.status < 200 || answer.status > 299)
      return { ok: false, reason: describeAnswer({ ...step, path }, answer), answers };
    previous = answer.body.toString('utf8');
  }
  return { ok: true, answers };
}
