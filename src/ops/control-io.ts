import type { IncomingMessage } from 'node:http';
import { ApiError } from '../server/errors.js';
import { readBody } from '../server/read-body.js';
import type { RawResponse } from '../server/types.js';

/** State snapshots can be much larger than API bodies: the control endpoints accept up to 64 MiB. */
export const CONTROL_BODY_LIMIT = 64 * 1024 * 1024;

/** A JSON answer of a control endpoint. */
export function json(status: number, value: unknown): RawResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) };
}

/** An empty 204 answer. */
export function noContent(): RawResponse {
  return { status: 204, headers: {} };
}

/** Reads a JSON request body; BAD_REQUEST when it is not JSON. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  return parseJson((await readBody(req, CONTROL_BODY_LIMIT)).toString('utf8'), 'the body');
}

/** Parses JSON text; BAD_REQUEST naming `what` when it is not JSON. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('BAD_REQUEST', `${what} is not JSON`);
  }
}
