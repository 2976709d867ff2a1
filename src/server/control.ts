import type { IncomingMessage } from 'node:http';
import { renderJsonError } from './default-errors.js';
import { ApiError } from './errors.js';
import { queryString, type RawQuery } from './query.js';
import { readBody } from './read-body.js';
import type { RequestLog } from './request-log.js';
import type { AnyApiModule, RawResponse } from './types.js';

/** Prefix of the control endpoints; never part of a vendor API. */
export const CONTROL_PREFIX = '/__crmkit/';

/** State snapshots can be much larger than API bodies: the control endpoints accept up to 64 MiB. */
const STATE_LIMIT = 64 * 1024 * 1024;

const json = (status: number, value: unknown): RawResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(value),
});

/**
 * Serves the control endpoints:
 * - `GET /__crmkit/health` → `{status: "ok", apis: [...]}`
 * - `POST /__crmkit/reset[?api=<id>]` → reseeds all APIs (or one), clears the request log → 204
 * - `GET /__crmkit/requests` → recent requests (method, path, status, ms), oldest first
 * - `GET /__crmkit/violations` → recorded contract violations (with response validation on)
 * - `GET /__crmkit/state[?api=<id>]` → `{<id>: snapshot}`
 * - `PUT /__crmkit/state[?api=<id>]` with such a JSON object → replaces those APIs' state → 204
 */
export async function handleControl(
  req: IncomingMessage,
  name: string,
  query: RawQuery,
  modules: readonly AnyApiModule[],
  log: RequestLog,
): Promise<RawResponse> {
  try {
    const selected = select(modules, queryString(query, 'api'));
    const route = `${req.method} ${name}`;
    switch (route) {
      case 'GET health':
        return json(200, { status: 'ok', apis: modules.map((m) => m.id) });
      case 'POST reset':
        for (const m of selected) m.reset();
        log.clear();
        return { status: 204, headers: {} };
      case 'GET requests':
        return json(200, { requests: log.recent() });
      case 'GET violations':
        return json(200, { violations: log.violations });
      case 'GET state':
        return json(200, Object.fromEntries(selected.map((m) => [m.id, m.exportState()])));
      case 'PUT state':
        importStates(selected, await readBody(req, STATE_LIMIT));
        return { status: 204, headers: {} };
      default:
        throw new ApiError('ROUTE_NOT_FOUND', `no control endpoint ${route}`);
    }
  } catch (err) {
    if (err instanceof ApiError) return renderJsonError(err);
    return renderJsonError(new ApiError('BAD_REQUEST', (err as Error).message));
  }
}

function select(modules: readonly AnyApiModule[], id: string | undefined): readonly AnyApiModule[] {
  if (id === undefined || id === '') return modules;
  const found = modules.filter((m) => m.id === id);
  if (found.length === 0) throw new ApiError('NOT_FOUND', `no API "${id}" is served`);
  return found;
}

function importStates(modules: readonly AnyApiModule[], buf: Buffer): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(buf.toString('utf8'));
  } catch {
    throw new ApiError('BAD_REQUEST', 'state must be JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ApiError('BAD_REQUEST', 'state must be an object keyed by api id');
  }
  const states = parsed as Record<string, unknown>;
  for (const key of Object.keys(states)) {
    if (!modules.some((m) => m.id === key)) throw new ApiError('BAD_REQUEST', `state for unknown api "${key}"`);
  }
  for (const m of modules) if (m.id in states) m.importState(states[m.id]);
}
