import { denied, isAdmin, type RedminePrincipal } from '../../redmine-family/index.js';
import { ApiError } from '../../server/errors.js';
import { allowedInAny, allowedSomewhere, crmAllowedTo } from './permissions.js';
import type { Contact, Deal, Note } from './records.js';
import type { RedmineUpState } from './state.js';

/**
 * Contact visibility as the plugin's `Contact.visible_condition`: administrators see everything; a public contact
 * (1) is visible to anyone who may view contacts in some project; a project contact (0) to those who may view
 * contacts in one of its projects; a private contact (2) to its author and assignee (when they may view contacts
 * somewhere) and to those with "View private contacts" in one of its projects.
 */
export function canSeeContact(state: RedmineUpState, principal: RedminePrincipal, contact: Contact): boolean {
  if (isAdmin(principal)) return true;
  const userId = principal.user?.id;
  switch (contact.visibility) {
    case 1:
      return allowedSomewhere(state, principal, 'view_contacts');
    case 0:
      return allowedInAny(state, principal, contact.project_ids, 'view_contacts');
    default: {
      const own = userId !== undefined && (contact.author_id === userId || contact.assigned_to_id === userId);
      if (own && allowedSomewhere(state, principal, 'view_contacts')) return true;
      return allowedInAny(state, principal, contact.project_ids, 'view_private_contacts');
    }
  }
}

/** True when the caller may do `permission` (`edit_contacts`, `delete_contacts`) on a contact they can see. */
export function mayOnContact(
  state: RedmineUpState,
  principal: RedminePrincipal,
  contact: Contact,
  permission: string,
): boolean {
  return canSeeContact(state, principal, contact) && allowedInAny(state, principal, contact.project_ids, permission);
}

/** A contact by id: 404 when unknown, 401/403 when the caller cannot see it. */
export function findContact(state: RedmineUpState, principal: RedminePrincipal, id: unknown): Contact {
  const contact = state.contacts.get(Number(id));
  if (!contact) throw new ApiError('NOT_FOUND');
  if (!canSeeContact(state, principal, contact)) throw denied(principal);
  return contact;
}

/** True when the caller may do `permission` (`view_deals`, `edit_deals`, …) in the deal's project. */
export function mayOnDeal(state: RedmineUpState, principal: RedminePrincipal, deal: Deal, permission: string): boolean {
  const project = state.projects.get(deal.project_id);
  return !!project && crmAllowedTo(state, principal, project, permission);
}

/** A deal by id: 404 when unknown, 401/403 without "View deals" in its project. */
export function findDeal(state: RedmineUpState, principal: RedminePrincipal, id: unknown): Deal {
  const deal = state.deals.get(Number(id));
  if (!deal) throw new ApiError('NOT_FOUND');
  if (!mayOnDeal(state, principal, deal, 'view_deals')) throw denied(principal);
  return deal;
}

/** The projects a note's permissions are checked in: its contact's projects or its deal's project. */
export function noteProjectIds(state: RedmineUpState, note: Pick<Note, 'source_type' | 'source_id'>): number[] {
  if (note.source_type === 'Deal') {
    const deal = state.deals.get(note.source_id);
    return deal ? [deal.project_id] : [];
  }
  return [...(state.contacts.get(note.source_id)?.project_ids ?? [])];
}

/** True when the caller can see the note's source (contact or deal). */
export function canSeeNote(state: RedmineUpState, principal: RedminePrincipal, note: Note): boolean {
  if (note.source_type === 'Deal') {
    const deal = state.deals.get(note.source_id);
    return !!deal && mayOnDeal(state, principal, deal, 'view_deals');
  }
  const contact = state.contacts.get(note.source_id);
  return !!contact && canSeeContact(state, principal, contact);
}

/**
 * True when the caller may edit (`action` = `edit`) or delete (`delete`) a note: `<action>_notes` in one of the
 * source's projects, or `<action>_own_notes` for their own notes.
 */
export function mayChangeNote(
  state: RedmineUpState,
  principal: RedminePrincipal,
  note: Note,
  action: 'edit' | 'delete',
): boolean {
  if (!canSeeNote(state, principal, note)) return false;
  const projects = noteProjectIds(state, note);
  if (allowedInAny(state, principal, projects, `${action}_notes`)) return true;
  const own = principal.user !== null && note.author_id === principal.user.id;
  return own && allowedInAny(state, principal, projects, `${action}_own_notes`);
}

/** A note by id: 404 when unknown, 401/403 when the caller cannot see its source. */
export function findNote(state: RedmineUpState, principal: RedminePrincipal, id: unknown): Note {
  const note = state.notes.get(Number(id));
  if (!note) throw new ApiError('NOT_FOUND');
  if (!canSeeNote(state, principal, note)) throw denied(principal);
  return note;
}
