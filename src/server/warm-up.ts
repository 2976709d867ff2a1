import type { Mount } from './mount.js';

/**
 * Compiles the request validators of every operation in idle time after start-up, one operation per event-loop
 * turn, so start-up stays fast and requests arriving meanwhile wait for one compilation at most. Returns a function
 * that stops the warm-up (called on close).
 */
export function startWarmUp(mounts: readonly Mount[]): () => void {
  const queue = mounts.flatMap((m) => [...m.operations.values()]);
  let next = 0;
  let timer: NodeJS.Immediate | undefined;
  const step = () => {
    const op = queue[next++];
    if (!op) return;
    op.validator.warm();
    timer = setImmediate(step).unref();
  };
  timer = setImmediate(step).unref();
  return () => {
    if (timer) clearImmediate(timer);
    next = queue.length;
  };
}
