import type { components } from '../generated/redmine.js';
import type { LooseBody } from '../server/typed-handlers.js';
import { allowedTo, type Project } from './access.js';
import { applyCustomFieldInput, readCustomFieldInput } from './custom-field-values.js';
import { has } from './input.js';
import { messages, ValidationErrors } from './messages.js';
import type { RedminePrincipal } from './principal.js';
import type { ProjectRecord } from './records.js';
import { DEFAULT_MODULES } from './seed-data.js';
import type { RedmineFamilyState } from './state.js';

/** Project attributes a create or update may change, after validation. */
export type ProjectChanges = Partial<Omit<ProjectRecord, 'id' | 'created_on' | 'updated_on'>> & {
  enabled_module_names?: string[];
};

/** The attributes of a project create or update body as the handler gets them (any of them may be missing). */
export type ProjectAttributes = LooseBody<components['schemas']['ProjectInput']>;

const IDENTIFIER_MAX = 100;
/**
 * The description is a text column, which Redmine does not validate; the mock bounds it at 65,535 characters, the
 * size of MySQL's `TEXT`, where such a database would refuse the value.
 */
const DESCRIPTION_MAX = 65_535;
const IDENTIFIER_FORMAT = /^(?!\d+$)[a-z0-9\-_]*$/;
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
/** A reference sent as null or "" (a form's empty field): it unsets the association. */
const unset = (v: unknown) => v === null || v === '';

/**
 * Validates the attributes of a project create (`existing` undefined) or update, with Redmine's rules and messages
 * in Redmine's order: custom fields, presence of name and identifier, identifier uniqueness, lengths, identifier
 * format and the reserved `new`, then the parent. The identifier is fixed once created (ignored on update).
 * Throws a VALIDATION ApiError listing every problem; returns the changes otherwise.
 * @see redmine app/models/project.rb validations, safe_attributes
 */
export function validateProjectAttributes(
  state: RedmineFamilyState,
  principal: RedminePrincipal,
  attrs: ProjectAttributes,
  existing: Project | undefined,
): ProjectChanges {
  const errors = new ValidationErrors();
  const changes: ProjectChanges = {};
  changes.custom_values = applyCustomFieldInput(
    state,
    'project',
    existing?.custom_values,
    readCustomFieldInput(attrs),
    errors,
  );
  const creating = existing === undefined;
  const name = has(attrs, 'name') || creating ? attrs.name : existing.name;
  const identifier = creating ? attrs.identifier : existing.identifier;
  if (blank(name)) errors.add(messages.blank('Name'));
  if (blank(identifier)) errors.add(messages.blank('Identifier'));
  const id = typeof identifier === 'string' ? identifier : '';
  if (creating && id !== '' && state.projects.find((p) => p.identifier === id))
    errors.add(messages.taken('Identifier'));
  if (typeof name === 'string' && name.length > 255) errors.add(messages.tooLong('Name', 255));
  if (typeof attrs.homepage === 'string' && attrs.homepage.length > 255) errors.add(messages.tooLong('Homepage', 255));
  if (typeof attrs.description === 'string' && attrs.description.length > DESCRIPTION_MAX) {
    errors.add(messages.tooLong('Description', DESCRIPTION_MAX));
  }
  if (creating && id.length > IDENTIFIER_MAX) errors.add(messages.tooLong('Identifier', IDENTIFIER_MAX));
  if (creating && !IDENTIFIER_FORMAT.test(id)) errors.add(messages.invalid('Identifier'));
  if (creating && id === 'new') errors.add(messages.reserved('Identifier'));
  if (has(attrs, 'parent_id')) changes.parent_id = checkParent(state, principal, attrs.parent_id, existing, errors);
  if (has(attrs, 'default_assigned_to_id')) {
    changes.default_assigned_to_id = checkAssignee(state, attrs.default_assigned_to_id, existing, errors);
  }
  if (has(attrs, 'default_version_id') && !unset(attrs.default_version_id)) {
    errors.add(messages.invalid('Default version'));
  }
  errors.throwIfAny();
  if (typeof name === 'string') changes.name = name;
  if (creating) changes.identifier = id;
  if (has(attrs, 'description')) changes.description = attrs.description ?? null;
  if (has(attrs, 'homepage')) changes.homepage = attrs.homepage ?? '';
  if (typeof attrs.is_public === 'boolean') changes.is_public = attrs.is_public;
  if (typeof attrs.inherit_members === 'boolean') changes.inherit_members = attrs.inherit_members;
  if (Array.isArray(attrs.tracker_ids))
    changes.tracker_ids = knownIds(attrs.tracker_ids, (i) => !!state.trackers.get(i));
  if (Array.isArray(attrs.issue_custom_field_ids)) {
    changes.issue_custom_field_ids = knownIds(
      attrs.issue_custom_field_ids,
      (i) => state.customFields.get(i)?.customized_type === 'issue',
    );
  }
  if (Array.isArray(attrs.enabled_module_names)) {
    const names = attrs.enabled_module_names.map(String);
    changes.enabled_module_names = DEFAULT_MODULES.filter((m) => names.includes(m));
  }
  return changes;
}

function checkParent(
  state: RedmineFamilyState,
  principal: RedminePrincipal,
  raw: unknown,
  existing: Project | undefined,
  errors: ValidationErrors,
): number | null {
  if (unset(raw)) return null;
  const parent = state.projects.get(Number(raw));
  const invalid = () => {
    errors.add(messages.invalid('Subproject of'));
    return null;
  };
  if (!parent || !allowedTo(state, principal, parent, 'add_subprojects')) return invalid();
  if (existing) {
    for (
      let p: Project | undefined = parent;
      p;
      p = p.parent_id === null ? undefined : state.projects.get(p.parent_id)
    ) {
      if (p.id === existing.id) return invalid();
    }
  }
  return parent.id;
}

function checkAssignee(
  state: RedmineFamilyState,
  raw: unknown,
  existing: Project | undefined,
  errors: ValidationErrors,
): number | null {
  if (unset(raw)) return null;
  const id = Number(raw);
  if (existing && state.memberships.find((m) => m.project_id === existing.id && m.user_id === id)) return id;
  errors.add(messages.invalid('Default assignee'));
  return null;
}

function knownIds(list: unknown[], known: (id: number) => boolean): number[] {
  return [...new Set(list.map(Number))].filter((id) => Number.isInteger(id) && known(id));
}
