import type { FamilyCollections } from './collections.js';
import { CUSTOM_FIELD_DEFAULTS } from './records.js';
import { seedTrackersAndEnumerations } from './seed-trackers.js';

/** Redmine's default reference data (`redmine:load_default_data`, English): roles, trackers, priorities, … */
export function seedReferenceData(state: FamilyCollections): void {
  const view = ['view_project', 'view_issues', 'view_files', 'view_time_entries'];
  state.roles.insert({ id: 1, name: 'Non member', builtin: 1, permissions: view });
  state.roles.insert({ id: 2, name: 'Anonymous', builtin: 2, permissions: view });
  state.roles.insert({
    id: 3,
    name: 'Manager',
    builtin: 0,
    permissions: [
      ...view,
      'edit_project',
      'add_subprojects',
      'manage_members',
      'select_project_modules',
      'manage_versions',
      'manage_categories',
    ],
  });
  state.roles.insert({
    id: 4,
    name: 'Developer',
    builtin: 0,
    permissions: [...view, 'add_issues', 'edit_issues', 'manage_versions', 'manage_categories'],
  });
  state.roles.insert({ id: 5, name: 'Reporter', builtin: 0, permissions: [...view, 'add_issues'] });

  for (const name of ['Low', 'Normal', 'High', 'Urgent', 'Immediate']) {
    state.priorities.insert({ name, is_default: name === 'Normal', active: true });
  }
  seedTrackersAndEnumerations(state);

  state.customFields.insert({
    ...CUSTOM_FIELD_DEFAULTS,
    name: 'Cost center',
    customized_type: 'project',
    field_format: 'string',
    default_value: '',
  });
  state.customFields.insert({
    ...CUSTOM_FIELD_DEFAULTS,
    name: 'Region',
    customized_type: 'project',
    field_format: 'list',
    default_value: null,
    is_filter: true,
    possible_values: ['EMEA', 'Americas', 'APAC'],
  });
  state.customFields.insert({
    ...CUSTOM_FIELD_DEFAULTS,
    name: 'Severity',
    customized_type: 'issue',
    field_format: 'list',
    default_value: null,
    possible_values: ['minor', 'major', 'critical'],
    is_for_all: true,
    tracker_ids: [1, 2, 3],
  });
}
