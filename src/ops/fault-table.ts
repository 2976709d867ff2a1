import { createRng, type Rng } from '../store/prng.js';
import { type FaultEffect, type FaultInput, FaultSpecError, normaliseFault } from './fault-spec.js';

/** A fault rule as `GET /__crmkit/faults` lists it. */
export interface FaultRule extends FaultInput {
  id: number;
  /** How often the rule has fired. */
  hits: number;
  /** Applications left, when the rule was given `times`. */
  remaining?: number;
}

/** Most fault rules in effect at once (fixed): a list that would pass it is refused before any rule is read. */
export const MAX_FAULT_RULES = 100_000;

/** What happens to one request: the delay is already drawn. */
export interface FaultDecision extends FaultEffect {
  delay: number;
}

interface ActiveRule {
  rule: FaultRule;
  /** Where the rule is filed: `` for every API, the api id, or `api\0operationId`. */
  bucket: string;
  /** The rule's generator, made when the rule first has to draw. */
  rng: Rng | undefined;
  rngSeed: number;
}

/** The bucket key of a rule or a request scope (API ids and operationIds never hold a NUL). */
function bucketKey(api: string | undefined, operationId: string | undefined): string {
  if (api === undefined) return '';
  return operationId === undefined ? api : `${api}\0${operationId}`;
}

/**
 * The fault rules in effect. A request gets at most one rule: the most specific one that matches (operation, then
 * API, then every API; the latest added among equals). That rule fires with its `rate`, drawn from its own
 * generator seeded with the server seed and the rule id, so the same requests in the same order get the same
 * faults on every run; a rule with `times` is dropped once it has fired that often.
 *
 * Rules are filed by scope (every API, one API, one operation), so choosing the rule of a request is three map
 * lookups however many rules there are, and adding one is constant work.
 */
export class FaultTable {
  /** Every rule by id, oldest first. */
  private rules = new Map<number, ActiveRule>();
  /** The rules of each scope, oldest first (the last one is the one that applies). */
  private buckets = new Map<string, ActiveRule[]>();
  private nextId = 1;
  /** Number of operation-level rules per API (the caller then routes the request to know its operation). */
  private routed = new Map<string, number>();

  /**
   * @param known the served APIs and their operationIds, to refuse rules for anything else.
   * @param initial the start-up rules (flags, config file), restored by `reset`.
   */
  constructor(
    private readonly seed: number,
    private readonly known: ReadonlyMap<string, ReadonlySet<string>>,
    private readonly initial: readonly FaultInput[] = [],
  ) {
    this.reset();
  }

  /** Number of rules in effect (0 keeps the request path free of fault work). */
  get size(): number {
    return this.rules.size;
  }

  /** True when some rule of this API names an operation. */
  needsOperation(api: string): boolean {
    return (this.routed.get(api) ?? 0) > 0;
  }

  /**
   * Checks a rule (an object, or the text form's object) against the settings and the served APIs without adding
   * it; returns the normalised rule.
   * @throws FaultSpecError naming what is wrong, after `where`.
   */
  check(input: unknown, where = 'fault'): FaultInput {
    const fault = normaliseFault(input, where);
    if (fault.api !== undefined) {
      const ops = this.known.get(fault.api);
      if (!ops) {
        throw new FaultSpecError(`${where}: no API "${fault.api}" is served (${[...this.known.keys()].join(', ')})`);
      }
      if (fault.operationId !== undefined && !ops.has(fault.operationId)) {
        throw new FaultSpecError(`${where}: ${fault.api} has no operation "${fault.operationId}"`);
      }
    }
    return fault;
  }

  /** Adds a rule after checking it (an object, or the text form); throws FaultSpecError. */
  add(input: unknown): FaultRule {
    this.checkRoom(1);
    return this.insert(this.check(input));
  }

  private checkRoom(more: number): void {
    if (this.rules.size + more <= MAX_FAULT_RULES) return;
    throw new FaultSpecError(
      `at most ${MAX_FAULT_RULES} fault rules can be in effect (${this.rules.size} are, ${more} more given)`,
    );
  }

