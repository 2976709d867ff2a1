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

/** What happens to one request: the delay is already drawn. */
export interface FaultDecision extends FaultEffect {
  delay: number;
}

interface ActiveRule {
  rule: FaultRule;
  /** 2 for an operation rule, 1 for an API rule, 0 for every API. */
  rank: number;
  rng: Rng;
}

/**
 * The fault rules in effect. A request gets at most one rule: the most specific one that matches (operation, then
 * API, then every API; the latest added among equals). That rule fires with its `rate`, drawn from its own
 * generator seeded with the server seed and the rule id, so the same requests in the same order get the same
 * faults on every run; a rule with `times` is dropped once it has fired that often.
 */
export class FaultTable {
  private rules: ActiveRule[] = [];
  private nextId = 1;
  /** Api ids that have operation-level rules (the caller then routes the request to know its operation). */
  private routed = new Set<string>();

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
    return this.rules.length;
  }

  /** True when some rule of this API names an operation. */
  needsOperation(api: string): boolean {
    return this.routed.has(api);
  }

  /** Adds a rule after checking it (an object, or the text form); throws FaultSpecError. */
  add(input: unknown): FaultRule {
    const fault = normaliseFault(input);
    if (fault.api !== undefined) {
      const ops = this.known.get(fault.api);
      if (!ops) throw new FaultSpecError(`no API "${fault.api}" is served (${[...this.known.keys()].join(', ')})`);
      if (fault.operationId !== undefined && !ops.has(fault.operationId)) {
        throw new FaultSpecError(`${fault.api} has no operation "${fault.operationId}"`);
      }
    }
    const id = this.nextId++;
    const rule: FaultRule = { id, ...fault, hits: 0 };
    if (fault.times !== undefined) rule.remaining = fault.times;
    const rank = fault.operationId !== undefined ? 2 : fault.api !== undefined ? 1 : 0;
    const rng = createRng(((fault.seed ?? this.seed) + Math.imul(id, 0x9e3779b1)) >>> 0);
    this.rules.push({ rule, rank, rng });
    this.reindex();
    return { ...rule };
  }

  /** Removes the rules with this id, or of this API, or all of them; returns how many went. */
  remove(filter: { id?: number; api?: string } = {}): number {
    const before = this.rules.length;
    this.rules = this.rules.filter(
      ({ rule }) =>
        (filter.id !== undefined && rule.id !== filter.id) || (filter.api !== undefined && rule.api !== filter.api),
    );
    this.reindex();
    return before - this.rules.length;
  }

  /** The rules in effect, oldest first. */
  list(): FaultRule[] {
    return this.rules.map(({ rule }) => ({ ...rule }));
  }

  /** Back to the start-up rules, with fresh counters and generators. */
  reset(): void {
    this.rules = [];
    this.nextId = 1;
    for (const input of this.initial) this.add(input);
  }

  /** The fault for a request to `api` (`operationId` undefined when unrouted), or undefined; counts the hit. */
  decide(api: string, operationId: string | undefined): FaultDecision | undefined {
    let best: ActiveRule | undefined;
    for (const r of this.rules) {
      const { rule } = r;
      if (rule.api !== undefined && rule.api !== api) continue;
      if (rule.operationId !== undefined && rule.operationId !== operationId) continue;
      if (!best || r.rank >= best.rank) best = r;
    }
    if (!best) return undefined;
    const { rule, rng } = best;
    if (rule.rate !== undefined && rule.rate < 1 && !(rng.next() < rule.rate)) return undefined;
    rule.hits++;
    if (rule.remaining !== undefined && --rule.remaining <= 0) {
      this.rules = this.rules.filter((r) => r !== best);
      this.reindex();
    }
    return drawDecision(rule, rng);
  }

  private reindex(): void {
    this.routed = new Set(this.rules.flatMap(({ rule }) => (rule.operationId === undefined ? [] : [rule.api ?? ''])));
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
