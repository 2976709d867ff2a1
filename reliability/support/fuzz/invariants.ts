const BASELINE = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Whether `Object.prototype` (or `Array.prototype`) gained properties, e.g. `polluted` from a `__proto__` key
 * that reached a merge. Removes what it finds so one pollution does not hide the next, and names it.
 */
export function takePollution(): string | undefined {
  const added = Object.getOwnPropertyNames(Object.prototype).filter((k) => !BASELINE.has(k));
  const arrayAdded = Object.keys(Array.prototype);
  for (const k of added) delete (Object.prototype as Record<string, unknown>)[k];
  for (const k of arrayAdded) delete (Array.prototype as unknown as Record<string, unknown>)[k];
  const all = [...added, ...arrayAdded.map((k) => `Array.prototype.${k}`)];
  return all.length > 0 ? `Object.prototype gained ${all.join(', ')}` : undefined;
}

/** Whether a payload of a refused query operator ran (it sets `globalThis.__crmkitExecuted`); clears the flag. */
export function takeCodeExecution(): boolean {
  const g = globalThis as Record<string, unknown>;
  const ran = g.__crmkitExecuted === true;
  delete g.__crmkitExecuted;
  return ran;
}
