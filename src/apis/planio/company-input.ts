import type { components } from '../../generated/planio.js';
import {
  applyCustomFieldInput,
  canSeeProject,
  has,
  isAdmin,
  messages,
  type RedminePrincipal,
  readCustomFieldInput,
  ValidationErrors,
} from '../../redmine-family/index.js';
import type { LooseBody } from '../../server/typed-handlers.js';
import { type Company, canManageIn } from './access.js';
import { readVisibleCustomFields } from './custom-input.js';
import { blank, readMails, readPhones, readString, STRING_MAX } from './input-lists.js';
import { COMPANY_FIELD_TYPE, type CompanyRecord, type Country } from './records.js';
import type { PlanioState } from './state.js';

/** Company attributes a create or update sets, after validation. */
export type CompanyChanges = Partial<Omit<CompanyRecord, 'id' | 'created_on' | 'updated_on'>>;

/**
 * The attributes of a company create or update body as the handler gets them: any of them may be missing, and
 * `project_ids` may hold digit strings, which `planioInvalidBody` lets through for the handler to cast.
 */
export type CompanyAttributes = Omit<LooseBody<components['schemas']['CompanyInput']>, 'project_ids'> & {
  project_ids?: unknown;
};

const ADDRESS_FIELDS = [
  ['address1', 'Address1'],
  ['address2', 'Address2'],
  ['zip', 'Zip'],
  ['town', 'Town'],
  ['state', 'State'],
] as const;

/**
 * Validates the attributes of a company create (`existing` undefined) or update. Attributes left out keep their
 * value on update; `mails`, `phones` and `project_ids` replace the stored lists. Problems are reported in this order,
 * all at once: `Name cannot be blank`, lengths, `Country is not included in the list`, `Mails is invalid`,
 * `Phones is invalid`, `Issue priority is invalid`, `Project is invalid`, then custom field messages. Throws a
 * VALIDATION ApiError; returns the changes otherwise.
 */
export function validateCompany(
  state: PlanioState,
  principal: RedminePrincipal,
  attrs: CompanyAttributes,
  existing: Company | undefined,
): CompanyChanges {
  const errors = new ValidationErrors();
  const changes: CompanyChanges = {};
  if (has(attrs, 'name') || !existing) {
    if (blank(attrs.name)) errors.add(messages.blank('Name'));
    else if (String(attrs.name).length > STRING_MAX) errors.add(messages.tooLong('Name', STRING_MAX));
    changes.name = blank(attrs.name) ? '' : String(attrs.name);
  }
  for (const [key, label] of ADDRESS_FIELDS) {
    if (has(attrs, key)) changes[key] = readString(attrs[key], label, errors);
  }
  if (has(attrs, 'country')) changes.country = readCountry(state, attrs.country, errors);
  if (has(attrs, 'mails')) changes.mails = readMails(attrs.mails, errors);
  if (has(attrs, 'phones')) changes.phones = readPhones(attrs.phones, errors);
  if (has(attrs, 'issue_priority_id')) changes.issue_priority_id = readPriority(state, attrs.issue_priority_id, errors);
  if (has(attrs, 'project_ids')) {
    changes.project_ids = readProjects(state, principal, attrs.project_ids, existing, errors);
  }
  const input = readVisibleCustomFields(state, principal, COMPANY_FIELD_TYPE, readCustomFieldInput(attrs));
  changes.custom_values = applyCustomFieldInput(state, COMPANY_FIELD_TYPE, existing?.custom_values, input, errors);
  errors.throwIfAny();
  return changes;
}

function readCountry(state: PlanioState, raw: unknown, errors: ValidationErrors): Country | null {
  if (blank(raw)) return null;
  const name = String(raw);
  if (state.isCountry(name)) return name;
  errors.add(messages.inclusion('Country'));
  return null;
}

function readPriority(state: PlanioState, raw: unknown, errors: ValidationErrors): number | null {
  if (blank(raw)) return null;
  const id = Number(raw);
  const priority = Number.isInteger(id) ? state.priorities.get(id) : undefined;
  if (!priority?.active) errors.add(messages.invalid('Issue priority'));
  return priority ? priority.id : null;
}

/**
 * The new project list: every id must be a project the caller may link companies to (administrators: any project
 * that is not archived; others: active projects they are a member of), except ids the company already has, which
 * may stay. Links to projects the caller cannot see are kept on update, since the caller cannot know about them.
 */
function readProjects(
  state: PlanioState,
  principal: RedminePrincipal,
  raw: unknown,
  existing: Company | undefined,
  errors: ValidationErrors,
): number[] {
  const list = raw === null || raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const current = existing?.project_ids ?? [];
  const out: number[] = [];
  for (const item of list) {
    if (blank(item)) continue;
    const id =
      typeof item === 'number' ? item : typeof item === 'string' && /^\s*\d+\s*$/.test(item) ? Number(item) : NaN;
    const project = Number.isInteger(id) ? state.projects.get(id) : undefined;
    const usable = !!project && (current.includes(project.id) || canManageIn(state, principal, project));
    if (!usable || !project) errors.add(messages.invalid('Project'));
    else if (!out.includes(project.id)) out.push(project.id);
  }
  if (!isAdmin(principal)) {
    for (const id of current) {
      const project = state.projects.get(id);
      if (project && !canSeeProject(state, principal, project) && !out.includes(id)) out.push(id);
    }
  }
  return out;
}
