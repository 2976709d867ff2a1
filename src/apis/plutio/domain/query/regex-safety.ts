/** Longest `$regex` pattern a query may use. */
export const MAX_REGEX_LENGTH = 256;

/** Flags `$options` may carry: MongoDB's `i`, `m` and `s` (its `x` has no JavaScript equivalent). */
export const ALLOWED_REGEX_FLAGS = 'ims';

interface Frame {
  /** The group holds a quantifier whose repeat count varies (`*`, `+`, `?`, `{n,}`, `{n,m}`). */
  variable: boolean;
  /** The group holds a top-level `|`. */
  alternation: boolean;
}

/**
 * Returns why a regular expression is refused, or `undefined` when it is acceptable. Refused: patterns longer than
 * {@link MAX_REGEX_LENGTH}; back-references; a group repeated without bound (`*`, `+`, `{n,}`) that itself holds a
 * variable quantifier or an alternation — the shapes of catastrophic backtracking such as `(a+)+`, `(a|aa)*`,
 * `(\w?)+`; flags outside {@link ALLOWED_REGEX_FLAGS}; and patterns JavaScript cannot compile.
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
  let i = 0;
  while (i < p.length) {
    const ch = p[i];
    const top = stack[stack.length - 1]!;
    if (ch === '\\') {
      const next = p[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && p[i + 2] === '<')) return '$regex back-references are not allowed';
      i = quantifierAfter(p, i + 2, top);
    } else if (ch === '[') {
      i = quantifierAfter(p, classEnd(p, i) + 1, top);
    } else if (ch === '(') {
      stack.push({ variable: false, alternation: false });
      i = groupBodyStart(p, i);
    } else if (ch === ')') {
      const group = stack.pop();
      const parent = stack[stack.length - 1];
      if (!group || !parent) return '$regex pattern is not a valid regular expression';
      const q = readQuantifier(p, i + 1);
      if (q.unbounded && (group.variable || group.alternation)) {
        return '$regex pattern may backtrack catastrophically (nested quantifiers)';
      }
      parent.variable ||= group.variable || q.variable;
      i = q.end;
    } else if (ch === '|') {
      top.alternation = true;
      i++;
    } else {
      i = quantifierAfter(p, i + 1, top);
    }
  }
  return undefined;
}

function quantifierAfter(p: string, at: number, frame: Frame): number {
  const q = readQuantifier(p, at);
  frame.variable ||= q.variable;
  return q.end;
}

function readQuantifier(p: string, at: number): { end: number; variable: boolean; unbounded: boolean } {
  const ch = p[at];
  let end = at;
  let variable = false;
  let unbounded = false;
  if (ch === '*' || ch === '+') {
    [end, variable, unbounded] = [at + 1, true, true];
  } else if (ch === '?') {
    [end, variable] = [at + 1, true];
  } else if (ch === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(at));
    if (m) {
      end = at + m[0].length;
      unbounded = m[2] !== undefined && m[3] === '';
      variable = unbounded || (m[3] !== undefined && m[3] !== m[1]);
    }
  }
  if (end > at && p[end] === '?') end++;
  return { end, variable, unbounded };
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
