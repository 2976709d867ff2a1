import type { RedminePrincipal } from '../../redmine-family/index.js';

/** A filter on one integer attribute (null when the attribute is empty). */
export type IdFilter = (value: number | null) => boolean;

/**
 * Parses a Redmine query short filter on an id attribute, as the CRM queries read `assigned_to_id` and `status_id`:
 * `5` or `1|5` (any of the ids), `!5` (none of them; empty values match too, as Redmine's SQL does), `*` (any
 * value), `!*` (no value). `me` stands for the caller (nobody when anonymous). Values that are not ids match
 * nothing. Blank or absent gives undefined (no filter).
 * @see redmine app/models/query.rb add_short_filter, sql_for_field
 */
export function parseIdFilter(raw: string | undefined, principal: RedminePrincipal): IdFilter | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const spec = raw.trim();
  if (spec === '*') return (v) => v !== null;
  if (spec === '!*') return (v) => v === null;
  const negate = spec.startsWith('!');
  const ids = new Set(
    (negate ? spec.slice(1) : spec)
      .split('|')
      .map((part) => part.trim())
      .map((part) => (part === 'me' ? (principal.user?.id ?? 0) : /^\d+$/.test(part) ? Number(part) : 0))
      .filter((id) => id > 0),
  );
  return negate ? (v) => v === null || !ids.has(v) : (v) => v !== null && ids.has(v);
}
