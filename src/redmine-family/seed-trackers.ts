import type { FamilyCollections } from './collections.js';

/**
 * The standard issue fields a tracker may show or hide, in Redmine's order (`Tracker::CORE_FIELDS`); a tracker
 * shows all of them unless told otherwise.
 * @see redmine app/models/tracker.rb CORE_FIELDS
 */
export const TRACKER_STANDARD_FIELDS: readonly string[] = [
  'assigned_to_id',
  'category_id',
  'fixed_version_id',
  'parent_issue_id',
  'start_date',
  'due_date',
  'estimated_hours',
  'done_ratio',
  'description',
];

/**
 * Redmine's default trackers, issue statuses, document categories and time entry activities (`redmine:load_default_data`,
 * English), with the ids a fresh Redmine 5.0 gives them: statuses 1–6, trackers 1–3 starting as New, and the
 * enumerations sharing one id sequence (priorities 1–5, document categories 6–7, activities 8–9).
 * @see redmine lib/redmine/default_data/loader.rb
 */
export function seedTrackersAndEnumerations(state: FamilyCollections): void {
  const statuses: [string, boolean][] = [
    ['New', false],
    ['In Progress', false],
    ['Resolved', false],
    ['Feedback', false],
    ['Closed', true],
    ['Rejected', true],
  ];
  for (const [name, closed] of statuses) state.issueStatuses.insert({ name, is_closed: closed });
  for (const name of ['Bug', 'Feature', 'Support']) {
    state.trackers.insert({
      name,
      default_status_id: 1,
      description: null,
      enabled_standard_fields: [...TRACKER_STANDARD_FIELDS],
    });
  }
  const categories = ['User documentation', 'Technical documentation'];
  categories.forEach((name, i) => {
    state.documentCategories.insert({ id: 6 + i, name, is_default: false, active: true });
  });
  ['Design', 'Development'].forEach((name, i) => {
    state.activities.insert({ id: 8 + i, name, is_default: false, active: true });
  });
}
