import type { operations } from '../../generated/planio.js';
import {
  type FamilyContext,
  type FamilyOperationHandler,
  pagedListBody,
  paginate,
  resourceAttributes,
} from '../../redmine-family/index.js';
import { findContact, findVisibleCompany, requireManage } from './access.js';
import { validateContact } from './contact-input.js';
import type { PlanioState } from './state.js';
import { insertContact, updateContactRecord } from './store.js';
import { renderContact } from './views.js';

type Handler<Id extends keyof operations> = FamilyOperationHandler<operations[Id], PlanioState>;

/** The company of the path, visible to the caller. */
const companyOf = (ctx: Pick<FamilyContext<PlanioState>, 'state' | 'principal' | 'pathParams'>) =>
  findVisibleCompany(ctx.state, ctx.principal, ctx.pathParams.company_id);

/** GET /companies/{id}/contacts: the company's contacts by id, one page. */
export const listCompanyContacts: Handler<'listCompanyContacts'> = (ctx) => {
  const { state, principal } = ctx;
  const company = companyOf(ctx);
  const page = paginate(
    state.contacts.all((c) => c.company_id === company.id),
    ctx.rawQuery,
  );
  const items = page.items.map((c) => renderContact(state, principal, c, company));
  return { status: 200, body: pagedListBody('contacts', { ...page, items }, ctx) };
};

/** GET /companies/{id}/contacts/{contact_id}: 404 for a contact of another company. */
export const getCompanyContact: Handler<'getCompanyContact'> = (ctx) => {
  const { state, principal } = ctx;
  const company = companyOf(ctx);
  const contact = findContact(state, company, ctx.pathParams.contact_id);
  return { status: 200, body: { contact: renderContact(state, principal, contact, company) } };
};

/** POST /companies/{id}/contacts: needs the right to manage the company; 201 with the contact and `Location`. */
export const createCompanyContact: Handler<'createCompanyContact'> = (ctx) => {
  const { state, principal } = ctx;
  const company = companyOf(ctx);
  requireManage(state, principal, company);
  const changes = validateContact(state, principal, resourceAttributes(ctx.body, 'contact'), undefined);
  const contact = insertContact(state, company, changes);
  return {
    status: 201,
    headers: { location: `${ctx.baseUrl}/companies/${company.id}/contacts/${contact.id}` },
    body: { contact: renderContact(state, principal, contact, company) },
  };
};

/** PUT /companies/{id}/contacts/{contact_id}: changes the given attributes; 204. */
export const updateCompanyContact: Handler<'updateCompanyContact'> = (ctx) => {
  const { state, principal } = ctx;
  const company = companyOf(ctx);
  requireManage(state, principal, company);
  const contact = findContact(state, company, ctx.pathParams.contact_id);
  updateContactRecord(
    state,
    contact,
    validateContact(state, principal, resourceAttributes(ctx.body, 'contact'), contact),
  );
  return { status: 204 };
};

/** DELETE /companies/{id}/contacts/{contact_id}: 204. */
export const deleteCompanyContact: Handler<'deleteCompanyContact'> = (ctx) => {
  const { state, principal } = ctx;
  const company = companyOf(ctx);
  requireManage(state, principal, company);
  const contact = findContact(state, company, ctx.pathParams.contact_id);
  state.contacts.remove(contact.id);
  return { status: 204 };
};
