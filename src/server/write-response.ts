import type { ServerResponse } from 'node:http';
import type { RawResponse } from './types.js';

/**
 * Writes a finished response (no body for HEAD, but the GET's Content-Length). A string body is encoded once here,
 * so the length and the socket write share the bytes.
 */
export function writeResponse(res: ServerResponse, response: RawResponse, head: boolean): void {
  const body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
  const headers: Record<string, string | number> = response.headers;
  if (body !== undefined) headers['content-length'] = body.length;
  res.writeHead(response.status, headers);
  res.end(head ? undefined : body);
}

/**
 * Writes the headers (announcing the whole body) and the first half of the body, then closes the connection: the
 * client sees a response cut short (`fault=truncate`).
 */
export function writeTruncated(res: ServerResponse, response: RawResponse): void {
  const body = response.body === undefined ? Buffer.alloc(0) : Buffer.from(response.body);
  const headers: Record<string, string | number> = response.headers;
  headers['content-length'] = body.length;
  res.writeHead(response.status, headers);
  res.flushHeaders();
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
}
