/** Longest `$regex` pattern a query may use. */
export const MAX_REGEX_LENGTH = 256;

/** Flags `$options` may carry: MongoDB's `i`, `m` and `s` (its `x` has no JavaScript equivalent). */
export const ALLOWED_REGEX_FLAGS = 'ims';

/** Most open-ended quantifiers (`*`, `+`, `{n,}`, or `{n,m}` spanning more than {@link WIDE_SPAN}) in one pattern. */
export const MAX_OPEN_QUANTIFIERS = 3;

/** A `{n,m}` quantifier with `m - n` above this counts as open-ended. */
export const WIDE_SPAN = 10;

/** A `$regex` is run only against this many leading characters of a value. */
export const MAX_REGEX_SUBJECT = 10_000;

/** The part of a value a `$regex` is run against: its first {@link MAX_REGEX_SUBJECT} characters. */
export function regexSubject(value: string): string {
  return value.length > MAX_REGEX_SUBJECT ? value.slice(0, MAX_REGEX_SUBJECT) : value;
}

interface Frame {
  /** The group holds a quantifier whose repeat count varies (`*`, `+`, `?`, `{n,}`, `{n,m}`). */
  variable: boolean;
  /** The group holds a top-level `|`. */
  alternation: boolean;
}

/**
 * Returns why a regular expression is refused, or `undefined` when it is acceptable. Refused: patterns longer than
 * {@link MAX_REGEX_LENGTH}; back-references; a group repeated more than once (`*`, `+`, `{n}`, `{n,m}`, `{n,}` with a
 * maximum above 1) that holds a variable quantifier or an alternation — the shapes of catastrophic backtracking such
 * as `(a+)+`, `(a|aa)*`, `(\w?)+`, `(a+){1,30}`, `(.*a){25}`; more than {@link MAX_OPEN_QUANTIFIERS} open-ended
 * quantifiers (`a*a*a*a*b`); flags outside {@link ALLOWED_REGEX_FLAGS}; and patterns JavaScript cannot compile.
 */
export function regexProblem(pattern: string, flags = ''): string | undefined {
  if (pattern.length > MAX_REGEX_LENGTH) return `$regex pattern is longer than ${MAX_REGEX_LENGTH} characters`;
  for (const flag of flags) {
    if (!ALLOWED_REGEX_FLAGS.includes(flag)) return `$options flag "${flag}" is not supported`;
  }
  try {
    new RegExp(pattern, flags);
  } catch {
    return '$regex pattern is not a valid regular expression';
  }
  return structureProblem(pattern);
}

function structureProblem(p: string): string | undefined {
  const stack: Frame[] = [{ variable: false, alternation: false }];
  const open = { count: 0 };
  let i = 0;
  while (i < p.length) {
    const ch = p[i];
    const top = stack[stack.length - 1]!;
    if (ch === '\\') {
      const next = p[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && p[i + 2] === '<')) return '$regex back-references are not allowed';
      i = quantifierAfter(p, i + 2, top, open);
    } else if (ch === '[') {
      i = quantifierAfter(p, classEnd(p, i) + 1, top, open);
    } else if (ch === '(') {
      stack.push({ variable: false, alternation: false });
      i = groupBodyStart(p, i);
    } else if (ch === ')') {
      const group = stack.pop();
      const parent = stack[stack.length - 1];
      if (!group || !parent) return '$regex pattern is not a valid regular expression';
      const q = readQuantifier(p, i + 1);
      if (q.max > 1 && (group.variable || group.alternation)) {
        return q.unbounded
          ? '$regex pattern may backtrack catastrophically (nested quantifiers)'
          : '$regex pattern may backtrack catastrophically (a group with variable content repeated more than once)';
      }
      if (q.open) open.count++;
      parent.variable ||= group.variable || group.alternation || q.variable;
      i = q.end;
    } else if (ch === '|') {
      top.alternation = true;
      i++;
    } else {
      i = quantifierAfter(p, i + 1, top, open);
    }
    if (open.count > MAX_OPEN_QUANTIFIERS) {
      return `$regex pattern may backtrack catastrophically (more than ${MAX_OPEN_QUANTIFIERS} open-ended quantifiers)`;
    }
  }
  return undefined;
}

function quantifierAfter(p: string, at: number, frame: Frame, open: { count: number }): number {
  const q = readQuantifier(p, at);
  frame.variable ||= q.variable;
  if (q.open) open.count++;
  return q.end;
}

interface Quantifier {
  /** Index just past the quantifier (`at` when there is none). */
  end: number;
  /** The repeat count varies. */
  variable: boolean;
  /** No upper bound (`*`, `+`, `{n,}`). */
  unbounded: boolean;
  /** Unbounded, or a `{n,m}` spanning more than {@link WIDE_SPAN}. */
  open: boolean;
  /** Most repeats (1 without a quantifier). */
  max: number;
}

function readQuantifier(p: string, at: number): Quantifier {
  const ch = p[at];
  const q: Quantifier = { end: at, variable: false, unbounded: false, open: false, max: 1 };
  if (ch === '*' || ch === '+') {
    Object.assign(q, { end: at + 1, variable: true, unbounded: true, open: true, max: Number.POSITIVE_INFINITY });
  } else if (ch === '?') {
    Object.assign(q, { end: at + 1, variable: true });
  } else if (ch === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(at));
    if (m) {
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
      const unbounded = max === Number.POSITIVE_INFINITY;
      Object.assign(q, { end: at + m[0].length, variable: max !== min, unbounded, max });
      q.open = unbounded || max - min > WIDE_SPAN;
    }
  }
  if (q.end > at && p[q.end] === '?') q.end++;
  return q;
}

function classEnd(p: string, start: number): number {
  let i = start + 1;
  while (i < p.length && p[i] !== ']') i += p[i] === '\\' ? 2 : 1;
  return i;
}

function groupBodyStart(p: string, open: number): number {
  if (p[open + 1] !== '?') return open + 1;
  const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(p.slice(open));
  if (named) return open + named[0].length;
  const m = /^\(\?(<=|<!|[:=!])/.exec(p.slice(open));
  return m ? open + m[0].length : open + 1;
}
