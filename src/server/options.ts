import { API_IDS, type ApiId } from '../spec/load.js';
import type { AnyApiModule } from './types.js';

/** Options of `createServer` / `startServer` (the CLI maps its flags and `CRMKIT_*` variables onto these). */
export interface ServerOptions {
  /** APIs to serve (default: every API id). */
  apis?: readonly ApiId[];
  /** Serve this one API at `/` instead of under its base path. */
  api?: ApiId;
  /** Seed of the generated data (default 1). */
  seed?: number;
  /** API key of the seeded Redmine-family administrator. */
  adminApiKey?: string;
  /** Check every handler result against the spec; a violation becomes a 500 and is recorded. */
  validateResponses?: boolean;
  /** Largest accepted request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Serve the `/__crmkit/` control endpoints (default true). */
  control?: boolean;
  /** Where log lines go (default: console.error). */
  log?: (line: string) => void;
  /** Plutio: grow the seeded `people` of every business to this many records (load tests). */
  plutioPeople?: number;
  /** Plutio: calls per client and hour before 429 (default 1000; 0 turns the limit off). */
  plutioRateLimit?: number;
  /** Serve these ready-made modules instead of building the APIs listed in `apis` (embedding, tests). */
  modules?: AnyApiModule[];
}

/** Options with defaults applied. */
type Optional = 'api' | 'adminApiKey' | 'modules' | 'plutioPeople' | 'plutioRateLimit';
export type ResolvedOptions = Required<Omit<ServerOptions, Optional>> & Pick<ServerOptions, Optional>;

/** Default request body limit: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Fills in defaults. */
export function resolveOptions(options: ServerOptions = {}): ResolvedOptions {
  return {
    apis: options.api ? [options.api] : (options.apis ?? API_IDS),
    api: options.api,
    seed: options.seed ?? 1,
    adminApiKey: options.adminApiKey,
    validateResponses: options.validateResponses ?? process.env.CRMKIT_VALIDATE_RESPONSES === '1',
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    control: options.control ?? true,
    log: options.log ?? ((line: string) => console.error(line)),
    modules: options.modules,
    plutioPeople: options.plutioPeople,
    plutioRateLimit: options.plutioRateLimit,
  };
}
