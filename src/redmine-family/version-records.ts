/** Version status: only open versions can be the target version of an issue. */
export const VERSION_STATUSES = ['open', 'locked', 'closed'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/**
 * Version sharing: which other projects list the version (`descendants` subprojects, `hierarchy` ancestors and
 * subprojects, `tree` the whole project tree, `system` every project).
 */
export const VERSION_SHARINGS = ['none', 'descendants', 'hierarchy', 'tree', 'system'] as const;
export type VersionSharing = (typeof VERSION_SHARINGS)[number];

/** A stored version of a project; `due_date` is `YYYY-MM-DD` (Redmine's `effective_date`). */
export interface VersionRecord {
  id: number;
  project_id: number;
  name: string;
  description: string | null;
  status: VersionStatus;
  due_date: string | null;
  sharing: VersionSharing;
  wiki_page_title: string | null;
  created_on: string;
  updated_on: string;
}
