import { request as httpRequest } from 'node:http';

/** One HTTP request as the benchmark sends it (path relative to a base URL). */
export interface HttpRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A complete answer, with the time from sending to the last body byte. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  ms: number;
}

/** Sends one request on a fresh connection (no keep-alive agent) and reads the whole answer. */
export function send(baseUrl: string, req: HttpRequest, timeoutMs = 10_000): Promise<HttpAnswer> {
  const url = new URL(baseUrl + req.path);
  const headers: Record<string, string | number> = { ...req.headers };
  if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const r = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: req.method,
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ms: performance.now() - started,
          }),
        );
      },
    );
    r.setTimeout(timeoutMs, () => r.destroy(new Error(`${req.method} ${url.href} timed out after ${timeoutMs} ms`)));
    r.on('error', reject);
    r.end(req.body);
  });
}

/** Parses a JSON body, or returns undefined. */
export function jsonBody(answer: HttpAnswer): unknown {
  try {
    return JSON.parse(answer.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** A short one-line description of an answer, for "not available" reasons. */
export function describeAnswer(req: HttpRequest, answer: HttpAnswer): string {
  const text = answer.body.toString('utf8').replace(/\s+/g, ' ').trim();
  return `${req.method} ${req.path} answered ${answer.status}${text ? ` ${text.slice(0, 120)}` : ''}`;
}
