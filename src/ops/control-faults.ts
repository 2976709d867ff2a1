import type { IncomingMessage } from 'node:http';
import { ApiError } from '../server/errors.js';
import type { RawResponse } from '../server/types.js';
import { json, noContent, readJson } from './control-io.js';
import { FaultSpecError } from './fault-spec.js';
import type { FaultRule, FaultTable } from './fault-table.js';

/** `GET /__crmkit/faults`: the rules in effect. */
export function listFaults(faults: FaultTable): RawResponse {
  return json(200, { faults: faults.list() });
}

/**
 * `POST /__crmkit/faults`: adds one rule (a JSON object) or several (an array), all or none: every rule is checked
 * before any is added, and a bad one is a 400 naming its index (`faults[3]: …`). 201 with the added rules and their
 * ids.
 */
export async function addFaults(req: IncomingMessage, faults: FaultTable): Promise<RawResponse> {
  const body = await readJson(req);
  let added: FaultRule[];
  try {
    added = Array.isArray(body) ? faults.addAll(body) : [faults.add(body)];
  } catch (err) {
    if (err instanceof FaultSpecError) throw new ApiError('BAD_REQUEST', err.message);
    throw err;
  }
  return json(201, { faults: added });
}

/** `DELETE /__crmkit/faults[?id=<n>][?api=<id>]`: removes one rule, an API's rules, or all; 204. */
export function deleteFaults(faults: FaultTable, id: string | undefined, api: string | undefined): RawResponse {
  if (id !== undefined && !/^\d+$/.test(id)) throw new ApiError('BAD_REQUEST', 'id must be a rule id');
  const removed = faults.remove({ id: id === undefined ? undefined : Number(id), api });
  if (id !== undefined && removed === 0) throw new ApiError('NOT_FOUND', `no fault rule ${id}`);
  return noContent();
}
