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
 * A fixed-size ring buffer of recent requests plus the list of contract violations. Recording a request is a couple
 * of assignments, so it stays on for every request.
 */
export class RequestLog {
  private readonly ring: ((Omit<RequestRecord, 'time'> & { at: number }) | undefined)[];
  private next = 0;
  readonly violations: Violation[] = [];

  constructor(readonly capacity = 200) {
    this.ring = new Array(capacity);
  }

  /** Adds a request (`at`: epoch milliseconds), overwriting the oldest once full. */
  record(entry: Omit<RequestRecord, 'time'> & { at: number }): void {
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Recent requests, oldest first. */
  recent(): RequestRecord[] {
    const out: RequestRecord[] = [];
    for (let i = 0; i < this.capacity; i++) {
      const entry = this.ring[(this.next + i) % this.capacity];
      if (!entry) continue;
      const { at, ...rest } = entry;
      out.push({ time: new Date(at).toISOString(), ...rest, ms: Math.round(rest.ms * 100) / 100 });
    }
    return out;
  }

  /** Forgets requests and violations. */
  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.violations.length = 0;
  }
}
