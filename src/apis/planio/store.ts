import { nowTimestamp } from '../../redmine-family/index.js';
import type { Company, Contact } from './access.js';
import type { CompanyChanges } from './company-input.js';
import type { ContactChanges } from './contact-input.js';
import type { PlanioState } from './state.js';

/** Stores a new company from validated changes; unset attributes are null or empty lists. */
export function insertCompany(state: PlanioState, changes: CompanyChanges): Company {
  const now = nowTimestamp();
  return state.companies.insert({
    name: '',
    address1: null,
    address2: null,
    zip: null,
    town: null,
    state: null,
    country: null,
    mails: [],
    phones: [],
    issue_priority_id: null,
    project_ids: [],
    custom_values: {},
    ...changes,
    created_on: now,
    updated_on: now,
  });
}

/** Applies validated changes to a company; `updated_on` moves only when something changed. */
export function updateCompanyRecord(state: PlanioState, company: Company, changes: CompanyChanges): Company {
  const patch = changed(company, changes) ? { ...changes, updated_on: nowTimestamp() } : changes;
  return state.companies.update(company.id, patch);
}

/** Deletes a company together with its contacts, atomically. */
export function deleteCompanyRecord(state: PlanioState, company: Company): void {
  state.transaction(() => {
    for (const contact of state.contacts.all((c) => c.company_id === company.id)) state.contacts.remove(contact.id);
    state.companies.remove(company.id);
  });
}

/** Stores a new contact of a company from validated changes. */
export function insertContact(state: PlanioState, company: Company, changes: ContactChanges): Contact {
  const now = nowTimestamp();
  return state.contacts.insert({
    firstname: '',
    lastname: null,
    gender: null,
    mails: [],
    phones: [],
    custom_values: {},
    ...changes,
    company_id: company.id,
    created_on: now,
    updated_on: now,
  });
}

/** Applies validated changes to a contact; `updated_on` moves only when something changed. */
export function updateContactRecord(state: PlanioState, contact: Contact, changes: ContactChanges): Contact {
  const patch = changed(contact, changes) ? { ...changes, updated_on: nowTimestamp() } : changes;
  return state.contacts.update(contact.id, patch);
}

function changed(record: object, changes: object): boolean {
  const current = record as Record<string, unknown>;
  return Object.entries(changes).some(([key, value]) => JSON.stringify(current[key]) !== JSON.stringify(value));
}
