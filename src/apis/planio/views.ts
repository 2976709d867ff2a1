import type { components } from '../../generated/planio.js';
import { canSeeProject, type RedminePrincipal, renderCustomValues } from '../../redmine-family/index.js';
import type { Company, Contact } from './access.js';
import { COMPANY_FIELD_TYPE, CONTACT_FIELD_TYPE } from './records.js';
import type { PlanioState } from './state.js';

/** A company as the API renders it. */
export type CompanyView = components['schemas']['Company'];

/** A company contact as the API renders it. */
export type ContactView = components['schemas']['Contact'];

/**
 * A company as the API renders it, in list and single views alike: id, name, address fields, country, mails,
 * phones, `issue_priority` (only when set), the associated projects the caller can see, `custom_fields` (only when
 * company custom fields exist; fields hidden from the caller left out), created_on, updated_on.
 */
export function renderCompany(state: PlanioState, principal: RedminePrincipal, company: Company): CompanyView {
  const priorityRecord =
    company.issue_priority_id === null ? undefined : state.priorities.get(company.issue_priority_id);
  const priority: Pick<CompanyView, 'issue_priority'> = priorityRecord
    ? { issue_priority: { id: priorityRecord.id, name: priorityRecord.name } }
    : {};
  const customFields = renderCustomValues(state, COMPANY_FIELD_TYPE, company.custom_values, principal);
  const custom: Pick<CompanyView, 'custom_fields'> = customFields ? { custom_fields: customFields } : {};
  return {
    id: company.id,
    name: company.name,
    address1: company.address1,
    address2: company.address2,
    zip: company.zip,
    town: company.town,
    state: company.state,
    country: company.country,
    mails: [...company.mails],
    phones: company.phones.map((p) => ({ kind: p.kind, value: p.value })),
    ...priority,
    projects: company.project_ids.flatMap((id) => {
      const project = state.projects.get(id);
      return project && canSeeProject(state, principal, project) ? [{ id: project.id, name: project.name }] : [];
    }),
    ...custom,
    created_on: company.created_on,
    updated_on: company.updated_on,
  };
}

/**
 * A contact as the API renders it: id, firstname, lastname, gender, mails, phones, the company as `{id, name}`,
 * `custom_fields` (only when contact custom fields exist), created_on, updated_on.
 */
export function renderContact(
  state: PlanioState,
  principal: RedminePrincipal,
  contact: Contact,
  company: Company,
): ContactView {
  const customFields = renderCustomValues(state, CONTACT_FIELD_TYPE, contact.custom_values, principal);
  const custom: Pick<ContactView, 'custom_fields'> = customFields ? { custom_fields: customFields } : {};
  return {
    id: contact.id,
    firstname: contact.firstname,
    lastname: contact.lastname,
    gender: contact.gender,
    mails: [...contact.mails],
    phones: contact.phones.map((p) => ({ kind: p.kind, value: p.value })),
    company: { id: company.id, name: company.name },
    ...custom,
    created_on: contact.created_on,
    updated_on: contact.updated_on,
  };
}

/** Companies in Planio's list order: by name (case and accents ignored), then by id. */
export function byName(a: Company, b: Company): number {
  return a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id - b.id;
}
