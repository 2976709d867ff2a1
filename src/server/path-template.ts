/** A piece of one path segment: literal text or a named parameter (optionally restricted to an enum). */
export type SegmentPart = { literal: string } | { param: string; allowed?: ReadonlySet<string> };

/** A compiled path segment of a template like `/projects/{project_id}.{format}`. */
export interface SegmentPattern {
  parts: SegmentPart[];
  /** True when the segment has no parameter. */
  literal: boolean;
  /** Number of literal characters, used to try more specific patterns first. */
  literalLength: number;
}

/** Splits a path template into segment patterns (`/a/{b}.{c}` → `a`, `{b}.{c}`). */
export function parseTemplate(
  template: string,
  enums: Readonly<Record<string, readonly string[]>> = {},
): SegmentPattern[] {
  return splitPath(template).map((segment) => {
    const parts: SegmentPart[] = [];
    let rest = segment;
    while (rest.length > 0) {
      const open = rest.indexOf('{');
      const close = open < 0 ? -1 : rest.indexOf('}', open);
      if (open < 0 || close < 0) {
        parts.push({ literal: rest });
        break;
      }
      if (open > 0) parts.push({ literal: rest.slice(0, open) });
      const name = rest.slice(open + 1, close);
      const values = enums[name];
      parts.push(values ? { param: name, allowed: new Set(values) } : { param: name });
      rest = rest.slice(close + 1);
    }
    const literalLength = parts.reduce((n, p) => n + ('literal' in p ? p.literal.length : 0), 0);
    return { parts, literal: parts.every((p) => 'literal' in p), literalLength };
  });
}

/** Splits a URL path into its segments (no leading empty segment; a trailing slash gives a final empty one). */
export function splitPath(path: string): string[] {
  const trimmed = path.startsWith('/') ? path.slice(1) : path;
  return trimmed === '' ? [] : trimmed.split('/');
}

/**
 * Matches one request path segment against a pattern, writing captured parameters into `out`. A parameter followed
 * by literal text ends at the last occurrence of that text, as Rails does for `:id.:format` (so `a.b.json` gives
 * id `a.b`). Captures are percent-decoded; an empty capture or a value outside the enum fails the match.
 */
export function matchSegment(pattern: SegmentPattern, segment: string, out: Record<string, string>): boolean {
  const { parts } = pattern;
  let pos = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as SegmentPart;
    if ('literal' in part) {
      if (!segment.startsWith(part.literal, pos)) return false;
      pos += part.literal.length;
      continue;
    }
    const next = parts[i + 1] as SegmentPart | undefined;
    let end = segment.length;
    if (next && 'literal' in next) {
      end = segment.lastIndexOf(next.literal);
      if (end < pos) return false;
    }
    if (end === pos) return false;
    const value = decode(segment.slice(pos, end));
    if (value === undefined || (part.allowed && !part.allowed.has(value))) return false;
    out[part.param] = value;
    pos = end;
  }
  return pos === segment.length;
}

function decode(raw: string): string | undefined {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/**
 * Expands a template whose parameters all have small enums into concrete paths (`/projects.{format}` →
 * `/projects.json`, `/projects.xml`), so that they can be served from an exact-path map. Returns undefined when
 * the template has a free parameter or would expand to more than `max` paths.
 */
export function expandTemplate(
  template: string,
  enums: Readonly<Record<string, readonly string[]>>,
  max = 16,
): { path: string; params: Record<string, string> }[] | undefined {
  let results = [{ path: template, params: {} as Record<string, string> }];
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  for (const name of names) {
    const values = enums[name];
    if (!values || values.length === 0) return undefined;
    results = results.flatMap((r) =>
      values.map((v) => ({ path: r.path.replace(`{${name}}`, v), params: { ...r.params, [name]: v } })),
    );
    if (results.length > max) return undefined;
  }
  return results;
}
