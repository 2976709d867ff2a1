import type { components } from '../generated/redmine.js';
import type { DeepReadonly } from '../store/freeze.js';
import type { Project } from './access.js';
import { has, type ResourceAttributes } from './input.js';
import { messages, ValidationErrors } from './messages.js';
import type { IssueCategoryRecord } from './records.js';
import type { RedmineFamilyState } from './state.js';
import { userName } from './user-view.js';

/** A stored issue category as handlers see it. */
export type IssueCategory = DeepReadonly<IssueCategoryRecord>;

/** An issue category as the API renders it. */
export type IssueCategoryView = components['schemas']['IssueCategory'];

/** The attributes of an issue category create or update request body. */
export type IssueCategoryAttributes = ResourceAttributes<
  components['schemas']['IssueCategoryRequest'],
  'issue_category'
>;

/**
 * An issue category: id, project, name, and `assigned_to` when it names an existing user.
 * @see redmine app/views/issue_categories/show.api.rsb
 */
export function renderIssueCategory(state: RedmineFamilyState, category: IssueCategory): IssueCategoryView {
  const project = state.projects.get(category.project_id);
  const assignee = category.assigned_to_id ? state.users.get(category.assigned_to_id) : undefined;
  return {
    id: category.id,
    project: { id: category.project_id, name: project?.name ?? '' },
    name: category.name,
    ...(assignee ? { assigned_to: { id: assignee.id, name: userName(assignee) } } : {}),
  };
}

/** A project's issue categories sorted by name (then id), as Redmine's association orders them. */
export function projectCategories(state: RedmineFamilyState, project: Project): IssueCategory[] {
  return state.issueCategories
    .all((c) => c.project_id === project.id)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
}

/** Changes to an issue category's stored fields. */
export type IssueCategoryChanges = Partial<Pick<IssueCategoryRecord, 'name' | 'assigned_to_id'>>;

/**
 * Validates issue category attributes for a create (`existing` undefined) or an update: name blank, taken in the
 * project, too long (60). Redmine 5.0 stores any `assigned_to_id` that casts to an integer (an unknown one renders
 * no assignee) and clears it on anything else. Throws 422 with every message; returns the changes otherwise.
 * @see redmine app/models/issue_category.rb
 */
export function validateIssueCategoryAttributes(
  state: RedmineFamilyState,
  project: Project,
  attrs: IssueCategoryAttributes,
  existing: IssueCategory | undefined,
): IssueCategoryChanges {
  const changes: IssueCategoryChanges = {};
  const errors = new ValidationErrors();
  if (has(attrs, 'name')) changes.name = attrs.name === null || attrs.name === undefined ? '' : String(attrs.name);
  const name = changes.name ?? existing?.name ?? '';
  if (name.trim() === '') errors.add(messages.blank('Name'));
  else if (
    state.issueCategories.find((c) => c.project_id === project.id && c.name === name && c.id !== existing?.id) !==
    undefined
  ) {
    errors.add(messages.taken('Name'));
  }
  if (name.length > 60) errors.add(messages.tooLong('Name', 60));
  if (has(attrs, 'assigned_to_id')) {
    const raw = String(attrs.assigned_to_id ?? '').trim();
    changes.assigned_to_id = /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
  }
  errors.throwIfAny();
  return changes;
}
