/** What an injected fault does to a request. */
export interface FaultEffect {
  /** Added latency in milliseconds before the request is handled. */
  delay?: number;
  /** Up to this many milliseconds more, drawn per request (uniform, repeatable with the seed). */
  jitter?: number;
  /** Answer this status (400–599) in the API's own error format instead of handling the request. */
  status?: number;
  /** `reset`: close the connection without an answer; `truncate`: send the headers and half the body, then close. */
  fault?: 'reset' | 'truncate';
  /** `Retry-After` seconds of a forced 429 or 503 (default 1). */
  retryAfter?: number;
}

/** A fault rule, as a `--fault` flag, a config file or `POST /__crmkit/faults` gives it. */
export interface FaultInput extends FaultEffect {
  /** Api id, or `*` / unset for every API. */
  api?: string;
  /** operationId, or `*` / unset for every request to the API. */
  operationId?: string;
  /** Share of matching requests that get the fault, 0..1 (default 1); the draw is repeatable with the seed. */
  rate?: number;
  /** Apply the fault this many times, then drop the rule (default: until cleared). */
  times?: number;
  /** Seed of the rule's draws (default: the server's `--seed`). */
  seed?: number;
}

/** A fault setting that cannot be used; the message names the setting. */
export class FaultSpecError extends Error {}

/** Longest accepted delay or jitter: 5 minutes. */
export const MAX_DELAY_MS = 300_000;

const ALIASES: Readonly<Record<string, string>> = { latency: 'delay', 'retry-after': 'retryAfter' };
const EFFECT_KEYS = new Set(['delay', 'jitter', 'status', 'fault', 'retryAfter']);
const RULE_KEYS = new Set([...EFFECT_KEYS, 'api', 'operationId', 'rate', 'times', 'seed']);

/**
 * Parses the text form `[api[:operationId]:]key=value[,key=value…]`, e.g. `planio:getCompany:status=503,rate=0.5`,
 * `*:delay=200,jitter=50` or `plutio:fault=reset,times=1`. Keys: `delay` (alias `latency`), `jitter`, `status`,
 * `fault` (`reset` | `truncate`), `retryAfter`, `rate`, `times`, `seed`.
 * @throws FaultSpecError naming what is wrong.
 */
