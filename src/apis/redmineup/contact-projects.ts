import { denied } from '../../redmine-family/index.js';
import { findContact, mayOnContact } from './access.js';
import { updateContactRecord } from './contact-store.js';
import { attributesOf } from './input-values.js';
import type { UpHandler } from './operation.js';
import { projectFor } from './project-scope.js';

/**
 * POST /contacts/{id}/projects: adds the project `project.id` (id or identifier). Needs "Edit contacts" on the
 * contact and on the project; an unknown contact or project is 404; adding a project the contact is already in
 * changes nothing; 204.
 * @see redmine_contacts app/controllers/contacts_projects_controller.rb create
 */
export const addContactProject: UpHandler<'addContactProject'> = (ctx) => {
  const { state, principal } = ctx;
  const contact = findContact(state, principal, ctx.params.contact_id);
  const attrs = attributesOf(ctx.body?.project);
  const project = projectFor(state, principal, attrs.id, 'edit_contacts');
  if (!mayOnContact(state, principal, contact, 'edit_contacts')) throw denied(principal);
  if (!contact.project_ids.includes(project.id)) {
    updateContactRecord(state, contact, {}, [...contact.project_ids, project.id]);
  }
  return { status: 204 };
};

/**
 * DELETE /contacts/{id}/projects/{project_id}: removes the project. Needs "Edit contacts" on the contact and on
 * the project; a contact always keeps one project, so removing from a contact with a single project is refused
 * with 403 (the plugin's `check_count`); removing a project the contact is not in changes nothing; 204.
 * @see redmine_contacts app/controllers/contacts_projects_controller.rb destroy, check_count
 */
export const removeContactProject: UpHandler<'removeContactProject'> = (ctx) => {
  const { state, principal } = ctx;
  const contact = findContact(state, principal, ctx.params.contact_id);
  const project = projectFor(state, principal, ctx.params.project_id, 'edit_contacts');
  if (!mayOnContact(state, principal, contact, 'edit_contacts')) throw denied(principal);
  if (contact.project_ids.length <= 1) throw denied(principal);
  if (contact.project_ids.includes(project.id)) {
    updateContactRecord(
      state,
      contact,
      {},
      contact.project_ids.filter((id) => id !== project.id),
    );
  }
  return { status: 204 };
};
