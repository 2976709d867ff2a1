import type { components } from '../generated/redmine.js';
import type { DeepReadonly } from '../store/freeze.js';
import { allowedTo, type Project } from './access.js';
import { has, type ResourceAttributes } from './input.js';
import { messages, ValidationErrors } from './messages.js';
import { isAdmin, type RedminePrincipal } from './principal.js';
import type { RedmineFamilyState } from './state.js';
import { nowTimestamp } from './time.js';
import {
  VERSION_SHARINGS,
  VERSION_STATUSES,
  type VersionRecord,
  type VersionSharing,
  type VersionStatus,
} from './version-records.js';

/** A stored version as handlers see it. */
export type Version = DeepReadonly<VersionRecord>;

/** A version as the API renders it. */
export type VersionView = components['schemas']['Version'];

/** The attributes of a version create or update request body. */
export type VersionAttributes = ResourceAttributes<components['schemas']['VersionRequest'], 'version'>;

/** What Redmine allows on a closed project: reading (versions and spent time included), no changes. */
export const READ_PERMISSIONS: ReadonlySet<string> = new Set(['view_project', 'view_issues', 'view_time_entries']);

/**
 * A version in Redmine's field order. The single view adds `estimated_hours` (no issues: 0) and, for callers
 * allowed to view spent time on the version's project, `spent_hours` (0).
 * @see redmine app/views/versions/show.api.rsb, index.api.rsb
 */
export function renderVersion(
  state: RedmineFamilyState,
  principal: RedminePrincipal,
  version: Version,
  single: boolean,
): VersionView {
  const project = state.projects.get(version.project_id);
  const hours: Pick<VersionView, 'estimated_hours' | 'spent_hours'> = {};
  if (single) {
    hours.estimated_hours = 0;
    if (project && allowedTo(state, principal, project, 'view_time_entries', READ_PERMISSIONS)) hours.spent_hours = 0;
  }
  return {
    id: version.id,
    project: { id: version.project_id, name: project?.name ?? '' },
    name: version.name,
    description: version.description,
    status: version.status,
    due_date: version.due_date,
    sharing: version.sharing,
    wiki_page_title: version.wiki_page_title,
    ...hours,
    created_on: version.created_on,
    updated_on: version.updated_on,
  };
}

/** Ids of a project's ancestors, nearest first. */
function ancestorIds(state: RedmineFamilyState, project: Project): number[] {
  const ids: number[] = [];
  for (let p = project.parent_id; p !== null && !ids.includes(p); p = state.projects.get(p)?.parent_id ?? null) {
    ids.push(p);
  }
  return ids;
}

/** The root of a project's tree (the project itself when it has no parent). */
function rootId(state: RedmineFamilyState, project: Project): number {
  return ancestorIds(state, project).at(-1) ?? project.id;
}

/**
 * The versions a project lists, in id order: its own, and those of other (not archived) projects shared with it:
 * `system` from any project, `tree` from the same tree, `descendants` and `hierarchy` from an ancestor, `hierarchy`
 * from a subproject.
 * @see redmine app/models/project.rb (Project#shared_versions)
 */
export function sharedVersions(state: RedmineFamilyState, project: Project): Version[] {
  const ancestors = ancestorIds(state, project);
  const root = rootId(state, project);
  return state.versions.all((v) => {
    if (v.project_id === project.id) return true;
    const owner = state.projects.get(v.project_id);
    if (!owner || owner.status === 9) return false;
    switch (v.sharing) {
      case 'system':
        return true;
      case 'tree':
        return rootId(state, owner) === root;
      case 'descendants':
        return ancestors.includes(owner.id);
      case 'hierarchy':
        return ancestors.includes(owner.id) || ancestorIds(state, owner).includes(project.id);
      default:
        return false;
    }
  });
}

/**
 * The sharings the caller may give a version of `project`: the current one, `system` for administrators,
 * `hierarchy` and `tree` with "Manage versions" on the root project, the others always.
 * @see redmine app/models/version.rb (Version#allowed_sharings)
 */
