import { STATUS_CODES } from 'node:http';
import { ApiError, type ErrorCode } from '../server/errors.js';
import type { CompiledOperation, Mount } from '../server/mount.js';
import type { ErrorContext, Format, RawResponse, RequestInfo } from '../server/types.js';
import { createRng, type Rng } from '../store/prng.js';
import { parseFaultHeader } from './fault-spec.js';
import { drawDecision, type FaultDecision, type FaultTable } from './fault-table.js';

/** The fault chosen for one request, with what routing found out about it. */
export interface FaultPlan {
  decision: FaultDecision;
  route: CompiledOperation | undefined;
  format: Format | undefined;
}

/** The error code a forced status is rendered as, so that each API answers it in its own error format. */
const CODES: Readonly<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION',
  429: 'RATE_LIMITED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/**
 * Decides the fault of an API request: a per-request header (`X-Crmkit-Fault`, else fault settings in `Prefer`)
 * wins over the rules and does not use them up; otherwise the fault table decides. The caller asks only when the
 * table has rules or such a header is present, so requests pay nothing when no fault is configured.
 */
export class FaultInjector {
  private readonly rng: Rng;

  /** @param headers whether per-request headers may ask for faults (the control endpoints are on). */
  constructor(
    readonly table: FaultTable,
    readonly headers: boolean,
    seed: number,
  ) {
    this.rng = createRng(seed ^ 0x5bd1e995);
  }

  /** True when this request must go through `plan` (rules exist, or it carries a fault header). */
  wants(info: RequestInfo): boolean {
    if (this.table.size > 0) return true;
    return this.headers && (info.headers['x-crmkit-fault'] !== undefined || info.headers.prefer !== undefined);
  }

  /** The fault for this request, or undefined. Throws FaultSpecError for a malformed fault header. */
  plan(mount: Mount, info: RequestInfo): FaultPlan | undefined {
    let decision: FaultDecision | undefined;
    if (this.headers) {
      const x = info.headers['x-crmkit-fault'];
      const effect =
        (x === undefined ? undefined : parseFaultHeader(x, true, 'X-Crmkit-Fault')) ??
        (info.headers.prefer === undefined ? undefined : parseFaultHeader(info.headers.prefer, false, 'Prefer'));
      if (effect) decision = drawDecision(effect, this.rng);
    }
    if (!decision && this.table.size === 0) return undefined;
    let match = mount.router.match(info.method, info.path);
    if (match.kind !== 'found' && info.method === 'HEAD') match = mount.router.match('GET', info.path);
    const route = match.kind === 'found' ? match.route : undefined;
    decision ??= this.table.decide(mount.module.id, route?.info.operationId);
    if (!decision) return undefined;
    const format = match.kind === 'found' ? (match.params.format === 'xml' ? 'xml' : 'json') : undefined;
    return { decision, route, format };
  }
}

/**
 * The answer of a forced status, rendered by the API's own error renderer and finalizer (so a Redmine 503 is an
 * empty-bodied Redmine error and a Plutio 503 a Plutio JSON error); 429 and 503 carry `Retry-After`.
 */
export function faultResponse(mount: Mount, info: RequestInfo, plan: FaultPlan, status: number): RawResponse {
  const { req, method, path, search, rawQuery, headers, baseUrl } = info;
  const ctx: ErrorContext = { req, method, path, search, rawQuery, headers, baseUrl, format: plan.format };
  if (plan.route) ctx.operation = plan.route.info;
  const extra: Record<string, string> = {};
  if (status === 429 || status === 503) extra['retry-after'] = String(plan.decision.retryAfter ?? 1);
  const code = CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
  const err = new ApiError(code, STATUS_CODES[status] ?? 'Injected fault', { status, headers: extra });
  const response = mount.module.renderError(err, ctx);
  response.status = status;
  mount.module.finalize?.(response, ctx);
  return response;
}

/** A decision as the request log shows it, e.g. `delay=200 status=503` or `reset`. */
export function describeFault(decision: FaultDecision): string {
  const parts: string[] = [];
  if (decision.delay > 0) parts.push(`delay=${decision.delay}`);
  if (decision.status !== undefined) parts.push(`status=${decision.status}`);
  if (decision.fault !== undefined) parts.push(decision.fault);
  return parts.join(' ');
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
