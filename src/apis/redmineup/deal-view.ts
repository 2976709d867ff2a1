import { type RedminePrincipal, renderCustomValues } from '../../redmine-family/index.js';
import type { Deal } from './access.js';
import { renderNoteSummary } from './note-view.js';
import { contactRef, newestFirst, projectRef, type Ref, userRef } from './refs.js';
import type { RedmineUpState } from './state.js';

/** Custom fields of deals are `deal` custom fields. */
export const DEAL_CUSTOM_FIELD_TYPE = 'deal';

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
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: deal.id,
    name: deal.name,
    price: deal.price,
    currency: deal.currency,
    price_type: deal.price_type,
    duration: deal.duration,
    probability: deal.probability,
    due_date: deal.due_date,
    background: deal.background,
    project: projectRef(state, deal.project_id),
    status: statusRef(state, deal.status_id),
  };
  const category = deal.category_id === null ? undefined : state.dealCategories.get(deal.category_id);
  if (category) out.category = { id: category.id, name: category.name };
  put(out, 'author', userRef(state, deal.author_id));
  put(out, 'contact', contactRef(state, deal.contact_id));
  put(out, 'assigned_to', userRef(state, deal.assigned_to_id));
  const related = deal.related_contact_ids.map((id) => contactRef(state, id)).filter((r): r is Ref => !!r);
  if (related.length > 0) out.related_contacts = related;
  const customFields = renderCustomValues(state, DEAL_CUSTOM_FIELD_TYPE, deal.custom_values, principal);
  if (customFields) out.custom_fields = customFields;
  out.created_on = deal.created_on;
  out.updated_on = deal.updated_on;
  if (includeNotes) {
    const notes = state.notes.all((n) => n.source_type === 'Deal' && n.source_id === deal.id).sort(newestFirst);
    if (notes.length > 0) out.notes = notes.map((n) => renderNoteSummary(state, n));
  }
  return out;
}

/** A deal as embedded in a contact with `include=deals`. */
export function renderDealSummary(state: RedmineUpState, deal: Deal): Record<string, unknown> {
  return {
    id: deal.id,
    price: deal.price,
    currency: deal.currency,
    price_type: deal.price_type,
    name: deal.name,
    project: projectRef(state, deal.project_id),
    status: statusRef(state, deal.status_id),
    background: deal.background,
    created_on: deal.created_on,
    updated_on: deal.updated_on,
  };
}

function statusRef(state: RedmineUpState, id: number): Ref | undefined {
  const status = state.dealStatuses.get(id);
  return status ? { id: status.id, name: status.name } : undefined;
}

function put(out: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) out[key] = value;
}
