import { join } from 'node:path';
import { API_IDS, type ApiId, PROJECT_ROOT } from '../spec/load.js';
import type { FaultInput } from './fault-spec.js';
import type { AnyApiModule, ModuleOptions } from './types.js';

/** Module settings passed through to the API factories unchanged. */
type PassedOn = Pick<
  ModuleOptions,
  | 'adminApiKey'
  | 'plutioPeople'
  | 'plutioRateLimit'
  | 'plutioClientId'
  | 'plutioClientSecret'
  | 'plutioBusiness'
  | 'plutioTokenTtl'
>;

/** Options of `createServer` / `startServer` (the CLI maps its flags and `CRMKIT_*` variables onto these). */
export interface ServerOptions extends PassedOn {
  /** APIs to serve (default: every API id). */
  apis?: readonly ApiId[];
  /** Serve this one API at `/` instead of under its base path. */
  api?: ApiId;
  /** Seed of the generated data and of fault draws (default 1). */
  seed?: number;
  /** Check every handler result against the spec; a violation becomes a 500 and is recorded. */
  validateResponses?: boolean;
  /** Largest accepted request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Serve the `/__crmkit/` control endpoints and honour per-request fault headers (default true). */
  control?: boolean;
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
type Optional = 'api' | 'modules' | 'stateFile' | 'fixturesDir' | keyof PassedOn;
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
    validateResponses: options.validateResponses ?? process.env.CRMKIT_VALIDATE_RESPONSES === '1',
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    control: options.control ?? true,
    log: options.log ?? ((line: string) => console.error(line)),
    faults: options.faults ?? [],
    docsDir: options.docsDir ?? DEFAULT_DOCS_DIR,
  };
}
