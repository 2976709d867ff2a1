import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors.js';

/** The body of every request without one (empty, so nobody can change it). */
export const NO_BODY = Buffer.alloc(0);

/** True when a request announces no body (no or a zero Content-Length, no Transfer-Encoding). */
export function hasNoBody(req: IncomingMessage): boolean {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  return declared === 0 || (Number.isNaN(declared) && req.headers['transfer-encoding'] === undefined);
}

/**
 * Reads a request body into a Buffer, refusing more than `limit` bytes with PAYLOAD_TOO_LARGE. A declared
 * Content-Length over the limit is refused at once; a chunked body is drained (so the connection stays usable) and
 * refused once it passes the limit. Requests without a body resolve to {@link NO_BODY} without waiting.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (hasNoBody(req)) return Promise.resolve(NO_BODY);
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > limit) {
    req.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => (over ? reject(tooLarge(limit)) : resolve(Buffer.concat(chunks, size))));
    req.on('error', (err) => reject(new ApiError('BAD_REQUEST', `request body could not be read: ${err.message}`)));
  });
}

function tooLarge(limit: number): ApiError {
  return new ApiError('PAYLOAD_TOO_LARGE', `request body larger than ${limit} bytes`);
}
