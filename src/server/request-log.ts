import type { ValidationIssue } from './ajv.js';

/** One served request, as `GET /__crmkit/requests` lists it (`time` is ISO 8601). */
export interface RequestRecord {
  time: string;
  api: string | undefined;
  operationId: string | undefined;
  method: string;
  path: string;
  /** 0 when the connection was closed without an answer (an injected `reset` fault). */
  status: number;
  ms: number;
  /** The injected fault, e.g. `status=503`, `delay=200`, `reset` (absent for normal requests). */
  fault?: string;
}

/** A handler result that broke the specification (recorded when response validation is on). */
export interface Violation {
  time: string;
  api: string;
  operationId: string;
  method: string;
  path: string;
  status: number;
  issues: ValidationIssue[];
}

/**
 * A fixed-size ring buffer of recent requests plus the list of contract violations. Recording a request is a few
 * array stores, so it stays on for every request. The ring is kept as columns (one array per field, numbers in typed
 * arrays), not as an object per request: a busy server records tens of thousands of requests a second, and objects
 * that live in the ring until it wraps often outlive two young-generation collections, which moves them to the old
 * generation as garbage (measured at ~90 bytes per request under load).
 */
export class RequestLog {
  private readonly at: Float64Array;
  private readonly ms: Float64Array;
  private readonly status: Uint16Array;
  private readonly api: (string | undefined)[];
  private readonly operationId: (string | undefined)[];
  private readonly method: string[];
  private readonly path: string[];
  private readonly fault: (string | undefined)[];
  private next = 0;
  private count = 0;
  readonly violations: Violation[] = [];

  constructor(readonly capacity = 200) {
    this.at = new Float64Array(capacity);
    this.ms = new Float64Array(capacity);
    this.status = new Uint16Array(capacity);
    this.api = new Array(capacity).fill(undefined);
    this.operationId = new Array(capacity).fill(undefined);
    this.method = new Array(capacity).fill('');
    this.path = new Array(capacity).fill('');
    this.fault = new Array(capacity).fill(undefined);
  }

  /**
   * Adds a request, overwriting the oldest once full. `at`: epoch milliseconds; `status` 0 when the connection was
   * closed without an answer. Positional, so that recording allocates nothing.
   */
  record(
    at: number,
    api: string | undefined,
    operationId: string | undefined,
    method: string,
    path: string,
    status: number,
    ms: number,
    fault: string | undefined,
  ): void {
    const i = this.next;
    this.at[i] = at;
    this.api[i] = api;
    this.operationId[i] = operationId;
    this.method[i] = method;
    this.path[i] = path;
    this.status[i] = status;
    this.ms[i] = ms;
    this.fault[i] = fault;
    this.next = (i + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  /** Recent requests, oldest first. */
  recent(): RequestRecord[] {
    const out: RequestRecord[] = [];
    const first = (this.next - this.count + this.capacity) % this.capacity;
    for (let n = 0; n < this.count; n++) {
      const i = (first + n) % this.capacity;
      const record: RequestRecord = {
        time: new Date(this.at[i] as number).toISOString(),
        api: this.api[i],
        operationId: this.operationId[i],
        method: this.method[i] as string,
        path: this.path[i] as string,
        status: this.status[i] as number,
        ms: Math.round((this.ms[i] as number) * 100) / 100,
      };
      const fault = this.fault[i];
      if (fault !== undefined) record.fault = fault;
      out.push(record);
    }
    return out;
  }

  /** Forgets requests and violations. */
  clear(): void {
    this.api.fill(undefined);
    this.operationId.fill(undefined);
    this.method.fill('');
    this.path.fill('');
    this.fault.fill(undefined);
    this.next = 0;
    this.count = 0;
    this.violations.length = 0;
  }
}