function allowedSharings(
  state: RedmineFamilyState,
  principal: RedminePrincipal,
  project: Project,
  current: VersionSharing | undefined,
): VersionSharing[] {
  const root = state.projects.get(rootId(state, project)) ?? project;
  return VERSION_SHARINGS.filter((s) => {
    if (s === current) return true;
    if (s === 'system') return isAdmin(principal);
    if (s === 'hierarchy' || s === 'tree') return allowedTo(state, principal, root, 'manage_versions');
    return true;
  });
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})( 00:00:00)?$/;

/** A `YYYY-MM-DD` date that exists, or undefined. */
function parseDate(value: string): string | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Changes to a version's stored fields. */
export type VersionChanges = Partial<Omit<VersionRecord, 'id' | 'project_id' | 'created_on' | 'updated_on'>>;

/**
 * Validates version attributes for a create (`existing` undefined) or an update, with Redmine's messages in its
 * order (name blank, taken in the project, too long; description and wiki page too long; due date; status). A
 * sharing the caller may not choose is ignored, as Redmine's `safe_attributes` do; the last of `due_date` and
 * `effective_date` wins. Throws 422 with every message; returns the changes otherwise.
 * @see redmine app/models/version.rb
 */
export function validateVersionAttributes(
  state: RedmineFamilyState,
  principal: RedminePrincipal,
  project: Project,
  attrs: VersionAttributes,
  existing: Version | undefined,
): VersionChanges {
  const changes: VersionChanges = {};
  const errors = new ValidationErrors();
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

  if (has(attrs, 'name')) changes.name = text(attrs.name) ?? '';
  const name = changes.name ?? existing?.name ?? '';
  if (name.trim() === '') errors.add(messages.blank('Name'));
  else if (
    state.versions.find((v) => v.project_id === project.id && v.name === name && v.id !== existing?.id) !== undefined
  ) {
    errors.add(messages.taken('Name'));
  }
  if (name.length > 60) errors.add(messages.tooLong('Name', 60));

  if (has(attrs, 'description')) changes.description = text(attrs.description);
  if ((changes.description ?? '').length > 255) errors.add(messages.tooLong('Description', 255));
  if (has(attrs, 'wiki_page_title')) changes.wiki_page_title = text(attrs.wiki_page_title);
  if ((changes.wiki_page_title ?? '').length > 255) errors.add(messages.tooLong('Wiki page', 255));

  const dateKey = Object.keys(attrs)
    .filter((k) => k === 'due_date' || k === 'effective_date')
    .at(-1) as 'due_date' | 'effective_date' | undefined;
  if (dateKey) {
    const raw = text(attrs[dateKey]) ?? '';
    if (raw.trim() === '') changes.due_date = null;
    else {
      const date = parseDate(raw);
      if (date === undefined) errors.add(messages.notADate('Due date'));
      else changes.due_date = date;
    }
  }

  if (has(attrs, 'status')) {
    const status = text(attrs.status) ?? '';
    if ((VERSION_STATUSES as readonly string[]).includes(status)) changes.status = status as VersionStatus;
    else errors.add(messages.inclusion('Status'));
  }

  if (has(attrs, 'sharing')) {
    const sharing = text(attrs.sharing) ?? '';
    const allowed: readonly string[] = allowedSharings(state, principal, project, existing?.sharing);
    if (allowed.includes(sharing)) changes.sharing = sharing as VersionSharing;
  }

  errors.throwIfAny();
  return changes;
}

/** Stores a new version of `project` with Redmine's defaults (open, not shared, empty description). */
export function insertVersion(state: RedmineFamilyState, project: Project, changes: VersionChanges): Version {
  const now = nowTimestamp();
  return state.versions.insert({
    project_id: project.id,
    name: '',
    description: '',
    status: 'open',
    due_date: null,
    sharing: 'none',
    wiki_page_title: null,
    ...changes,
    created_on: now,
    updated_on: now,
  });
}

/** Applies validated changes; `updated_on` moves only when something changed. */
export function updateVersionRecord(state: RedmineFamilyState, version: Version, changes: VersionChanges): Version {
  const changed = (Object.keys(changes) as (keyof VersionChanges)[]).some((k) => changes[k] !== version[k]);
  return state.versions.update(version.id, changed ? { ...changes, updated_on: nowTimestamp() } : changes);
}
