import { Agent, request } from 'node:http';
import type { ContractResponse } from '../../contract-tests/support/types.js';

/** One raw request: the body may be bytes (invalid UTF-8 included). */
export interface RawRequest {
  method: string;
  /** Absolute URL, e.g. `http://127.0.0.1:4321/planio/companies.json?limit=2`. */
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Give up after this many milliseconds (the answer then has `timedOut`). Default 10 s. */
  timeoutMs?: number;
}

/** The answer, or what went wrong on the wire (`status` 0). */
export interface RawResponse extends ContractResponse {
  /** The connection failed or was closed without an answer (the message), or undefined. */
  error?: string;
  timedOut: boolean;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/**
 * Sends a request with node:http (so that bodies, header sizes and URLs are sent exactly as given) and reads the
 * whole answer. Never rejects: network failures and timeouts come back as status 0.
 */
export function send(req: RawRequest): Promise<RawResponse> {
  const started = performance.now();
  const ms = () => Math.round((performance.now() - started) * 10) / 10;
  return new Promise((resolve) => {
    let settled = false;
    const done = (res: RawResponse) => {
      if (settled) return;
      settled = true;
      resolve(res);
    };
    const fail = (error: string, timedOut = false) =>
      done({ status: 0, headers: {}, bodyText: '', ms: ms(), error, timedOut });
    let outgoing: ReturnType<typeof request>;
    try {
      const body = req.body === undefined ? undefined : Buffer.from(req.body);
      const headers: Record<string, string | number> = { ...req.headers };
      const chunked = Object.keys(headers).some((h) => h.toLowerCase() === 'transfer-encoding');
      if (body !== undefined && !chunked) headers['content-length'] = body.length;
      outgoing = request(req.url, { method: req.method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (err) => fail(err.message));
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
          }
          done({
            status: res.statusCode ?? 0,
            headers: out,
            bodyText: Buffer.concat(chunks).toString('utf8'),
            ms: ms(),
            timedOut: false,
          });
        });
      });
      outgoing.setTimeout(req.timeoutMs ?? 10_000, () => {
        fail(`no answer within ${req.timeoutMs ?? 10_000} ms`, true);
        outgoing.destroy();
      });
      outgoing.on('error', (err) => fail(err.message));
      outgoing.end(body);
    } catch (err) {
      fail(`request could not be sent: ${(err as Error).message}`);
    }
  });
}
