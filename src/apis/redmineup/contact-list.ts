import { pagedListBody, paginate } from '../../redmine-family/index.js';
import { ApiError } from '../../server/errors.js';
import { canSeeContact } from './access.js';
import { renderContact } from './contact-view.js';
import { xmlTagLists } from './contact-xml.js';
import { commaList } from './input-values.js';
import type { UpContext, UpHandler, UpResult } from './operation.js';
import { authorizeGlobal } from './permissions.js';
import { projectFor } from './project-scope.js';
import type { Contact } from './records.js';
import { parseIdFilter } from './short-filter.js';

type Ctx = UpContext<'listContacts'> | UpContext<'listProjectContacts'>;

const SEARCHED = ['first_name', 'middle_name', 'last_name', 'company', 'email', 'phone', 'job_title'] as const;

/** GET /contacts: the visible contacts, optionally in one project (`project_id`), filtered, one page. */
export const listContacts: UpHandler<'listContacts'> = (ctx) => contactList(ctx, ctx.query.project_id);

/** GET /projects/{project_id}/contacts: the same list in the project of the URL. */
export const listProjectContacts: UpHandler<'listProjectContacts'> = (ctx) => contactList(ctx, ctx.params.project_id);

/**
 * The contact list: 404 for an unknown project, 401/403 without "View contacts" there (or anywhere, without a
 * project), 404 for a saved query (none exist). Filters: `assigned_to_id` (short filter), `search` (every word
 * must match a name, the company, an e-mail, a phone or the job title), `tags` (all listed tags). Sorted by last
 * name, then first name (companies, which have no last name, first).
 */
function contactList(ctx: Ctx, projectParam: string | undefined): UpResult<'listContacts'> {
  const { state, principal } = ctx;
  const project = projectParam === undefined ? undefined : projectFor(state, principal, projectParam, 'view_contacts');
  if (!project) authorizeGlobal(state, principal, 'view_contacts');
  if (ctx.query.query_id !== undefined) throw new ApiError('NOT_FOUND');
  const assigned = parseIdFilter(stringParam(ctx.query.assigned_to_id), principal);
  const terms = (stringParam(ctx.query.search) ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '');
  const tags = commaList(ctx.query.tags).map((t) => t.toLowerCase());
  const matches = (c: Contact) =>
    (!project || c.project_ids.includes(project.id)) &&
    (!assigned || assigned(c.assigned_to_id)) &&
    terms.every((term) => SEARCHED.some((key) => (c[key] ?? '').toLowerCase().includes(term))) &&
    tags.every((tag) => c.tags.some((t) => t.toLowerCase() === tag)) &&
    canSeeContact(state, principal, c);
  const all = state.contacts.all(matches).sort(byName);
  const page = paginate(all, ctx.rawQuery);
  const items = page.items.map((c) => renderContact(state, principal, c, undefined));
  const body = pagedListBody('contacts', { ...page, items }, ctx);
  return { status: 200, headers: {}, body, xmlBody: ctx.format === 'xml' ? xmlTagLists(body) : undefined };
}

function byName(a: Contact, b: Contact): number {
  return compare(a.last_name ?? '', b.last_name ?? '') || compare(a.first_name, b.first_name) || a.id - b.id;
}

function compare(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
