import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ApiError } from './errors.js';

/** The body of every request without one (empty, so nobody can change it). */
export const NO_BODY = Buffer.alloc(0);

/** The response of each request with a body whose reading has not started (bound by the server's listener). */
const unread = new WeakMap<IncomingMessage, ServerResponse>();
/** Requests that sent `Expect: 100-continue` and have not been told to go on yet. */
const awaitingContinue = new WeakSet<IncomingMessage>();

/** True when a request announces no body (no or a zero Content-Length, no Transfer-Encoding). */
export function hasNoBody(req: IncomingMessage): boolean {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  return declared === 0 || (Number.isNaN(declared) && req.headers['transfer-encoding'] === undefined);
}

/**
 * Lets `readBody` act on the connection of a request with a body. A body over the limit is refused with
 * `Connection: close` and nothing more of it is read. A body nobody reads (the request was answered before: no
 * route, no format) is read and thrown away after the answer, as node:http does, but only up to `limit` bytes: then
 * the connection is closed. With `Expect: 100-continue`, `100 Continue` is sent only when the body is really read
 * (node:http closes the connection of an answer sent without it). The server's request listener calls this for
 * every request (`expectsContinue` from node:http's `checkContinue` event).
 */
export function bindBody(req: IncomingMessage, res: ServerResponse, limit: number, expectsContinue = false): void {
  if (hasNoBody(req)) {
    if (expectsContinue) res.writeContinue();
    return;
  }
  unread.set(req, res);
  if (expectsContinue) awaitingContinue.add(req);
  // Before node:http's own 'finish' handling, which would read the rest without a bound.
  res.once('prefinish', () => {
    if (!unread.has(req) || req.complete) return;
    let drained = 0;
    req.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > limit) req.socket?.destroy();
    });
  });
}

/**
 * Reads a request body into a Buffer, refusing more than `limit` bytes with PAYLOAD_TOO_LARGE. A declared
 * Content-Length over the limit is refused at once, without reading any of the body (and without `100 Continue`);
 * a chunked body is refused as soon as it passes the limit. Either way the answer closes the connection
 * (`Connection: close`, see {@link bindBody}), so the rest of the body is never read. Requests without a body
 * resolve to {@link NO_BODY} without waiting.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (hasNoBody(req)) return Promise.resolve(NO_BODY);
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  const res = unread.get(req);
  unread.delete(req);
  if (declared > limit) return Promise.reject(refuse(req, limit, res));
  if (awaitingContinue.delete(req)) res?.writeContinue();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.off('end', onEnd);
      req.pause();
      chunks.length = 0;
      reject(refuse(req, limit, res));
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', (err) => reject(new ApiError('BAD_REQUEST', `request body could not be read: ${err.message}`)));
  });
}

/**
 * How long the connection of a refused or unread body stays open after the answer went out, reading nothing more: a
 * client
 * still writing its body then reads the 413 before the close resets the connection (closing a socket with unread
 * input sends a reset, and a client that sees it while writing may drop the answer it has not read yet).
 */
export const REFUSED_CLOSE_DELAY_MS = 500;

/** The refusal of an oversized body: nothing more is read and the connection closes after the answer. */
function refuse(req: IncomingMessage, limit: number, res: ServerResponse | undefined): ApiError {
  awaitingContinue.delete(req);
  if (res) {
    if (!res.headersSent) res.setHeader('connection', 'close');
    // Read no further: counted as consumed (node:http would otherwise read the rest and throw it away) and paused.
    req.read(0);
    req.pause();
    res.once('finish', () => closeLater(req.socket));
  } else {
    // Not bound to its response: read the rest and throw it away, so that the connection stays usable.
    req.resume();
  }
  return new ApiError('PAYLOAD_TOO_LARGE', `request body larger than ${limit} bytes`);
}

/**
 * Closes a connection {@link REFUSED_CLOSE_DELAY_MS} after its answer (replacing node:http's immediate close of a
 * `Connection: close` answer).
 */
function closeLater(socket: Socket | null): void {
  if (!socket || socket.destroyed) return;
  socket.removeListener('finish', socket.destroy);
  setTimeout(() => socket.destroy(), REFUSED_CLOSE_DELAY_MS).unref();
}
