import { describe, expect, expectTypeOf, it } from 'vitest';
import type { RedminePrincipal } from '../../redmine-family/index.js';
import { typedHandlers } from '../../server/typed-handlers.js';
import { redmineCoreTypedHandlers } from '../redmine/handlers.js';
import { renderContact } from './contact-view.js';
import { xmlTagLists } from './contact-xml.js';
import { renderDeal } from './deal-view.js';
import { getDeal } from './deals.js';
import { redmineUpHandlers, redmineUpTypedHandlers } from './handlers.js';
import { renderNote } from './note-view.js';
import type { RedmineUpOperations, UpContext, UpHandler } from './operation.js';
import type { ContactJson, ContactXml, DealJson, NoteJson } from './schemas.js';
import type { RedmineUpState } from './state.js';

/** A contact as the document describes it. */
const contact: ContactJson = {
  id: 11,
  is_company: true,
  first_name: 'Apple Inc.',
  last_name: null,
  middle_name: null,
  company: null,
  website: null,
  skype_name: null,
  birthday: null,
  job_title: null,
  background: null,
  address: { full_address: null, street: null, city: null, region: null, country: null, postcode: null },
  tag_list: ['vip'],
  created_on: '2026-09-07T06:13:18Z',
  updated_on: '2026-09-07T06:13:18Z',
};

describe('RedmineUP handlers are typed by openapi/redmineup', () => {
  it('builds the map of all 44 operations; views return the document types', () => {
    const map = redmineUpHandlers();
    expect(Object.keys(map)).toHaveLength(44);
    expect(typeof map.getContact).toBe('function');
    expectTypeOf(renderContact).returns.toEqualTypeOf<ContactJson>();
    expectTypeOf(renderDeal).returns.toEqualTypeOf<DealJson>();
    expectTypeOf(renderNote).returns.toEqualTypeOf<NoteJson>();
    expectTypeOf<UpContext<'getContact'>['params']['contact_id']>().toEqualTypeOf<number>();
    expectTypeOf<UpContext<'listProjectDeals'>['params']['project_id']>().toEqualTypeOf<string>();
    expectTypeOf(xmlTagLists({ contact })).toMatchTypeOf<{ contact: ContactXml }>();
  });

  it('refuses misspelled and retyped contact fields, undocumented statuses and misread requests', () => {
    const { tag_list: _tags, ...untagged } = contact;
    // @ts-expect-error `tags` is not a field of Contact: the document says `tag_list`, which is then missing.
    const misspelled: UpHandler<'getContact'> = () => ({
      status: 200,
      body: { contact: { ...untagged, tags: ['vip'] } },
    });
    // @ts-expect-error JSON `tag_list` is an array of names; the joined text is the XML form only.
    const retyped: UpHandler<'getContact'> = () => ({
      status: 200,
      body: { contact: { ...contact, tag_list: 'vip' } },
    });
    // @ts-expect-error XML `tag_list` is one text, not a number.
    const xmlAsJson: UpHandler<'listContacts'> = () => ({
      status: 200,
      body: { contacts: [contact] },
      xmlBody: { contacts: [{ ...contact, tag_list: 42 }] },
    });
    const view = (): ContactJson => ({
      ...contact,
      // @ts-expect-error a view returning a field the document does not have.
      skype: 'apple',
    });
    // @ts-expect-error an update answers 204; 200 is no documented response of updateDeal.
    const undocumented: UpHandler<'updateDeal'> = () => ({ status: 200 });
    // @ts-expect-error 204 has no body.
    const bodyOn204: UpHandler<'deleteDeal'> = () => ({ status: 204, body: { deal: null } });
    const misread: UpHandler<'updateContact'> = (ctx) => {
      // @ts-expect-error the request field is `first_name`.
      const name: unknown = ctx.body.contact?.firstname;
      // @ts-expect-error the contact id is a number.
      const id: string = ctx.params.contact_id.toUpperCase();
      expect([name, id]).toHaveLength(2);
      return { status: 204 };
    };
    const handlers = [misspelled, retyped, xmlAsJson, view, undocumented, bodyOn204, misread];
    expect(handlers.every((h) => typeof h === 'function')).toBe(true);
  });

  it('refuses a map with a missing, extra or misplaced handler', () => {
    const crm = typedHandlers<RedmineUpOperations, RedmineUpState, RedminePrincipal, true>();
    const { getDeal: _deal, ...withoutGetDeal } = { ...redmineCoreTypedHandlers(), getDeal };
    // @ts-expect-error every CRM operation needs its handler (here the 21 others and the core are missing).
    crm({ ...withoutGetDeal });
    // @ts-expect-error `listCompanies` is a Planio operation, not one of RedmineUP.
    crm({ ...redmineUpTypedHandlers(), listCompanies: getDeal });
    // @ts-expect-error the deal handler answers `{deal}`, not the `{contact}` of getContact.
    crm({ ...redmineUpTypedHandlers(), getContact: getDeal });
    expect(Object.keys(withoutGetDeal)).not.toContain('getDeal');
  });
});
