import type { components } from '../generated/redmine.js';
import { type Project, rolesOn } from './access.js';
import { renderCustomValues } from './custom-fields.js';
import type { RedminePrincipal } from './principal.js';
import type { RedmineFamilyState } from './state.js';

/** Associations `include` can add to a project. */
export const PROJECT_INCLUDES = [
  'trackers',
  'issue_categories',
  'enabled_modules',
  'time_entry_activities',
  'issue_custom_fields',
] as const;
export type ProjectInclude = (typeof PROJECT_INCLUDES)[number];

/** How to render a project: the single view (`show`) has `homepage` and default version/assignee, a list item not. */
export interface ProjectViewOptions {
  single: boolean;
  include: ReadonlySet<string>;
}

/** A project as the single view renders it. */
export type ProjectView = components['schemas']['Project'];

/** A project as a list renders it. */
export type ProjectListItemView = components['schemas']['ProjectListItem'];

/** The associations `include` adds, under their names (each one a key of the rendered project). */
type IncludedAssociations = Partial<Pick<ProjectListItemView, ProjectInclude> & Pick<ProjectView, ProjectInclude>>;

/**
 * A project in Redmine's field order: id, name, identifier, description, homepage (single only), parent, status,
 * is_public, inherit_members, default_assignee (single only), custom_fields (when project custom fields exist),
 * the included associations, created_on, updated_on. A parent the caller cannot see is left out.
 * @see redmine app/views/projects/show.api.rsb, index.api.rsb
 */
export function renderProject(
  state: RedmineFamilyState,
  principal: RedminePrincipal,
  project: Project,
  options: ProjectViewOptions & { single: true },
  canSee: (p: Project) => boolean,
): ProjectView;
export function renderProject(
  state: RedmineFamilyState,
  principal: RedminePrincipal,
  project: Project,
  options: ProjectViewOptions & { single: false },
  canSee: (p: Project) => boolean,
): ProjectListItemView;
export function renderProject(
  state: RedmineFamilyState,
  principal: RedminePrincipal,
  project: Project,
  options: ProjectViewOptions,
  canSee: (p: Project) => boolean,
): ProjectView | ProjectListItemView {
  const parentRecord = project.parent_id === null ? undefined : state.projects.get(project.parent_id);
  const parent: Pick<ProjectListItemView, 'parent'> =
    parentRecord && canSee(parentRecord) ? { parent: { id: parentRecord.id, name: parentRecord.name } } : {};
  const customFields = renderCustomValues(state, 'project', project.custom_values, principal);
  const custom: Pick<ProjectListItemView, 'custom_fields'> = customFields ? { custom_fields: customFields } : {};
  const included: IncludedAssociations = {};
  for (const name of PROJECT_INCLUDES) {
    if (options.include.has(name)) included[name] = includeOf(state, principal, project, name);
  }
  if (!options.single) {
    const item: ProjectListItemView = {
      id: project.id,
      name: project.name,
      identifier: project.identifier,
      description: project.description,
      ...parent,
      status: project.status,
      is_public: project.is_public,
      inherit_members: project.inherit_members,
      ...custom,
      ...included,
      created_on: project.created_on,
      updated_on: project.updated_on,
    };
    return item;
  }
  const user = project.default_assigned_to_id === null ? undefined : state.users.get(project.default_assigned_to_id);
  const assignee: Pick<ProjectView, 'default_assignee'> = user
    ? { default_assignee: { id: user.id, name: `${user.firstname} ${user.lastname}` } }
    : {};
  const single: ProjectView = {
    id: project.id,
    name: project.name,
    identifier: project.identifier,
    description: project.description,
    homepage: project.homepage,
    ...parent,
    status: project.status,
    is_public: project.is_public,
    inherit_members: project.inherit_members,
    ...assignee,
    ...custom,
    ...included,
    created_on: project.created_on,
    updated_on: project.updated_on,
  };
  return single;
}

function includeOf(
  state: RedmineFamilyState,
  principal: RedminePrincipal,
  project: Project,
  name: ProjectInclude,
): { id: number; name: string }[] {
  const ref = (r: { id: number; name: string }) => ({ id: r.id, name: r.name });
  switch (name) {
    case 'trackers':
      return project.tracker_ids.flatMap((id) => state.trackers.get(id) ?? []).map(ref);
    case 'issue_categories':
      return state.issueCategories.all((c) => c.project_id === project.id).map(ref);
    case 'enabled_modules':
      return state.enabledModules.all((m) => m.project_id === project.id).map(ref);
    case 'time_entry_activities':
      return state.activities.all((a) => a.active).map(ref);
    case 'issue_custom_fields':
      return state.customFields
        .all((f) => f.customized_type === 'issue' && (f.is_for_all || project.issue_custom_field_ids.includes(f.id)))
        .filter((f) => f.visible || principal.user?.admin || rolesOn(state, principal, project).length > 0)
        .map(ref);
  }
}

/**
 * Projects in Redmine's nested-set order: root projects by name (case-insensitive), each followed by its
 * subprojects in the same order.
 */
export function treeOrder<T extends { id: number; name: string; parent_id: number | null }>(
  projects: readonly T[],
): T[] {
  const byParent = new Map<number | null, T[]>();
  const ids = new Set(projects.map((p) => p.id));
  for (const p of projects) {
    const parent = p.parent_id !== null && ids.has(p.parent_id) ? p.parent_id : null;
    const siblings = byParent.get(parent) ?? [];
    siblings.push(p);
    byParent.set(parent, siblings);
  }
  const out: T[] = [];
  const visit = (parent: number | null) => {
    const children = (byParent.get(parent) ?? []).sort((a, b) => compareNames(a.name, b.name));
    for (const child of children) {
      out.push(child);
      visit(child.id);
    }
  };
  visit(null);
  return out;
}

function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The `include` parameter as a set: comma-separated or repeated, unknown names ignored as Redmine does. */
export function parseInclude(raw: string | string[] | undefined): Set<string> {
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) => v.split(','));
  return new Set(list.map((v) => v.trim()).filter((v) => (PROJECT_INCLUDES as readonly string[]).includes(v)));
}