export function parseFaultSpec(text: string): FaultInput {
  const eq = text.indexOf('=');
  if (eq < 0) throw new FaultSpecError(`fault "${text}" has no setting (e.g. planio:getCompany:status=503)`);
  const colon = text.lastIndexOf(':', eq);
  const scope = colon < 0 ? [] : text.slice(0, colon).split(':');
  if (scope.length > 2) throw new FaultSpecError(`fault "${text}": the scope is api[:operationId]`);
  const raw: Record<string, unknown> = {};
  if (scope[0] !== undefined) raw.api = scope[0];
  if (scope[1] !== undefined) raw.operationId = scope[1];
  for (const pair of text.slice(colon + 1).split(',')) {
    const at = pair.indexOf('=');
    if (at < 0) throw new FaultSpecError(`fault "${text}": "${pair}" is not key=value`);
    raw[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return normaliseFault(raw, `fault "${text}"`);
}

/**
 * Checks and normalises a fault rule object (numbers may be given as numeric strings; `delay` may be a
 * `[min, max]` pair, meaning `delay: min, jitter: max - min`).
 * @throws FaultSpecError naming what is wrong.
 */
export function normaliseFault(input: unknown, where = 'fault'): FaultInput {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new FaultSpecError(`${where} must be an object`);
  const raw = renameAliases(input as Record<string, unknown>, RULE_KEYS, where);
  const out: FaultInput = { ...readEffect(raw, where) };
  for (const key of ['api', 'operationId'] as const) {
    const v = raw[key];
    if (v === undefined || v === '' || v === '*') continue;
    if (typeof v !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(v)) throw new FaultSpecError(`${where}: bad ${key}`);
    out[key] = v;
  }
  if (out.operationId !== undefined && out.api === undefined) {
    throw new FaultSpecError(`${where}: an operationId needs an api`);
  }
  if (raw.rate !== undefined) out.rate = num(raw.rate, 'rate', where, 0, 1, false);
  if (raw.times !== undefined) out.times = num(raw.times, 'times', where, 1, 1e9, true);
  if (raw.seed !== undefined) out.seed = num(raw.seed, 'seed', where, 0, 2 ** 32 - 1, true);
  if (out.delay === undefined && out.status === undefined && out.fault === undefined) {
    throw new FaultSpecError(`${where}: give at least one of delay, status, fault`);
  }
  return out;
}

/**
 * Reads the fault settings of a per-request header (`Prefer: delay=800, status=503` or
 * `X-Crmkit-Fault: status=503,delay=100`). Prefer tokens that are not fault settings are ignored (`strict` false);
 * in `X-Crmkit-Fault` they are an error. Returns undefined when the header holds no fault setting.
 * @throws FaultSpecError for a bad value.
 */
export function parseFaultHeader(value: string | string[], strict: boolean, where: string): FaultEffect | undefined {
  const raw: Record<string, unknown> = {};
  for (const part of (Array.isArray(value) ? value.join(',') : value).split(/[,;]/)) {
    const at = part.indexOf('=');
    const key = (at < 0 ? part : part.slice(0, at)).trim();
    if (key === '') continue;
    const name = ALIASES[key.toLowerCase()] ?? (key === 'retryafter' ? 'retryAfter' : key.toLowerCase());
    if (!EFFECT_KEYS.has(name)) {
      if (strict) throw new FaultSpecError(`${where}: unknown setting "${key}"`);
      continue;
    }
    raw[name] =
      at < 0
        ? ''
        : part
            .slice(at + 1)
            .trim()
            .replace(/^"(.*)"$/, '$1');
  }
  if (Object.keys(raw).length === 0) return undefined;
  const effect = readEffect(raw, where);
  return Object.keys(effect).length === 0 ? undefined : effect;
}

function renameAliases(raw: Record<string, unknown>, allowed: Set<string>, where: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(raw)) {
    const name = ALIASES[key] ?? key;
    if (!allowed.has(name)) throw new FaultSpecError(`${where}: unknown setting "${key}"`);
    out[name] = v;
  }
  return out;
}

function readEffect(raw: Record<string, unknown>, where: string): FaultEffect {
  const out: FaultEffect = {};
  if (Array.isArray(raw.delay)) {
    const [min, max] = raw.delay.map((v) => num(v, 'delay', where, 0, MAX_DELAY_MS, true));
    if (raw.delay.length !== 2 || min === undefined || max === undefined || max < min) {
      throw new FaultSpecError(`${where}: delay must be milliseconds or a [min, max] pair`);
    }
    out.delay = min;
    out.jitter = max - min;
  } else if (raw.delay !== undefined) out.delay = num(raw.delay, 'delay', where, 0, MAX_DELAY_MS, true);
  if (raw.jitter !== undefined) out.jitter = num(raw.jitter, 'jitter', where, 0, MAX_DELAY_MS, true);
  if (out.jitter !== undefined) out.delay ??= 0;
  if (raw.status !== undefined) out.status = num(raw.status, 'status', where, 400, 599, true);
  if (raw.retryAfter !== undefined) out.retryAfter = num(raw.retryAfter, 'retryAfter', where, 0, 86_400, true);
  if (raw.fault !== undefined) {
    if (raw.fault !== 'reset' && raw.fault !== 'truncate') {
      throw new FaultSpecError(`${where}: fault must be reset or truncate`);
    }
    out.fault = raw.fault;
  }
  return out;
}

function num(v: unknown, key: string, where: string, min: number, max: number, integer: boolean): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    const kind = integer ? 'a whole number' : 'a number';
    throw new FaultSpecError(`${where}: ${key} must be ${kind} from ${min} to ${max}`);
  }
  return n;
}
