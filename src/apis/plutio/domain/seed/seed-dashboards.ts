import type { JsonObject } from '../json.js';
import type { SeedContext } from './context.js';
import { seedBlocks } from './seed-blocks.js';
import type { OrgRefs } from './seed-org.js';

const DASHBOARDS: Array<[string, string, string[]]> = [
  ['Owner', 'owner', ['Overview', 'Finance']],
  ['Co-Owner', 'co-owner', ['Overview']],
  ['Manager', 'manager', ['Team']],
  ['Team Member', 'team', ['My work']],
  ['Client', 'client', ['Welcome']],
];

/** Seeds one dashboard per role with pages and their blocks, block groups, dashboard data and one trash entry. */
export function seedDashboards(ctx: SeedContext, org: OrgRefs): void {
  for (const [title, role, pageTitles] of DASHBOARDS) {
    const dashboard = ctx.add('dashboards', { title, role, pages: [] }, 390);
    dashboard.pages = pageTitles.map((pageTitle) => {
      const page = ctx.add(
        'dashboard-pages',
        { title: pageTitle, dashboardId: dashboard._id, blocks: [], layout: [] },
        390,
      );
      page.blocks = seedBlocks(ctx, 'dashboard-page', page._id, [
        ['title', pageTitle],
        ['summary'],
        ['content', `${pageTitle} at a glance.`],
      ]);
      page.layout = (page.blocks as string[]).map((blockId, i) => ({ blockId, x: 0, y: i * 2, width: 12, height: 2 }));
      return { _id: page._id, title: pageTitle };
    });
  }
  for (const title of ['Header', 'Footer']) {
    const group = ctx.add('block-groups', { title, blocks: [] }, 390);
    group.blocks = seedBlocks(ctx, 'blocks-group', group._id, [['content', `${title} text`]]);
  }
  const invoices = ctx.all('invoices');
  const sum = (status: string) => invoices.filter((i) => i.status === status).reduce((s, i) => s + Number(i.amount), 0);
  const hours = ctx.all('time-tracks').reduce((s, t) => s + Number(t.time ?? 0), 0) / 3600;
  const data: Array<[string, string, number]> = [
    ['income', 'Income', sum('paid')],
    ['outstanding', 'Outstanding invoices', sum('pending') + sum('overdue')],
    ['tracked-hours', 'Tracked hours', Math.round(hours * 10) / 10],
    ['open-tasks', 'Open tasks', ctx.all('tasks').filter((t) => t.status !== 'completed').length],
  ];
  for (const [key, title, value] of data) ctx.add('dashboard-data', { key, title, value, period: 'all-time' }, 0);

  const client = org.clients[org.clients.length - 1] as JsonObject;
  const note = {
    _id: ctx.ids.next(),
    title: 'Old call notes',
    descriptionHTML: '<p>Superseded.</p>',
    entityType: 'person',
    entityId: client._id,
    businessId: ctx.businessId,
  };
  ctx.add(
    'trash-bin',
    {
      entityType: 'note',
      entityId: note._id,
      title: note.title,
      deletedAt: ctx.date(-3),
      deletedBy: ctx.ownerUserId,
      data: note,
      children: [],
    },
    3,
  );
}
