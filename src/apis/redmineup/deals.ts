import { denied, nowTimestamp } from '../../redmine-family/index.js';
import { findDeal, mayOnDeal } from './access.js';
import { validateDealAttributes } from './deal-input.js';
import { renderDeal } from './deal-view.js';
import { attributesOf } from './input-values.js';
import type { UpContext, UpHandler, UpResult } from './operation.js';
import { creationTarget } from './project-scope.js';
import { changesRecord } from './records.js';

/** POST /deals: creates a deal in `deal.project_id`, else the top-level `project_id`. */
export const createDeal: UpHandler<'createDeal'> = (ctx) => createIn(ctx, undefined);

/** POST /projects/{project_id}/deals: the same, with the URL's project when the body names none. */
export const createProjectDeal: UpHandler<'createProjectDeal'> = (ctx) => createIn(ctx, ctx.params.project_id);

/**
 * Creates a deal: the project is found and authorized ("Add deals") first (404 / 403), then the attributes are
 * validated (422). New deals get the default status and, without a currency, the CRM default currency (USD).
 * 201 with the single view and `Location`.
 */
function createIn(
  ctx: UpContext<'createDeal'> | UpContext<'createProjectDeal'>,
  urlProject: string | undefined,
): UpResult<'createDeal'> {
  const { state, principal, body } = ctx;
  const attrs = attributesOf(body?.deal);
  const { user, project } = creationTarget(ctx, [attrs.project_id, body?.project_id, urlProject], 'add_deals');
  const changes = validateDealAttributes(state, attrs, undefined, project.id);
  const now = nowTimestamp();
  const deal = state.transaction(() =>
    state.deals.insert({
      name: '',
      price: null,
      currency: 'USD',
      price_type: null,
      duration: null,
      probability: null,
      due_date: null,
      background: null,
      status_id: 0,
      category_id: null,
      assigned_to_id: null,
      contact_id: null,
      related_contact_ids: [],
      custom_values: {},
      ...changes,
      project_id: project.id,
      author_id: user.id,
      created_on: now,
      updated_on: now,
    }),
  );
  return {
    status: 201,
    headers: { location: `${ctx.baseUrl}/deals/${deal.id}` },
    body: { deal: renderDeal(state, principal, deal) },
  };
}

/** GET /deals/{id}: one deal; `include=notes` adds its notes when it has any. */
export const getDeal: UpHandler<'getDeal'> = (ctx) => {
  const deal = findDeal(ctx.state, ctx.principal, ctx.params.deal_id);
  const raw = ctx.rawQuery.include;
  const includeNotes = (Array.isArray(raw) ? raw : [raw ?? '']).some((v) =>
    v.split(',').some((s) => s.trim() === 'notes'),
  );
  return { status: 200, body: { deal: renderDeal(ctx.state, ctx.principal, deal, includeNotes) } };
};

/** PUT /deals/{id}: needs "Edit deals" in the deal's project; `project_id` is not changed here; 204. */
export const updateDeal: UpHandler<'updateDeal'> = (ctx) => {
  const { state, principal } = ctx;
  const deal = findDeal(state, principal, ctx.params.deal_id);
  if (!mayOnDeal(state, principal, deal, 'edit_deals')) throw denied(principal);
  const changes = validateDealAttributes(state, attributesOf(ctx.body?.deal), deal, deal.project_id);
  const changed = changesRecord(deal, changes);
  state.deals.update(deal.id, changed ? { ...changes, updated_on: nowTimestamp() } : changes);
  return { status: 204 };
};

/** DELETE /deals/{id}: needs "Delete deals" in the deal's project; deletes its notes too; 204. */
export const deleteDeal: UpHandler<'deleteDeal'> = (ctx) => {
  const { state, principal } = ctx;
  const deal = findDeal(state, principal, ctx.params.deal_id);
  if (!mayOnDeal(state, principal, deal, 'delete_deals')) throw denied(principal);
  state.transaction(() => state.removeDeal(deal.id));
  return { status: 204 };
};