  /**
   * Adds several rules, all or none: every rule is checked first (the error names the first bad one by its index,
   * `faults[3]: …`), then they are added, in time linear in their number. More than {@link MAX_FAULT_RULES} in
   * effect are refused before any rule is read.
   * @throws FaultSpecError and adds nothing when any rule is bad.
   */
  addAll(inputs: readonly unknown[]): FaultRule[] {
    this.checkRoom(inputs.length);
    const checked = inputs.map((input, i) => this.check(input, `faults[${i}]`));
    return checked.map((fault) => this.insert(fault));
  }

  /** Removes the rules with this id, or of this API, or all of them; returns how many went. */
  remove(filter: { id?: number; api?: string } = {}): number {
    const before = this.rules.size;
    if (filter.id !== undefined) {
      const active = this.rules.get(filter.id);
      if (active && (filter.api === undefined || active.rule.api === filter.api)) this.drop(active);
      return before - this.rules.size;
    }
    if (filter.api === undefined) {
      this.rules.clear();
      this.buckets.clear();
      this.routed.clear();
      return before;
    }
    for (const active of this.rules.values()) if (active.rule.api === filter.api) this.rules.delete(active.rule.id);
    for (const key of [...this.buckets.keys()]) {
      if (key === filter.api || key.startsWith(`${filter.api}\0`)) this.buckets.delete(key);
    }
    this.routed.delete(filter.api);
    return before - this.rules.size;
  }

  /** The rules in effect, oldest first. */
  list(): FaultRule[] {
    return Array.from(this.rules.values(), ({ rule }) => ({ ...rule }));
  }

  /** Back to the start-up rules, with fresh counters and generators. */
  reset(): void {
    this.remove();
    this.nextId = 1;
    for (const input of this.initial) this.add(input);
  }

  /** The fault for a request to `api` (`operationId` undefined when unrouted), or undefined; counts the hit. */
  decide(api: string, operationId: string | undefined): FaultDecision | undefined {
    const best =
      (operationId === undefined ? undefined : this.buckets.get(bucketKey(api, operationId))?.at(-1)) ??
      this.buckets.get(api)?.at(-1) ??
      this.buckets.get('')?.at(-1);
    if (!best) return undefined;
    const { rule } = best;
    best.rng ??= createRng(best.rngSeed);
    const rng = best.rng;
    if (rule.rate !== undefined && rule.rate < 1 && !(rng.next() < rule.rate)) return undefined;
    rule.hits++;
    if (rule.remaining !== undefined && --rule.remaining <= 0) this.drop(best);
    return drawDecision(rule, rng);
  }

  private insert(fault: FaultInput): FaultRule {
    const id = this.nextId++;
    const rule: FaultRule = { id, ...fault, hits: 0 };
    if (fault.times !== undefined) rule.remaining = fault.times;
    const bucket = bucketKey(fault.api, fault.operationId);
    const rngSeed = ((fault.seed ?? this.seed) + Math.imul(id, 0x9e3779b1)) >>> 0;
    const active: ActiveRule = { rule, bucket, rng: undefined, rngSeed };
    this.rules.set(id, active);
    const list = this.buckets.get(bucket);
    if (list) list.push(active);
    else this.buckets.set(bucket, [active]);
    if (fault.api !== undefined && fault.operationId !== undefined) {
      this.routed.set(fault.api, (this.routed.get(fault.api) ?? 0) + 1);
    }
    return { ...rule };
  }

  /** Takes one rule out (the last of its bucket when a rule used up its `times`: constant work). */
  private drop(active: ActiveRule): void {
    this.rules.delete(active.rule.id);
    const list = this.buckets.get(active.bucket);
    if (list) {
      const at = list.lastIndexOf(active);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.buckets.delete(active.bucket);
    }
    const { api, operationId } = active.rule;
    if (api !== undefined && operationId !== undefined) {
      const left = (this.routed.get(api) ?? 1) - 1;
      if (left > 0) this.routed.set(api, left);
      else this.routed.delete(api);
    }
  }
}

/** The decision for one request: the delay plus a jitter drawn from `rng`. */
export function drawDecision(effect: FaultEffect, rng: Rng): FaultDecision {
  const jitter = effect.jitter ? Math.floor(rng.next() * (effect.jitter + 1)) : 0;
  const out: FaultDecision = { delay: (effect.delay ?? 0) + jitter };
  if (effect.status !== undefined) out.status = effect.status;
  if (effect.fault !== undefined) out.fault = effect.fault;
  if (effect.retryAfter !== undefined) out.retryAfter = effect.retryAfter;
  return out;
}
