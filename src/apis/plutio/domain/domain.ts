import { type AuthOptions, PlutioAuth } from './auth.js';
import { PlutioError } from './errors.js';
import { isPlainObject } from './json.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { DEFAULT_SEED, seedWorkspace } from './seed.js';
import { fromSnapshot, type WorkspaceSnapshot } from './store/state.js';
import { Workspace } from './workspace.js';

/** Options of {@link createPlutioDomain}. */
export interface PlutioDomainOptions extends AuthOptions {
  /** Seed number of every workspace (`--seed`); default 1. */
  seed?: number;
  /** Rate limit per client id; default 1000 per 3600 s. */
  rateLimit?: RateLimitOptions;
  /** Current time for tokens, rate limits and audit fields; `() => new Date()` by default. */
  clock?: () => Date;
  /** Grow `people` to this many records, in every business (a number) or per business slug. */
  people?: number | Record<string, number>;
}

/** The JSON form of the whole domain state: every business's workspace. Tokens and rate windows are not kept. */
export interface PlutioStateSnapshot {
  version: 1;
  seed: number;
  workspaces: Record<string, WorkspaceSnapshot>;
}

/** The Plutio v1.8 behaviour behind the HTTP handlers: auth, rate limiting and one workspace per business. */
export interface PlutioDomain {
  readonly auth: PlutioAuth;
  readonly rateLimit: RateLimiter;
  readonly seed: number;
  /** Every business some app is enabled for, in app order. */
  readonly businesses: readonly string[];
  /** The domain's clock. */
  now(): Date;
  /**
   * The workspace of a business (created from the seed on first use).
   * @throws PlutioError 400 `Business <slug> is not enabled for this client.` for a business no app knows.
   */
  workspaceFor(business: string): Workspace;
  /** Every workspace back to its seeded state; rate-limit windows cleared. Issued tokens stay valid. */
  reset(): void;
  exportState(): PlutioStateSnapshot;
  /**
   * Replaces every workspace's state; businesses missing from the snapshot go back to their seed. Checks the whole
   * snapshot before changing anything.
   * @throws Error for a malformed snapshot or an unknown business.
   */
  importState(state: unknown): void;
}

/** Builds the Plutio domain: default apps `crmkit-client` (acme) and `globex-client` (globex), seed 1. */
export function createPlutioDomain(options: PlutioDomainOptions = {}): PlutioDomain {
  const auth = new PlutioAuth(options);
  const rateLimit = new RateLimiter(options.rateLimit);
  const seed = options.seed ?? DEFAULT_SEED;
  const clock = options.clock ?? (() => new Date());
  const businesses = [...new Set(auth.apps.flatMap((a) => a.businesses))];
  const workspaces = new Map<string, Workspace>();
  const peopleFor = (b: string) => (typeof options.people === 'number' ? options.people : options.people?.[b]);

  const workspaceFor = (business: string): Workspace => {
    const slug = business.toLowerCase();
    let ws = workspaces.get(slug);
    if (ws) return ws;
    if (!businesses.includes(slug)) {
      throw new PlutioError(400, `Business ${business} is not enabled for this client.`, 'business_not_enabled');
    }
    const ownerUserId = auth.apps.find((a) => a.businesses.includes(slug))?.userId;
    const reseed = () => seedWorkspace(slug, { seed, ownerUserId, people: peopleFor(slug) });
    ws = new Workspace(reseed(), { clock, reseed });
    workspaces.set(slug, ws);
    return ws;
  };

  return {
    auth,
    rateLimit,
    seed,
    businesses,
    now: clock,
    workspaceFor,
    reset() {
      workspaces.clear();
      rateLimit.reset();
    },
    exportState() {
      const out: Record<string, WorkspaceSnapshot> = {};
      for (const b of businesses) out[b] = workspaceFor(b).exportState();
      return { version: 1, seed, workspaces: out };
    },
    importState(state) {
      if (!isPlainObject(state) || state.version !== 1 || !isPlainObject(state.workspaces)) {
        throw new Error('Plutio snapshot: version 1 with workspaces expected');
      }
      const entries = Object.entries(state.workspaces);
      for (const [b, snap] of entries) {
        if (!businesses.includes(b)) throw new Error(`Plutio snapshot: unknown business ${b}`);
        if (fromSnapshot(snap).business !== b)
          throw new Error(`Plutio snapshot: workspace ${b} holds another business`);
      }
      workspaces.clear();
      for (const [b, snap] of entries) workspaceFor(b).importState(snap);
    },
  };
}
