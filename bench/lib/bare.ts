import { once } from 'node:events';
import type { BareSetMessage, CannedAnswer } from '../servers/bare.js';
import { type Child, spawnChild } from './children.js';
import type { HttpAnswer } from './http.js';

/** The bare node:http server, running in a child process; `use` switches the bytes it answers. */
export interface BareServer {
  child: Child;
  url: string;
  startupMs: number;
  /** Answers these captured responses (by request method) from now on. */
  use(answers: Record<string, HttpAnswer>): Promise<void>;
}

/** Headers Node writes itself; the rest of a captured answer's headers are replayed as they were. */
const OWN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

function canned(answer: HttpAnswer): CannedAnswer {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value === undefined || OWN_HEADERS.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { status: answer.status, headers, body: answer.body.toString('base64') };
}

/** Starts `bench/servers/bare.ts` on a free loopback port and waits until it listens. */
export async function startBare(): Promise<BareServer> {
  const started = performance.now();
  const child = spawnChild('bare', ['--import', 'tsx', 'bench/servers/bare.ts'], { ipc: true });
  const [ready] = (await Promise.race([
    once(child.proc, 'message'),
    once(child.proc, 'exit').then(() => {
      throw new Error(`bare server exited: ${child.output()}`);
    }),
  ])) as [{ type: string; port: number }];
  const startupMs = performance.now() - started;
  let seq = 0;
  return {
    child,
    url: `http://127.0.0.1:${ready.port}`,
    startupMs,
    async use(answers) {
      seq++;
      const msg: BareSetMessage = { type: 'set', seq, answers: {} };
      for (const [method, answer] of Object.entries(answers)) msg.answers[method] = canned(answer);
      const acked = new Promise<void>((resolve) => {
        const onMessage = (m: { type?: string; seq?: number }) => {
          if (m?.type !== 'ok' || m.seq !== msg.seq) return;
          child.proc.off('message', onMessage);
          resolve();
        };
        child.proc.on('message', onMessage);
      });
      child.proc.send(msg);
      await acked;
    },
  };
}
