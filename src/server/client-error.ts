import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { REFUSED_CLOSE_DELAY_MS } from './read-body.js';

/** node:http's statuses for requests its parser refuses (its own defaults). */
const STATUS_OF: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/** Connections already answered. */
const answered = new WeakSet<Duplex>();

/**
 * Answers a request that node:http's parser refuses (a URL or headers over the header limit, a malformed request
 * line) as node:http does by default — 431, 413, 408 or 400, empty, `Connection: close` — but closes the connection
 * {@link REFUSED_CLOSE_DELAY_MS} later and throws away what still arrives meanwhile. node:http destroys the socket at
 * once, and a close with unread bytes resets the connection: the client then often sees the reset instead of the
 * answer (on Node 24 most requests with a URL of 100 KB or more).
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // The parser goes on reading the refused request and reports each further chunk again: answer once.
  if (socket.destroyed || answered.has(socket)) return;
  answered.add(socket);
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = STATUS_OF[err.code ?? ''] ?? 400;
  socket.on('data', () => {});
  socket.on('error', () => {});
  socket.resume();
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n\r\n`);
  setTimeout(() => socket.destroy(), REFUSED_CLOSE_DELAY_MS).unref();
}
