/** What kind of invariant a finding breaks. */
export type FindingKind =
  | '5xx'
  | 'crash'
  | 'hang'
  | 'connection'
  | 'spec'
  | 'state-changed-by-refusal'
  | 'state-changed-by-read'
  | 'prototype-pollution'
  | 'code-executed';

/** One broken invariant, with the request that broke it. */
export interface Finding {
  kind: FindingKind;
  /** The operation label (`POST /projects.{format}`) or the path for unrouted requests. */
  where: string;
  status: number;
  detail: string;
  request: string;
  response: string;
  /** Size of the request, so that the smallest example of each class is kept. */
  size: number;
}

interface FindingClass {
  count: number;
  example: Finding;
}

/** Groups findings into classes (kind, place, status, the detail with values blanked) and keeps the smallest. */
export class Findings {
  private readonly classes = new Map<string, FindingClass>();
  total = 0;

  add(f: Finding): void {
    this.total++;
    const key = `${f.kind}|${f.where}|${f.status}|${normalize(f.detail)}`;
    const known = this.classes.get(key);
    if (!known) this.classes.set(key, { count: 1, example: f });
    else {
      known.count++;
      if (f.size < known.example.size) known.example = f;
    }
  }

  /** Number of distinct classes. */
  get size(): number {
    return this.classes.size;
  }

  /** Counts per kind, e.g. `{spec: 12, '5xx': 1}`. */
  byKind(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.classes.values()) out[c.example.kind] = (out[c.example.kind] ?? 0) + c.count;
    return out;
  }

  /** A readable report of up to `max` classes, most frequent first. */
  report(max = 30): string {
    const sorted = [...this.classes.values()].sort((a, b) => b.count - a.count);
    const lines = sorted.slice(0, max).map((c, i) => {
      const f = c.example;
      return [
        `${i + 1}. [${f.kind}] ${f.where} → ${f.status} (${c.count}×): ${f.detail}`,
        `   request:  ${f.request}`,
        `   response: ${f.response}`,
      ].join('\n');
    });
    if (sorted.length > max) lines.push(`… and ${sorted.length - max} more classes`);
    return lines.join('\n');
  }
}

function normalize(detail: string): string {
  return detail
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, 'N')
    .slice(0, 160);
}
