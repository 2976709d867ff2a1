/** Resident set size of this process in bytes. */
export function rss(): number {
  return process.memoryUsage.rss();
}

/**
 * Runs `fn` while a 5 ms ticker samples this process's RSS and measures the longest gap between its ticks. For an
 * in-process server the gap shows whether a request blocked the event loop; the RSS peak whether it allocated
 * without bound.
 */
export async function measured<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; maxLoopDelayMs: number; peakRssGrowth: number }> {
  const start = rss();
  let peak = start;
  let last = performance.now();
  let maxGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    peak = Math.max(peak, rss());
  }, 5);
  try {
    const value = await fn();
    maxGap = Math.max(maxGap, performance.now() - last);
    peak = Math.max(peak, rss());
    return { value, maxLoopDelayMs: Math.round(maxGap), peakRssGrowth: peak - start };
  } finally {
    clearInterval(ticker);
  }
}
