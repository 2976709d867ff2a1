import { pagedListBody, paginate } from '../../redmine-family/index.js';
import { ApiError } from '../../server/errors.js';
import { mayOnDeal } from './access.js';
import { renderDeal } from './deal-view.js';
import type { UpContext, UpHandler, UpResult } from './operation.js';
import { authorizeGlobal } from './permissions.js';
import { projectFor } from './project-scope.js';
import type { Deal } from './records.js';
import { newestFirst } from './refs.js';
import { parseIdFilter } from './short-filter.js';

type Ctx = UpContext<'listDeals'> | UpContext<'listProjectDeals'>;

/** GET /deals: the visible deals, optionally in one project (`project_id`), filtered, newest first, one page. */
export const listDeals: UpHandler<'listDeals'> = (ctx) => dealList(ctx, ctx.query.project_id);

/** GET /projects/{project_id}/deals: the same list in the project of the URL. */
export const listProjectDeals: UpHandler<'listProjectDeals'> = (ctx) => dealList(ctx, ctx.params.project_id);

/**
 * The deal list: 404 for an unknown project, 401/403 without "View deals" there (or anywhere, without a project),
 * 404 for a saved query (none exist). Without `status_id` only open deals (status type 0) are listed; `status_id`
 * is a short filter (`*`, `2`, `1|2`, `!3`). Further filters: `assigned_to_id` (short filter), `category_id`,
 * `search` (case-insensitive substring of the name).
 */
function dealList(ctx: Ctx, projectParam: string | undefined): UpResult<'listDeals'> {
  const { state, principal } = ctx;
  const project = projectParam === undefined ? undefined : projectFor(state, principal, projectParam, 'view_deals');
  if (!project) authorizeGlobal(state, principal, 'view_deals');
  if (ctx.query.query_id !== undefined) throw new ApiError('NOT_FOUND');
  const status = parseIdFilter(stringParam(ctx.query.status_id), principal);
  const open = new Set(state.dealStatuses.all((s) => s.status_type === 0).map((s) => s.id));
  const assigned = parseIdFilter(stringParam(ctx.query.assigned_to_id), principal);
  const category = typeof ctx.query.category_id === 'number' ? ctx.query.category_id : undefined;
  const search = (stringParam(ctx.query.search) ?? '').trim().toLowerCase();
  const matches = (d: Deal) =>
    (!project || d.project_id === project.id) &&
    (status ? status(d.status_id) : open.has(d.status_id)) &&
    (!assigned || assigned(d.assigned_to_id)) &&
    (category === undefined || d.category_id === category) &&
    d.name.toLowerCase().includes(search) &&
    mayOnDeal(state, principal, d, 'view_deals');
  const page = paginate(state.deals.all(matches).sort(newestFirst), ctx.rawQuery);
  const items = page.items.map((d) => renderDeal(state, principal, d));
  return { status: 200, body: pagedListBody('deals', { ...page, items }, ctx) };
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
