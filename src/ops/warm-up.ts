import type { Mount } from '../server/mount.js';

type Step = () => void;

/** Takes one item from each list in turn until all are empty. */
function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i] as T);
  return out;
}

/**
 * The warm-up order: the APIs take turns validator by validator (a small API is not kept waiting behind a large
 * one), first the validators of parameters and bodies as declared, then the coercing variants of the JSON body
 * schemas (XML and form bodies).
 */
function warmUpQueue(mounts: readonly Mount[]): Step[] {
  const steps = mounts.map((m) => [...m.operations.values()].map((op) => op.validator.warmUpSteps()));
  return [
    ...interleave(steps.map((ops) => ops.flatMap((s) => s.first))),
    ...interleave(steps.map((ops) => ops.flatMap((s) => s.later))),
  ];
}

/**
 * Compiles the request validators of every operation in the background after start-up: one validator per event-loop
 * turn through a chain of immediates, so start-up stays fast and a request arriving meanwhile waits for one
 * compilation at most. The immediates keep the loop turning (an unref'd one would only run when some I/O wakes the
 * loop, leaving the compilations to the first requests). Returns a function that stops the warm-up (called on
 * close).
 */
export function startWarmUp(mounts: readonly Mount[]): () => void {
  const queue = warmUpQueue(mounts);
  let next = 0;
  let timer: NodeJS.Immediate | undefined;
  const step = () => {
    timer = undefined;
    try {
      queue[next++]?.();
    } catch {
      // A schema Ajv refuses: the request that needs it compiles it again and answers the error.
    }
    if (next < queue.length) timer = setImmediate(step);
  };
  if (queue.length > 0) timer = setImmediate(step);
  return () => {
    if (timer) clearImmediate(timer);
    timer = undefined;
    next = queue.length;
  };
}
