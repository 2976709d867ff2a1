import type { operations } from '../../generated/redmine.js';
import {
  type FamilyOperationHandler,
  listBody,
  renderCurrentUser,
  renderCustomFieldDefinition,
  requireAdmin,
} from '../../redmine-family/index.js';
import { ApiError } from '../../server/errors.js';

type Handler<Id extends keyof operations> = FamilyOperationHandler<operations[Id]>;

/** GET /users/current: the authenticated (or impersonated) user, with their API key. */
export const getCurrentUser: Handler<'getCurrentUser'> = (ctx) => {
  const { user } = ctx.principal;
  if (!user) throw new ApiError('UNAUTHORIZED');
  return { status: 200, body: { user: renderCurrentUser(ctx.principal, user) } };
};

/** GET /enumerations/issue_priorities: every priority in position order; not paged. */
export const listIssuePriorities: Handler<'listIssuePriorities'> = (ctx) => {
  const items = ctx.state.priorities
    .all()
    .map((p) => ({ id: p.id, name: p.name, is_default: p.is_default, active: p.active }));
  return { status: 200, body: listBody('issue_priorities', items) };
};

/** GET /custom_fields: every custom field definition; administrators only; not paged. */
export const listCustomFields: Handler<'listCustomFields'> = (ctx) => {
  requireAdmin(ctx.principal);
  const items = ctx.state.customFields.all().map((f) => renderCustomFieldDefinition(ctx.state, f));
  return { status: 200, body: listBody('custom_fields', items) };
};
