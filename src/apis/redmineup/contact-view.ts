import { type RedminePrincipal, renderCustomValues } from '../../redmine-family/index.js';
import { type Contact, canSeeContact, mayOnDeal } from './access.js';
import { renderAddress } from './address.js';
import { renderDealSummary } from './deal-view.js';
import { renderNoteSummary } from './note-view.js';
import { crmAllowedTo } from './permissions.js';
import { contactName, newestFirst, projectRef, type Ref, splitList, userRef } from './refs.js';
import type { RedmineUpState } from './state.js';

/** Custom fields of contacts are `contact` custom fields. */
export const CONTACT_CUSTOM_FIELD_TYPE = 'contact';

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
): Record<string, unknown> {
  const out: Record<string, unknown> = { id: contact.id };
  if (contact.avatar_attachment_id !== null) out.avatar = { attachment_id: contact.avatar_attachment_id };
  Object.assign(out, {
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
  });
  const author = userRef(state, contact.author_id);
  if (author) out.author = author;
  const assignee = userRef(state, contact.assigned_to_id);
  if (assignee) out.assigned_to = assignee;
  out.address = renderAddress(contact.address);
  const phones = splitList(contact.phone);
  if (phones.length > 0) out.phones = phones.map((number) => ({ number }));
  const emails = splitList(contact.email);
  if (emails.length > 0) out.emails = emails.map((address) => ({ address }));
  out.tag_list = [...contact.tags];
  const customFields = renderCustomValues(state, CONTACT_CUSTOM_FIELD_TYPE, contact.custom_values, principal);
  if (customFields) out.custom_fields = customFields;
  out.created_on = contact.created_on;
  out.updated_on = contact.updated_on;
  if (single) addSingleViewParts(state, principal, contact, single.include, out);
  return out;
}

function addSingleViewParts(
  state: RedmineUpState,
  principal: RedminePrincipal,
  contact: Contact,
  include: ReadonlySet<string>,
  out: Record<string, unknown>,
): void {
  const projects = contact.project_ids.map((id) => projectRef(state, id)).filter((r): r is Ref => !!r);
  if (projects.length > 0) out.projects = projects;
  const section = (key: string, items: unknown[]) => {
    if (items.length > 0) out[key] = items;
  };
  if (include.has('notes')) {
    const notes = state.notes.all((n) => n.source_type === 'Contact' && n.source_id === contact.id);
    section(
      'notes',
      notes.sort(newestFirst).map((n) => renderNoteSummary(state, n)),
    );
  }
  if (include.has('contacts') && contact.is_company) {
    const people = state.contacts.all(
      (c) => !c.is_company && c.company === contact.first_name && canSeeContact(state, principal, c),
    );
    section(
      'contacts',
      people.map((c) => ({ id: c.id, name: contactName(c) })).sort((a, b) => a.name.localeCompare(b.name)),
    );
  }
  if (include.has('deals')) {
    const deals = state.deals.all(
      (d) =>
        (d.contact_id === contact.id || d.related_contact_ids.includes(contact.id)) &&
        mayOnDeal(state, principal, d, 'view_deals'),
    );
    section(
      'deals',
      deals.sort(newestFirst).map((d) => renderDealSummary(state, d)),
    );
  }
  if (include.has('issues') || include.has('tickets')) {
    const issues = state.issues.all((i) => {
      const project = state.projects.get(i.project_id);
      return i.contact_ids.includes(contact.id) && !!project && crmAllowedTo(state, principal, project, 'view_issues');
    });
    section(
      'issues',
      issues.map((i) => ({
        id: i.id,
        subject: i.subject,
        status: { ...i.status },
        due_date: i.due_date,
        created_on: i.created_on,
        updated_on: i.updated_on,
      })),
    );
  }
}
