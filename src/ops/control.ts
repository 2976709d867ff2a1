import type { IncomingMessage } from 'node:http';
import { renderJsonError } from '../server/default-errors.js';
import { ApiError } from '../server/errors.js';
import { queryString, type RawQuery } from '../server/query.js';
import type { AnyApiModule, RawResponse } from '../server/types.js';
import { addFaults, deleteFaults, listFaults } from './control-faults.js';
import { json, noContent } from './control-io.js';
import { health, loadFixture, putState, snapshot } from './control-state.js';
import type { FaultTable } from './fault-table.js';
import type { RequestLog } from './request-log.js';
import type { StateKeeper } from './state-keeper.js';

/** Prefix of the control endpoints; never part of a vendor API. */
export const CONTROL_PREFIX = '/__crmkit/';

/** What the control endpoints act on. */
export interface ControlContext {
  modules: readonly AnyApiModule[];
  log: RequestLog;
  faults: FaultTable;
  /** Present with `--state-file`. */
  keeper: StateKeeper | undefined;
  /** Directory `POST /__crmkit/fixtures?file=` reads from (`--fixtures-dir`). */
  fixturesDir: string | undefined;
}

/** Control requests that change API state (a state file is saved after them). */
const WRITES = new Set(['POST reset', 'PUT state', 'POST fixtures']);

/**
 * Serves the control endpoints (see docs/guides/controlling-the-mock.md):
 * - `GET health` → `{status: "ok", apis: [...]}`; with a state file also `state`, and `status: "degraded"` while
 *   saving it fails
 * - `POST reset[?api=]` → reseeds all APIs (or one), clears the log, and without `?api=` restores the start-up
 *   fault rules → 204
 * - `GET requests` → recent requests, oldest first; `GET violations` → recorded contract violations
 * - `GET state[?api=]` → `{<id>: snapshot}`; `PUT state[?api=]` with such an object → replaces those states → 204
 * - `POST fixtures[?api=][&file=]` → loads a fixture (body, or a file under `--fixtures-dir`) → `{loaded, skipped}`
 * - `GET|POST|DELETE faults` → list, add (`{api, operationId, status, delay, …}` or an array), remove
 * - `POST snapshot` → writes the `--state-file` now → `{file, bytes, savedAt}`
 */
export async function handleControl(
  req: IncomingMessage,
  name: string,
  query: RawQuery,
  ctx: ControlContext,
): Promise<RawResponse> {
  try {
    const { modules, log, faults } = ctx;
    const selected = select(modules, queryString(query, 'api'));
    const route = `${req.method} ${name}`;
    let response: RawResponse;
    switch (route) {
      case 'GET health':
        return health(modules, ctx.keeper);
      case 'POST reset':
        for (const m of selected) m.reset();
        if (selected === modules) faults.reset();
        log.clear();
        response = noContent();
        break;
      case 'GET requests':
        return json(200, { requests: log.recent() });
      case 'GET violations':
        return json(200, { violations: log.violations });
      case 'GET state':
        return json(200, Object.fromEntries(selected.map((m) => [m.id, m.exportState()])));
      case 'PUT state':
        response = await putState(req, selected);
        break;
      case 'POST fixtures':
        response = await loadFixture(req, queryString(query, 'file'), selected, modules, ctx.fixturesDir);
        break;
      case 'GET faults':
        return listFaults(faults);
      case 'POST faults':
        return await addFaults(req, faults);
      case 'DELETE faults':
        return deleteFaults(faults, queryString(query, 'id'), queryString(query, 'api'));
      case 'POST snapshot':
        return await snapshot(ctx.keeper);
      default:
        throw new ApiError('ROUTE_NOT_FOUND', `no control endpoint ${route}`);
    }
    if (WRITES.has(route)) ctx.keeper?.changed();
    return response;
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
