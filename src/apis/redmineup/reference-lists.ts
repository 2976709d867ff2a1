import { wantsNometa } from '../../redmine-family/index.js';
import { ApiError } from '../../server/errors.js';
import { canSeeContact } from './access.js';
import type { UpContext, UpHandler } from './operation.js';
import { allowedSomewhere } from './permissions.js';
import type { ContactTag, DealStatus } from './schemas.js';

type Ctx = UpContext<'listContactTags'> | UpContext<'listDealStatuses'>;

/**
 * GET /contacts_tags: the tags used on contacts the caller can see, by name; `total_count` is the only meta key.
 * Anonymous callers without "View contacts" anywhere get 401.
 */
export const listContactTags: UpHandler<'listContactTags'> = (ctx) => {
  const { state, principal } = ctx;
  requireUserOr(ctx, 'view_contacts');
  const used = new Set<string>();
  for (const c of state.contacts.all((x) => canSeeContact(state, principal, x))) {
    for (const name of c.tags) used.add(name.toLowerCase());
  }
  const tags = state.tags
    .all((t) => used.has(t.name.toLowerCase()))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t): ContactTag => ({ id: t.id, name: t.name, color: t.color }));
  return { status: 200, body: { tags, ...countOf(ctx, tags) } };
};

/** GET /deal_statuses: every deal status in position order; `total_count` is the only meta key. */
export const listDealStatuses: UpHandler<'listDealStatuses'> = (ctx) => {
  requireUserOr(ctx, 'view_deals');
  const statuses = ctx.state.dealStatuses
    .all()
    .sort((a, b) => a.position - b.position)
    .map(
      (s): DealStatus => ({
        id: s.id,
        name: s.name,
        position: s.position,
        is_default: s.is_default,
        status_type: s.status_type,
        color: s.color,
      }),
    );
  return { status: 200, body: { deal_statuses: statuses, ...countOf(ctx, statuses) } };
};

/** Logged-in callers pass; anonymous ones only with `permission` somewhere (otherwise 401). */
function requireUserOr(ctx: Ctx, permission: string): void {
  if (!ctx.principal.user && !allowedSomewhere(ctx.state, ctx.principal, permission)) {
    throw new ApiError('UNAUTHORIZED');
  }
}

/** `total_count`, the only meta key of these unpaged lists; left out with nometa. */
function countOf(ctx: Ctx, items: readonly unknown[]): { total_count?: number } {
  return wantsNometa(ctx) ? {} : { total_count: items.length };
}
