import type { FieldsOf, RecordOf } from '../records.js';
import type { SeedContext } from './context.js';
import type { BusinessProfile } from './profiles.js';

/** Ids of seeded records other seed steps refer to. */
export interface OrgRefs {
  owner: RecordOf<'people'>;
  team: RecordOf<'people'>[];
  clients: RecordOf<'people'>[];
  companies: RecordOf<'companies'>[];
  customFields: Record<'leadSource' | 'budgetCode' | 'priority' | 'accountTier', RecordOf<'custom-fields'>>;
  projectStatuses: RecordOf<'statuses'>[];
  categories: Record<'design' | 'development' | 'meetings' | 'general', RecordOf<'categories'>>;
}

const ROLES = [
  ['Owner', 'owner', ['all']],
  ['Co-Owner', 'co-owner', ['all']],
  ['Manager', 'manager', ['projects.manage', 'tasks.manage', 'people.view', 'invoices.view']],
  ['Team member', 'team', ['projects.view', 'tasks.manage', 'time-tracks.manage']],
  ['Client', 'client', ['projects.view', 'invoices.view', 'proposals.view']],
  ['Contributor', 'contributor', ['tasks.view']],
] as const;

const options = (ctx: SeedContext, names: string[]) =>
  names.map((name, index) => ({
    _id: ctx.ids.next(),
    name,
    color: ['#2f80ed', '#27ae60', '#f2994a', '#eb5757'][index % 4],
    index,
  }));

