import { denied, has } from '../../redmine-family/index.js';
import { ApiError } from '../../server/errors.js';
import { findContact, mayOnContact } from './access.js';
import { validateContactAttributes } from './contact-input.js';
import { updateContactRecord } from './contact-store.js';
import { parseContactInclude, renderContact } from './contact-view.js';
import { xmlTagLists } from './contact-xml.js';
import { attributesOf } from './input-values.js';
import type { UpHandler } from './operation.js';
import { projectsFor } from './project-scope.js';

/** GET /contacts/{id}: the single view with projects and the requested `include` sections. */
export const getContact: UpHandler<'getContact'> = (ctx) => {
  const { state, principal } = ctx;
  const contact = findContact(state, principal, ctx.params.contact_id);
  const include = parseContactInclude(ctx.rawQuery.include);
  const body = { contact: renderContact(state, principal, contact, { include }) };
  return { status: 200, headers: {}, body, xmlBody: ctx.format === 'xml' ? xmlTagLists(body) : undefined };
};

/**
 * PUT /contacts/{id}: needs "Edit contacts" in one of the contact's projects; `project_ids` replaces the projects
 * (each needs "Edit contacts", an empty list is refused with 422); 204. Nothing is written when anything fails.
 */
export const updateContact: UpHandler<'updateContact'> = (ctx) => {
  const { state, principal } = ctx;
  const contact = findContact(state, principal, ctx.params.contact_id);
  if (!mayOnContact(state, principal, contact, 'edit_contacts')) throw denied(principal);
  const attrs = attributesOf(ctx.body?.contact);
  let projectIds: number[] | undefined;
  if (has(attrs, 'project_ids')) {
    projectIds = projectsFor(state, principal, attrs.project_ids, 'edit_contacts').map((p) => p.id);
    if (projectIds.length === 0) throw ApiError.validation(['Projects cannot be blank']);
  }
  const changes = validateContactAttributes(state, attrs, contact);
  updateContactRecord(state, contact, changes, projectIds);
  return { status: 204 };
};

/** DELETE /contacts/{id}: needs "Delete contacts" in one of its projects; deletes its notes too; 204. */
export const deleteContact: UpHandler<'deleteContact'> = (ctx) => {
  const { state, principal } = ctx;
  const contact = findContact(state, principal, ctx.params.contact_id);
  if (!mayOnContact(state, principal, contact, 'delete_contacts')) throw denied(principal);
  state.transaction(() => state.removeContact(contact.id));
  return { status: 204 };
};
