import { createServer, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A canned answer as the parent sends it over IPC (body in base64). */
export interface CannedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Messages from the parent: answer these bytes per request method from now on. */
export interface BareSetMessage {
  type: 'set';
  seq: number;
  answers: Record<string, CannedAnswer>;
}

interface Ready {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

let answers = new Map<string, Ready>();

/**
 * The upper limit of the machine: node:http answering pre-serialised bytes chosen only by the request method, with
 * no routing, parsing or validation. Started by the benchmark with an IPC channel; prints nothing.
 */
const server = createServer((req, res) => {
  req.resume();
  const answer = answers.get(req.method ?? 'GET');
  if (!answer) {
    res.writeHead(404, { 'content-length': 0 });
    res.end();
    return;
  }
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
});

process.on('message', (msg: BareSetMessage) => {
  if (msg?.type !== 'set') return;
  const next = new Map<string, Ready>();
  for (const [method, a] of Object.entries(msg.answers)) {
    const body = Buffer.from(a.body, 'base64');
    const headers: OutgoingHttpHeaders = { ...a.headers };
    if (a.status !== 204 && a.status !== 304) headers['content-length'] = body.length;
    next.set(method, { status: a.status, headers, body });
  }
  answers = next;
  process.send?.({ type: 'ok', seq: msg.seq });
});
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'listening', port: (server.address() as AddressInfo).port });
});