/** A person record's fields; `i` makes names and e-mails unique in large seeds. */
export function personFields(ctx: SeedContext, p: BusinessProfile, i: number, role: string): FieldsOf<'people'> {
  const first = p.firstNames[i % p.firstNames.length] as string;
  const last = p.lastNames[Math.floor(i / p.firstNames.length) % p.lastNames.length] as string;
  const suffix = i >= p.firstNames.length * p.lastNames.length ? String(i) : '';
  const local = `${first}.${last}${suffix}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9.]/g, '');
  return {
    name: { first, last },
    nameSortKey: `${first} ${last}`.toLowerCase(),
    role,
    status: ctx.prng.chance(0.9) ? 'active' : 'inactive',
    contactEmails: [
      { address: `${local}@${role === 'client' || role === 'lead' ? 'mail.example' : p.emailDomain}`, type: 'work' },
    ],
    contactPhones: [{ number: `+1 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`, type: 'work' }],
    address: {
      street: `${ctx.prng.int(1, 250)} ${ctx.prng.pick(p.streets)}`,
      city: ctx.prng.pick(p.cities),
      country: p.country,
      zipCode: String(ctx.prng.int(10000, 99999)),
    },
    websiteLinks: [],
    companies: [],
    customFields: [],
  };
}

/** Seeds the business, roles, custom fields, statuses, categories, team (with profiles), clients and companies. */
export function seedOrg(ctx: SeedContext, p: BusinessProfile): OrgRefs {
  ctx.add(
    'businesses',
    {
      _id: ctx.businessId,
      name: p.name,
      subdomain: ctx.business,
      currency: p.currency,
      timezone: p.timezone,
      address: { city: p.cities[0], country: p.country },
      ownerId: ctx.ownerUserId,
    },
    400,
  );
  for (const [title, slug, permissions] of ROLES) ctx.add('roles', { title, slug, permissions: [...permissions] }, 400);

  const cf = (title: string, entityType: string, inputType: string, opts: string[] = []) =>
    ctx.add('custom-fields', { title, entityType, inputType, isRequired: false, options: options(ctx, opts) }, 380);
  const customFields = {
    leadSource: cf('Lead source', 'person', 'select', ['Referral', 'Website', 'Event', 'Cold outreach']),
    budgetCode: cf('Budget code', 'project', 'text'),
    priority: cf('Priority', 'task', 'select', ['Low', 'Medium', 'High']),
    accountTier: cf('Account tier', 'company', 'select', ['Standard', 'Premium']),
  };
  const status = (title: string, entityType: string, type: string, position: number, color: string) =>
    ctx.add('statuses', { title, entityType, type, position, color }, 380);
  const projectStatuses = [
    status('Planning', 'project', 'open', 0, '#9b51e0'),
    status('In progress', 'project', 'active', 1, '#2f80ed'),
    status('On hold', 'project', 'open', 2, '#f2c94c'),
    status('Completed', 'project', 'completed', 3, '#27ae60'),
  ];
  status('Open', 'conversation', 'open', 0, '#2f80ed');
  status('Closed', 'conversation', 'closed', 1, '#828282');
  const category = (title: string, entityType: string) =>
    ctx.add('categories', { title, entityType, descriptionPlain: '' }, 370);
  const categories = {
    design: category('Design', 'time-track'),
    development: category('Development', 'time-track'),
    meetings: category('Meetings', 'time-track'),
    general: category('General', 'canned-response'),
  };

  const team: RecordOf<'people'>[] = [];
  for (let i = 0; i < p.teamSize; i++) {
    const role = i === 0 ? 'owner' : i === 1 ? 'co-owner' : 'team';
    const userId = i === 0 ? ctx.ownerUserId : ctx.ids.next();
    const person = ctx.add(
      'people',
      { ...personFields(ctx, p, i * 7, role), status: 'active', userId, isOnboarded: true },
      360,
    );
    person.locale = { timezone: p.timezone, weekStartDay: 1, dateFormat: 'YYYY-MM-DD', timeFormat: 'HH:mm' };
    team.push(person);
    const name = person.name;
    const email = person.contactEmails?.[0]?.address;
    ctx.add(
      'profiles',
      {
        _id: userId,
        personId: person._id,
        name,
        email,
        locale: person.locale,
        lastLogin: ctx.date(-ctx.prng.int(0, 5)),
      },
      360,
    );
  }

  const companies = p.companies.map((c, i) =>
    ctx.add('companies', {
      title: c.title,
      industry: c.industry,
      contactEmails: [{ address: `hello@${c.domain}`, type: 'work' }],
      contactPhones: [{ number: `+1 555 01${String(i).padStart(2, '0')}`, type: 'work' }],
      address: {
        street: `${10 + i} ${ctx.prng.pick(p.streets)}`,
        city: ctx.prng.pick(p.cities),
        country: p.country,
        zipCode: String(ctx.prng.int(10000, 99999)),
      },
      websiteLinks: [{ url: `https://${c.domain}`, type: 'website', title: c.title }],
      people: [],
      customFields: [{ _id: customFields.accountTier._id, value: customFields.accountTier.options?.[i % 2]?._id }],
    }),
  );
  const clients: RecordOf<'people'>[] = [];
  for (let i = 0; i < p.clientCount; i++) {
    const company = companies[i % companies.length] as RecordOf<'companies'>;
    const role = i % 5 === 4 ? 'lead' : 'client';
    const source = customFields.leadSource.options?.[i % 4]?._id;
    const person = ctx.add('people', {
      ...personFields(ctx, p, i * 3 + 1, role),
      companies: [{ _id: company._id }],
      customFields: [{ _id: customFields.leadSource._id, value: source }],
      tags: i % 3 === 0 ? ['vip'] : [],
    });
    company.people?.push({ _id: person._id, isManager: company.people.length === 0, role: 'Contact' });
    clients.push(person);
  }
  return { owner: team[0] as RecordOf<'people'>, team, clients, companies, customFields, projectStatuses, categories };
}

/** Adds generated client people until the workspace holds `total` people (for large-data benchmarks). */
export function growPeople(ctx: SeedContext, p: BusinessProfile, total: number): void {
  const start = ctx.all('people').length;
  for (let i = start; i < total; i++) ctx.add('people', personFields(ctx, p, 1000 + i, 'client'));
}
