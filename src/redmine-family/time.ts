/** A timestamp as Redmine's API writes it: UTC, seconds, `Z` (`2024-01-08T09:00:00Z`). */
export function formatTimestamp(date: Date | number): string {
  const iso = (typeof date === 'number' ? new Date(date) : date).toISOString();
  return `${iso.slice(0, 19)}Z`;
}

/** The current time as a Redmine timestamp. */
export function nowTimestamp(): string {
  return formatTimestamp(new Date());
}
