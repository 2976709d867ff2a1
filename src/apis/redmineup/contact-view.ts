import { type RedminePrincipal, renderCustomValues } from '../../redmine-family/index.js';
import { canSeeContact, mayOnDeal } from './access.js';
import { renderAddress } from './address.js';
import { renderDealSummary } from './deal-view.js';
import { renderNoteSummary } from './note-view.js';
import { crmAllowedTo } from './permissions.js';
import { CONTACT_CUSTOM_FIELD_TYPE, type Contact } from './records.js';
import { contactName, newestFirst, projectRef, type Ref, splitList, userRef } from './refs.js';
import { type ContactIssue, type ContactJson, type IdName, withoutUndefined } from './schemas.js';
import type { RedmineUpState } from './state.js';

/** Associations `include` can add to a contact (`tickets` is RedmineUP's name for `issues`). */
const INCLUDES = ['notes', 'contacts', 'deals', 'issues', 'tickets'] as const;

/** The `include` parameter as a set of known names (comma-separated or repeated; unknown names ignored). */
export function parseContactInclude(raw: string | string[] | undefined): Set<string> {
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) => v.split(','));
  return new Set(list.map((v) => v.trim()).filter((v) => (INCLUDES as readonly string[]).includes(v)));
}

/**
 * A contact in the JSON shape of the plugin's API views (`tag_list` is an array of names; the XML form joins it,
 * see `contact-xml.ts`): id, avatar, is_company, names, company, website, skype_name, birthday, job_title,
 * background, author, assigned_to, address, phones, emails, tag_list, custom_fields, created_on, updated_on; the
 * single view adds `projects` and the requested associations that are not empty.
 * @see redmine_contacts app/views/contacts/index.api.rsb, show.api.rsb
 */
export function renderContact(
  state: RedmineUpState,
  principal: RedminePrincipal,
  contact: Contact,
  single: { include: ReadonlySet<string> } | undefined,
): ContactJson {
  const phones = splitList(contact.phone);
  const emails = splitList(contact.email);
  const out: ContactJson = {
    id: contact.id,
    avatar: contact.avatar_attachment_id === null ? undefined : { attachment_id: contact.avatar_attachment_id },
    is_company: contact.is_company,
    first_name: contact.first_name,
    last_name: contact.last_name,
    middle_name: contact.middle_name,
    company: contact.company,
    website: contact.website,
    skype_name: contact.skype_name,
    birthday: contact.birthday,
    job_title: contact.job_title,
    background: contact.background,
    author: userRef(state, contact.author_id),
    assigned_to: userRef(state, contact.assigned_to_id),
    address: renderAddress(contact.address),
    phones: phones.length > 0 ? phones.map((number) => ({ number })) : undefined,
    emails: emails.length > 0 ? emails.map((address) => ({ address })) : undefined,
    tag_list: [...contact.tags],
    custom_fields: renderCustomValues(state, CONTACT_CUSTOM_FIELD_TYPE, contact.custom_values, principal),
    created_on: contact.created_on,
    updated_on: contact.updated_on,
    ...(single ? singleViewParts(state, principal, contact, single.include) : {}),
  };
  return withoutUndefined(out);
}

/** The parts only the single view has: `projects` and the requested `include` sections that are not empty. */
type SingleViewParts = Pick<ContactJson, 'projects' | 'notes' | 'contacts' | 'deals' | 'issues'>;

function singleViewParts(
  state: RedmineUpState,
  principal: RedminePrincipal,
  contact: Contact,
  include: ReadonlySet<string>,
): SingleViewParts {
  const projects = contact.project_ids.map((id) => projectRef(state, id)).filter((r): r is Ref => !!r);
  const parts: SingleViewParts = {
    projects: nonEmpty(projects),
    notes: include.has('notes')
      ? nonEmpty(
          state.notes
            .all((n) => n.source_type === 'Contact' && n.source_id === contact.id)
            .sort(newestFirst)
            .map((n) => renderNoteSummary(state, n)),
        )
      : undefined,
    contacts: include.has('contacts') && contact.is_company ? nonEmpty(people(state, principal, contact)) : undefined,
    deals: include.has('deals')
      ? nonEmpty(
          state.deals
            .all(
              (d) =>
                (d.contact_id === contact.id || d.related_contact_ids.includes(contact.id)) &&
                mayOnDeal(state, principal, d, 'view_deals'),
            )
            .sort(newestFirst)
            .map((d) => renderDealSummary(state, d)),
        )
      : undefined,
    issues:
      include.has('issues') || include.has('tickets') ? nonEmpty(linkedIssues(state, principal, contact)) : undefined,
  };
  return withoutUndefined(parts);
}

/** The people of a company the caller can see, by name. */
function people(state: RedmineUpState, principal: RedminePrincipal, company: Contact): IdName[] {
  return state.contacts
    .all((c) => !c.is_company && c.company === company.first_name && canSeeContact(state, principal, c))
    .map((c) => ({ id: c.id, name: contactName(c) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The issues linked to the contact in projects where the caller may view issues. */
function linkedIssues(state: RedmineUpState, principal: RedminePrincipal, contact: Contact): ContactIssue[] {
  const issues = state.issues.all((i) => {
    const project = state.projects.get(i.project_id);
    return i.contact_ids.includes(contact.id) && !!project && crmAllowedTo(state, principal, project, 'view_issues');
  });
  return issues.map((i) => ({
    id: i.id,
    subject: i.subject,
    status: { ...i.status },
    due_date: i.due_date,
    created_on: i.created_on,
    updated_on: i.updated_on,
  }));
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}
