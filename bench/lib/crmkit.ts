import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../contract-tests/support/free-port.js';
import { API_IDS, type ApiId, PROJECT_ROOT } from '../../src/spec/load.js';
import { COMPILED_CLI, SOURCE_CLI, serveNodeFlags } from './build.js';
import { type Child, spawnChild } from './children.js';
import { type HttpRequest, send } from './http.js';

/** Seeded Redmine-family administrator key (documented default). */
export const ADMIN_KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';

/** Mount point of each API on the reference server. */
export const BASE_PATHS: Readonly<Record<ApiId, string>> = {
  redmine: '/redmine',
  planio: '/planio',
  redmineup: '/redmineup',
  plutio: '/plutio/v1.8',
};

/** One cheap request per API that no workload uses, so start-up probing leaves the measured operations cold. */
const PROBES: Readonly<Record<ApiId, HttpRequest>> = {
  redmine: { method: 'GET', path: '/redmine/users/current.json', headers: { 'x-redmine-api-key': ADMIN_KEY } },
  planio: { method: 'GET', path: '/planio/users/current.json', headers: { 'x-redmine-api-key': ADMIN_KEY } },
  redmineup: { method: 'GET', path: '/redmineup/users/current.json', headers: { 'x-redmine-api-key': ADMIN_KEY } },
  plutio: { method: 'GET', path: '/plutio/v1.8/tasks' },
};

/** How one API did at start-up. */
export interface ApiStartup {
  served: boolean;
  /** Process start to the probe's first answer. */
  ms?: number;
  status?: number;
  /** Why it is not served (the server's own log line when it printed one). */
  reason?: string;
}

/** Options of {@link startCrmkit}. */
export interface CrmkitLaunch {
  /** Grow the Plutio people store to this many records (`--plutio-people` / `CRMKIT_PLUTIO_PEOPLE`). */
  plutioPeople?: number;
  /** Turn the Plutio rate limit off (`--plutio-rate-limit 0` / `CRMKIT_PLUTIO_RATE_LIMIT=0`). */
  unlimited?: boolean;
  /**
   * `compiled` (default): `node dist/lib/src/cli/index.js`, the CLI users get (`npm run build`); `tsx`: the
   * TypeScript sources through tsx (`npm run serve`).
   */
  runner?: 'compiled' | 'tsx';
  /**
   * Load `bench/servers/profiler.ts` (through tsx, so that positions map back to the TypeScript sources): SIGUSR2
   * starts and stops a CPU profile written into this directory.
   */
  profileDir?: string;
  timeoutMs?: number;
}

/** A running reference server started through its CLI. */
export interface CrmkitProcess {
  child: Child;
  url: string;
  /** Process start until every served API answered. */
  startupMs: number;
  apis: Record<ApiId, ApiStartup>;
  /** Settings asked for that this version of the CLI does not know (given through the environment only). */
  unknownFlags: string[];
}

/** True when `crmkit serve` declares this flag (read from the CLI source, so an unknown flag never aborts it). */
function cliKnows(flag: string): boolean {
  for (const file of ['program.ts', 'options.ts']) {
    try {
      if (readFileSync(join(PROJECT_ROOT, 'src', 'cli', file), 'utf8').includes(flag)) return true;
    } catch {
      // file not there
    }
  }
  return false;
}

function isUnmounted(status: number, body: string): boolean {
  return status === 404 && body === 'Not Found\n';
}

/**
 * Starts `node <flags of npm run serve> dist/lib/src/cli/index.js serve --port <free port>` (or `node <flags> --import
 * tsx src/cli/index.ts serve ...`: what `bin/crmkit.js` runs, in one process, so its pid is the server's) and polls every API's probe every 10 ms until each one answered or
 * turned out not to be served.
 */
export async function startCrmkit(launch: CrmkitLaunch = {}): Promise<CrmkitProcess> {
  const port = await freePort();
  const tsx = launch.runner === 'tsx' || launch.profileDir !== undefined;
  const args = [...serveNodeFlags(), ...(tsx ? ['--import', 'tsx'] : [])];
  const env: NodeJS.ProcessEnv = {};
  if (launch.profileDir) {
    args.unshift('--enable-source-maps');
    args.push('--import', './bench/servers/profiler.ts');
    env.BENCH_PROFILE_DIR = launch.profileDir;
  }
  args.push(tsx ? SOURCE_CLI : COMPILED_CLI, 'serve', '--host', '127.0.0.1', '--port', String(port));
  const unknownFlags: string[] = [];
  const setting = (flag: string, name: string, value: string) => {
    env[name] = value;
    if (cliKnows(flag)) args.push(flag, value);
    else unknownFlags.push(`${flag} ${value}`);
  };
  if (launch.plutioPeople !== undefined)
    setting('--plutio-people', 'CRMKIT_PLUTIO_PEOPLE', String(launch.plutioPeople));
  if (launch.unlimited) setting('--plutio-rate-limit', 'CRMKIT_PLUTIO_RATE_LIMIT', '0');

  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawnChild('crmkit', args, { env });
  const apis = {} as Record<ApiId, ApiStartup>;
  const pending = new Set<ApiId>(API_IDS);
  const deadline = started + (launch.timeoutMs ?? 30_000);
  while (pending.size > 0) {
    if (!child.alive()) throw new Error(`crmkit exited during start-up:\n${child.output()}`);
    if (performance.now() > deadline) throw new Error(`crmkit did not answer in time:\n${child.output()}`);
    await Promise.all(
      [...pending].map(async (id) => {
        try {
          const answer = await send(url, PROBES[id], 2000);
          const ms = performance.now() - started;
          pending.delete(id);
          if (isUnmounted(answer.status, answer.body.toString('utf8'))) {
            const logged = new RegExp(`skipping ${id}: ([^\\n]+)`).exec(child.output());
            apis[id] = { served: false, reason: logged?.[1] ?? 'not mounted (404 at its base path)' };
          } else apis[id] = { served: true, ms, status: answer.status };
        } catch {
          // not listening yet
        }
      }),
    );
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 10));
  }
  const served = Object.values(apis).filter((a) => a.served);
  const startupMs = Math.max(0, ...served.map((a) => a.ms ?? 0));
  return { child, url, startupMs, apis, unknownFlags };
}
