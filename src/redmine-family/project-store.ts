import type { Project } from './access.js';
import type { ProjectChanges } from './project-attributes.js';
import { DEFAULT_MODULES } from './seed-data.js';
import type { RedmineFamilyState } from './state.js';
import { nowTimestamp } from './time.js';

/** Stores a new project from validated changes, with Redmine's defaults (public, all trackers, default modules). */
export function insertProject(state: RedmineFamilyState, changes: ProjectChanges): Project {
  const { enabled_module_names: modules, ...fields } = changes;
  const now = nowTimestamp();
  return state.transaction(() => {
    const project = state.projects.insert({
      name: '',
      identifier: '',
      description: null,
      homepage: '',
      status: 1,
      is_public: true,
      inherit_members: false,
      parent_id: null,
      tracker_ids: state.trackers.all().map((t) => t.id),
      issue_custom_field_ids: [],
      default_assigned_to_id: null,
      custom_values: {},
      ...fields,
      created_on: now,
      updated_on: now,
    });
    for (const name of modules ?? DEFAULT_MODULES) state.enabledModules.insert({ project_id: project.id, name });
    return project;
  });
}

/** Applies validated changes to a project; `updated_on` moves only when something changed. */
export function updateProjectRecord(state: RedmineFamilyState, project: Project, changes: ProjectChanges): Project {
  const { enabled_module_names: modules, ...fields } = changes;
  return state.transaction(() => {
    let changed = Object.entries(fields).some(
      ([k, v]) => JSON.stringify((project as unknown as Record<string, unknown>)[k]) !== JSON.stringify(v),
    );
    if (modules) {
      const current = state.enabledModules.all((m) => m.project_id === project.id);
      for (const m of current) if (!modules.includes(m.name)) state.enabledModules.remove(m.id);
      for (const name of modules) {
        if (!current.some((m) => m.name === name)) state.enabledModules.insert({ project_id: project.id, name });
      }
      changed ||= current.length !== modules.length || current.some((m) => !modules.includes(m.name));
    }
    return state.projects.update(project.id, changed ? { ...fields, updated_on: nowTimestamp() } : fields);
  });
}

/** Deletes a project with its subprojects and everything they hold (memberships, modules, categories, versions). */
export function deleteProjectTree(state: RedmineFamilyState, project: Project): number[] {
  const ids = [project.id];
  for (let i = 0; i < ids.length; i++) {
    for (const child of state.projects.all((p) => p.parent_id === ids[i])) ids.push(child.id);
  }
  state.transaction(() => {
    for (const id of ids) {
      state.projects.remove(id);
      for (const m of state.memberships.all((x) => x.project_id === id)) state.memberships.remove(m.id);
      for (const m of state.enabledModules.all((x) => x.project_id === id)) state.enabledModules.remove(m.id);
      for (const c of state.issueCategories.all((x) => x.project_id === id)) state.issueCategories.remove(c.id);
      for (const v of state.versions.all((x) => x.project_id === id)) state.versions.remove(v.id);
    }
    state.projectsDeleted(ids);
  });
  return ids;
}
