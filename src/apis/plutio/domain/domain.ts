import { limitMessage, type StoreLimits } from '../../../store/limits.js';
import { type AuthOptions, PlutioAuth } from './auth.js';
import { PlutioError } from './errors.js';
import { isPlainObject } from './json.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { DEFAULT_SEED, seedWorkspace } from './seed.js';
import {
  bytesOf,
  fromSnapshot,
  type WorkspaceData,
  type WorkspaceSnapshot,
  type WorkspaceUsage,
} from './store/state.js';
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
  /**
   * Records per collection of each business and bytes of the records of all businesses together (`--max-records`,
   * `--max-state-size`); unlimited when omitted. Seeded people beyond `maxRecords` are refused at start.
   */
  limits?: StoreLimits;
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
  const { limits } = options;
  for (const b of businesses) {
    const people = peopleFor(b) ?? 0;
    if (limits && people > limits.maxRecords) {
      throw new Error(`--plutio-people ${people} is more than --max-records ${limits.maxRecords}: raise --max-records`);
    }
  }
  const usage: WorkspaceUsage | undefined = limits && {
    limits,
    usedBytes: () => businesses.reduce((sum, b) => sum + workspaceFor(b).bytes, 0),
  };

  const workspaceFor = (business: string): Workspace => {
    const slug = business.toLowerCase();
    let ws = workspaces.get(slug);
    if (ws) return ws;
    if (!businesses.includes(slug)) {
      throw new PlutioError(400, `Business ${business} is not enabled for this client.`, 'business_not_enabled');
    }
    const ownerUserId = auth.apps.find((a) => a.businesses.includes(slug))?.userId;
    const reseed = () => seedWorkspace(slug, { seed, ownerUserId, people: peopleFor(slug) });
    ws = new Workspace(reseed(), { clock, reseed, usage });
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
      let bytes = 0;
      for (const [b, snap] of entries) {
        if (!businesses.includes(b)) throw new Error(`Plutio snapshot: unknown business ${b}`);
        const data = fromSnapshot(snap);
        if (data.business !== b) throw new Error(`Plutio snapshot: workspace ${b} holds another business`);
        if (limits) bytes += checkedBytes(data, limits);
      }
      if (limits && bytes > limits.maxBytes) {
        throw new Error(
          `Plutio snapshot: the records take ${bytes} bytes, more than --max-state-size ${limits.maxBytes}`,
        );
      }
      workspaces.clear();
      for (const [b, snap] of entries) workspaceFor(b).importState(snap);
    },
  };
}

/**
 * Bytes of a workspace's records, after checking that no collection holds more than `limits.maxRecords`.
 * @throws Error naming the collection otherwise.
 */
function checkedBytes(data: WorkspaceData, limits: StoreLimits): number {
  for (const [name, records] of data.collections) {
    if (records.size > limits.maxRecords) {
      throw new Error(`Plutio snapshot: ${limitMessage('records', name, limits.maxRecords)} in ${data.business}`);
    }
  }
  return bytesOf(data);
}
