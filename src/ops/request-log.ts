import type { ValidationIssue } from '../server/ajv.js';

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
 * One request as the listener records it, filled field by field and handed to {@link RequestLog.add}, which copies
 * it into the ring. A listener keeps one entry and fills and adds it without awaiting in between, so that recording
 * a request allocates nothing.
 */
export class RequestEntry {
  /** Epoch milliseconds. */
  at = 0;
  api: string | undefined = undefined;
  operationId: string | undefined = undefined;
  method = '';
  path = '';
  /** 0 when the connection was closed without an answer. */
  status = 0;
  ms = 0;
  fault: string | undefined = undefined;
}

/**
 * A fixed-size ring buffer of recent requests plus the list of contract violations. Recording a request is a few
 * array stores, so it stays on for every request. The ring is kept as columns (one array per field, numbers in typed
 * arrays), not as an object per request: a busy server records tens of thousands of requests a second, and objects
 * that live in the ring until it wraps often outlive two young-generation collections, which moves them to the old
 * generation as garbage (measured at ~90 bytes per request under the load of `npm run bench`).
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

  /** Copies a request into the ring, overwriting the oldest once full; `entry` may be reused at once. */
  add(entry: RequestEntry): void {
    const i = this.next;
    this.at[i] = entry.at;
    this.api[i] = entry.api;
    this.operationId[i] = entry.operationId;
    this.method[i] = entry.method;
    this.path[i] = entry.path;
    this.status[i] = entry.status;
    this.ms[i] = entry.ms;
    this.fault[i] = entry.fault;
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
