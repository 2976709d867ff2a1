import { join } from 'node:path';
import { CONTROL_BODY_LIMIT } from '../ops/control-io.js';
import type { FaultInput } from '../ops/fault-spec.js';
import type { AnyApiModule } from '../server/types.js';
import { API_IDS, type ApiId, PROJECT_ROOT } from '../spec/load.js';
import { DEFAULT_MAX_RECORDS, DEFAULT_MAX_STATE_BYTES } from '../store/limits.js';
import type { ApiOptions } from './registry.js';

/** Options of `createServer` / `startServer` (the CLI maps its flags and `CRMKIT_*` variables onto these). */
export interface ServerOptions {
  /** APIs to serve (default: every API id). */
  apis?: readonly ApiId[];
  /** Serve this one API at `/` instead of under its base path. */
  api?: ApiId;
  /** Seed of the generated data and of fault draws (default 1). */
  seed?: number;
  /**
   * Each API's own options, by api id, e.g. `{ plutio: { plutioRateLimit: 0 }, planio: { adminApiKey } }` (the
   * `settings` of its definition in `registry.ts` name them).
   */
  apiOptions?: ApiOptions;
  /** Check every handler result against the spec; a violation becomes a 500 and is recorded. */
  validateResponses?: boolean;
  /** Largest accepted request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Records one collection may hold, per API (and per Plutio business); default 10,000 (`--max-records`). */
  maxRecords?: number;
  /**
   * Bytes of JSON the stored records of one API may take (all Plutio businesses together); default 12 MiB
   * (`--max-state-size`). The exported state of every API served must stay under the control endpoints' body
   * limit, so `apis × (maxStateBytes + 1 MiB)` may not exceed 64 MiB (see {@link checkStateSize}).
   */
  maxStateBytes?: number;
  /** Serve the `/__crmkit/` control endpoints and honour per-request fault headers (default true). */
  control?: boolean;
  /**
   * Host names (any port) the control endpoints accept in `Host` and `Origin` besides loopback names and the
   * server's own address (`--allowed-host`); `.example.test` accepts its subdomains too.
   */
  allowedHosts?: readonly string[];
  /**
   * Secret every control request must carry (`Authorization: Bearer <token>` or `X-Crmkit-Control-Token`) when
   * set (`--control-token`); without it the control endpoints serve connections from this machine only.
   */
  controlToken?: string;
  /** Answer CORS preflights and add CORS headers to API answers to requests with `Origin` (default true). */
  cors?: boolean;
  /** Where log lines go (default: console.error). */
  log?: (line: string) => void;
  /** Serve these ready-made modules instead of building the APIs listed in `apis` (embedding, tests). */
  modules?: AnyApiModule[];
  /** Fault rules in effect from the start (`--fault`); `POST /__crmkit/reset` restores them. */
  faults?: readonly FaultInput[];
  /** Keep the state in this file across restarts (`--state-file`). */
  stateFile?: string;
  /** Directory `POST /__crmkit/fixtures?file=` may read from (`--fixtures-dir`). */
  fixturesDir?: string;
  /** The built docs site served at `/docs` (default `dist/docs`); false serves no docs. */
  docsDir?: string | false;
}

/** Options with defaults applied. */
type Optional = 'api' | 'modules' | 'stateFile' | 'fixturesDir' | 'controlToken';
export type ResolvedOptions = Required<Omit<ServerOptions, Optional>> & Pick<ServerOptions, Optional>;

/** Default request body limit: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Where `npm run docs` builds the docs site. */
export const DEFAULT_DOCS_DIR = join(PROJECT_ROOT, 'dist', 'docs');

/** Fills in defaults. */
export function resolveOptions(options: ServerOptions = {}): ResolvedOptions {
  return {
    ...options,
    apis: options.api ? [options.api] : (options.apis ?? API_IDS),
    seed: options.seed ?? 1,
    apiOptions: options.apiOptions ?? {},
    validateResponses: options.validateResponses ?? process.env.CRMKIT_VALIDATE_RESPONSES === '1',
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    maxRecords: options.maxRecords ?? DEFAULT_MAX_RECORDS,
    maxStateBytes: checkStateSize(
      options.maxStateBytes ?? DEFAULT_MAX_STATE_BYTES,
      options.api ? 1 : (options.apis ?? API_IDS).length,
    ),
    control: options.control ?? true,
    allowedHosts: options.allowedHosts ?? [],
    cors: options.cors ?? true,
    log: options.log ?? ((line: string) => console.error(line)),
    faults: options.faults ?? [],
    docsDir: options.docsDir ?? DEFAULT_DOCS_DIR,
  };
}

/**
 * Room an exported API state needs beyond its records: collection wrappers, separators, Plutio's id generators and
 * counters (measured: well under 0.5 MiB at 10,000 records in every collection).
 */
export const STATE_OVERHEAD_BYTES = 1024 * 1024;

/**
 * The largest `maxStateBytes` for `apiCount` APIs: their exported states together (`GET /__crmkit/state`) must fit
 * in the body limit of `PUT /__crmkit/state` and `POST /__crmkit/fixtures`, so that any state the limits allow can
 * be imported again. 15 MiB for all four APIs, 63 MiB for one.
 */
export function largestStateSize(apiCount: number): number {
  return Math.floor(CONTROL_BODY_LIMIT / Math.max(1, apiCount)) - STATE_OVERHEAD_BYTES;
}

/**
 * `maxStateBytes` when it is a positive whole number of bytes within {@link largestStateSize}.
 * @throws Error naming `--max-state-size` and the largest allowed value otherwise.
 */
export function checkStateSize(maxStateBytes: number, apiCount: number): number {
  const largest = largestStateSize(apiCount);
  if (!Number.isInteger(maxStateBytes) || maxStateBytes < 1 || maxStateBytes > largest) {
    throw new Error(
      `--max-state-size must be from 1 to ${largest} bytes (${Math.floor(largest / 1024)}kb) for ${apiCount} API${apiCount === 1 ? '' : 's'}: the exported state of every API served must fit the 64 MiB body limit of PUT /__crmkit/state`,
    );
  }
  return maxStateBytes;
}
