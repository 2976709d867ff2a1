import { type FamilyContext, type FamilyHandler, wantsNometa } from '../../redmine-family/index.js';
import { ApiError } from '../../server/errors.js';
import { canSeeContact } from './access.js';
import { allowedSomewhere } from './permissions.js';
import type { RedmineUpState } from './state.js';

type Ctx = FamilyContext<RedmineUpState>;

/**
 * GET /contacts_tags: the tags used on contacts the caller can see, by name; `total_count` is the only meta key.
 * Anonymous callers without "View contacts" anywhere get 401.
 */
export const listContactTags: FamilyHandler<RedmineUpState> = (ctx: Ctx) => {
  const { state, principal } = ctx;
  requireUserOr(ctx, 'view_contacts');
  const used = new Set<string>();
  for (const c of state.contacts.all((x) => canSeeContact(state, principal, x))) {
    for (const name of c.tags) used.add(name.toLowerCase());
  }
  const tags = state.tags
    .all((t) => used.has(t.name.toLowerCase()))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t) => ({ id: t.id, name: t.name, color: t.color }));
  return { status: 200, body: countedList(ctx, 'tags', tags) };
};

/** GET /deal_statuses: every deal status in position order; `total_count` is the only meta key. */
export const listDealStatuses: FamilyHandler<RedmineUpState> = (ctx: Ctx) => {
  requireUserOr(ctx, 'view_deals');
  const statuses = ctx.state.dealStatuses
    .all()
    .sort((a, b) => a.position - b.position)
    .map((s) => ({
      id: s.id,
      name: s.name,
      position: s.position,
      is_default: s.is_default,
      status_type: s.status_type,
      color: s.color,
    }));
  return { status: 200, body: countedList(ctx, 'deal_statuses', statuses) };
};

/** Logged-in callers pass; anonymous ones only with `permission` somewhere (otherwise 401). */
function requireUserOr(ctx: Ctx, permission: string): void {
  if (!ctx.principal.user && !allowedSomewhere(ctx.state, ctx.principal, permission)) {
    throw new ApiError('UNAUTHORIZED');
  }
}

function countedList(ctx: Ctx, key: string, items: unknown[]): Record<string, unknown> {
  return wantsNometa(ctx) ? { [key]: items } : { [key]: items, total_count: items.length };
}
