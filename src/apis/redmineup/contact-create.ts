import { has } from '../../redmine-family/index.js';
import { validateContactAttributes } from './contact-input.js';
import { insertContact } from './contact-store.js';
import { renderContact } from './contact-view.js';
import { xmlTagLists } from './contact-xml.js';
import { attributesOf } from './input-values.js';
import type { UpContext, UpHandler, UpResult } from './operation.js';
import { creationTarget, projectsFor } from './project-scope.js';

/** POST /contacts: creates a contact in `contact.project_id`, else the top-level `project_id`. */
export const createContact: UpHandler<'createContact'> = (ctx) => createIn(ctx, undefined);

/** POST /projects/{project_id}/contacts: the same, with the URL's project when the body names none. */
export const createProjectContact: UpHandler<'createProjectContact'> = (ctx) => createIn(ctx, ctx.params.project_id);

/**
 * The plugin's `ContactsController#create`: the project is found and authorized ("Add contacts") before the
 * contact is validated, so a missing or unknown project is 404 and a forbidden one 403 even when the attributes are
 * invalid. `project_ids` adds more projects (each needs "Add contacts"). Success is 201 with the single view and
 * `Location`, or a 302 to `redirect_on_success` when it is an http(s) URL.
 * @see redmine_contacts app/controllers/contacts_controller.rb create, redirect_on_create
 */
function createIn(
  ctx: UpContext<'createContact'> | UpContext<'createProjectContact'>,
  urlProject: string | undefined,
): UpResult<'createContact'> {
  const { state, principal, body } = ctx;
  const attrs = attributesOf(body?.contact);
  const { user, project } = creationTarget(ctx, [attrs.project_id, body?.project_id, urlProject], 'add_contacts');
  const more = has(attrs, 'project_ids') ? projectsFor(state, principal, attrs.project_ids, 'add_contacts') : [];
  const changes = validateContactAttributes(state, attrs, undefined);
  const projectIds = [...new Set([project.id, ...more.map((p) => p.id)])];
  const contact = insertContact(state, user, projectIds, changes);
  const redirect = redirectTarget(ctx.query.redirect_on_success ?? body?.redirect_on_success);
  if (redirect) {
    return {
      status: 302,
      headers: { location: redirect, 'content-type': 'text/html; charset=utf-8' },
      body: `<html><body>You are being <a href="${escapeHtml(redirect)}">redirected</a>.</body></html>`,
    };
  }
  const created = { contact: renderContact(state, principal, contact, { include: new Set() }) };
  return {
    status: 201,
    headers: { location: `${ctx.baseUrl}/contacts/${contact.id}` },
    body: created,
    xmlBody: ctx.format === 'xml' ? xmlTagLists(created) : undefined,
  };
}

/** The redirect URL when `redirect_on_success` is an `http://` or `https://` URL; anything else is ignored. */
function redirectTarget(value: unknown): string | undefined {
  return typeof value === 'string' && /^https?:\/\/.+/i.test(value.trim()) ? value.trim() : undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
