/**
 * Prints one figure line in the suite's stable format, `reliability: <area> key=value key=value …`, so a script can
 * grep the numbers out of a test log. Returns the line.
 */
export function figure(area: string, values: Record<string, string | number | boolean>): string {
  const parts = Object.entries(values).map(([k, v]) => `${k}=${typeof v === 'number' ? round(v) : String(v)}`);
  const line = `reliability: ${area} ${parts.join(' ')}`;
  console.log(line);
  return line;
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** Megabytes with one decimal, for memory figures. */
export function mb(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
