import { type RedminePrincipal, renderCustomValues } from '../../redmine-family/index.js';
import { renderNoteSummary } from './note-view.js';
import { DEAL_CUSTOM_FIELD_TYPE, type Deal } from './records.js';
import { contactRef, newestFirst, projectRef, type Ref, userRef } from './refs.js';
import { type DealJson, type DealSummary, type IdName, withoutUndefined } from './schemas.js';
import type { RedmineUpState } from './state.js';

/**
 * A deal in the plugin's field order: id, name, price, currency, price_type, duration, probability, due_date,
 * background, project, status, then category, author, contact, assigned_to, related_contacts and custom_fields when
 * present, created_on, updated_on, and `notes` (newest first) with `include=notes` when the deal has any.
 * @see redmine_contacts app/views/deals/show.api.rsb
 */
export function renderDeal(
  state: RedmineUpState,
  principal: RedminePrincipal,
  deal: Deal,
  includeNotes = false,
): DealJson {
  const category = deal.category_id === null ? undefined : state.dealCategories.get(deal.category_id);
  const related = deal.related_contact_ids.map((id) => contactRef(state, id)).filter((r): r is Ref => !!r);
  const notes = includeNotes
    ? state.notes.all((n) => n.source_type === 'Deal' && n.source_id === deal.id).sort(newestFirst)
    : [];
  const out: DealJson = {
    id: deal.id,
    name: deal.name,
    price: deal.price,
    currency: deal.currency,
    price_type: deal.price_type,
    duration: deal.duration,
    probability: deal.probability,
    due_date: deal.due_date,
    background: deal.background,
    project: projectOf(state, deal),
    status: statusOf(state, deal),
    category: category ? { id: category.id, name: category.name } : undefined,
    author: userRef(state, deal.author_id),
    contact: contactRef(state, deal.contact_id),
    assigned_to: userRef(state, deal.assigned_to_id),
    related_contacts: related.length > 0 ? related : undefined,
    custom_fields: renderCustomValues(state, DEAL_CUSTOM_FIELD_TYPE, deal.custom_values, principal),
    created_on: deal.created_on,
    updated_on: deal.updated_on,
    notes: notes.length > 0 ? notes.map((n) => renderNoteSummary(state, n)) : undefined,
  };
  return withoutUndefined(out);
}

/** A deal as embedded in a contact with `include=deals`. */
export function renderDealSummary(state: RedmineUpState, deal: Deal): DealSummary {
  const out: DealSummary = {
    id: deal.id,
    price: deal.price,
    currency: deal.currency,
    price_type: deal.price_type,
    name: deal.name,
    project: projectOf(state, deal),
    status: statusOf(state, deal),
    background: deal.background,
    created_on: deal.created_on,
    updated_on: deal.updated_on,
  };
  return withoutUndefined(out);
}

/**
 * The deal's project. A deal is deleted with its project, so it exists; were it missing (a state imported with a
 * dangling reference), the reference keeps the id with an empty name, as the document requires a `project`.
 */
function projectOf(state: RedmineUpState, deal: Deal): IdName {
  return projectRef(state, deal.project_id) ?? { id: deal.project_id, name: '' };
}

/** The deal's status (statuses are never deleted; a dangling id is kept as in {@link projectOf}). */
function statusOf(state: RedmineUpState, deal: Deal): IdName {
  const status = state.dealStatuses.get(deal.status_id);
  return status ? { id: status.id, name: status.name } : { id: deal.status_id, name: '' };
}
