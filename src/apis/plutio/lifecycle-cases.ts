import type { Json } from './test-support.js';

/** Reads the `_id` of the first seeded record of a collection (with an optional query). */
export type RefLookup = (collection: string, query?: string) => Promise<string>;

/** How one resource group of the document is walked through in the lifecycle test. */
export type LifecycleCase =
  | {
      kind: 'crud';
      /** The create body; `tag` is a marker unique to the run, put in the filtered field. */
      create: (tag: string, ref: RefLookup) => Promise<Json>;
      /** The filter that finds the created record again (`title=<tag>`), plus any the list needs. */
      filter: (tag: string, created: Json) => string;
      update: Json;
    }
  | { kind: 'write-only'; create: (tag: string) => Json; update: Json }
  | { kind: 'update-only'; update: Json }
  | { kind: 'read-only' }
  | { kind: 'trash-bin' };

const enc = encodeURIComponent;
const byTitle = (tag: string) => `title=${enc(tag)}`;
const byName = (tag: string) => `name=${enc(tag)}`;
const crud = (
  create: (tag: string, ref: RefLookup) => Json | Promise<Json>,
  update: Json = { title: 'Changed title' },
  filter: (tag: string, created: Json) => string = byTitle,
): LifecycleCase => ({ kind: 'crud', create: async (tag, ref) => create(tag, ref), filter, update });

/**
 * One case per resource group of the Plutio v1.8 index (37), keyed by collection path. Create bodies point at
 * seeded records where the resource needs a parent (a task group's board, a comment's task, …).
 */
export const LIFECYCLE_CASES: Readonly<Record<string, LifecycleCase>> = {
  'block-groups': { kind: 'update-only', update: { title: 'Changed section' } },
  blocks: crud(
    async (tag, ref) => ({ entityType: 'proposal', entityId: await ref('proposals'), type: 'content', textPlain: tag }),
    { textPlain: 'Changed text', textHTML: '<p>Changed text</p>' },
    (tag) => `textPlain=${enc(tag)}`,
  ),
  businesses: { kind: 'update-only', update: { name: 'Changed business name' } },
  'canned-responses': crud((tag) => ({ title: tag, descriptionHTML: '<p>Thanks for reaching out.</p>' })),
  categories: crud((tag) => ({ title: tag, entityType: 'canned-response' })),
  comments: crud(
    async (tag, ref) => ({ entityType: 'task', entityId: await ref('tasks'), bodyPlain: tag }),
    { bodyPlain: 'Changed comment', isNote: true },
    (tag, c) => `entityType=task&entityId=${c.entityId}&bodyPlain=${enc(tag)}`,
  ),
  companies: crud((tag) => ({ title: tag, industry: 'Testing' })),
  contracts: crud((tag) => ({ name: tag }), { name: 'Changed contract' }, byName),
  conversations: crud(async (tag, ref) => ({ title: tag, entityType: 'project', entityId: await ref('projects') })),
  'custom-fields': crud((tag) => ({ title: tag, entityType: 'person', inputType: 'text' })),
  'dashboard-data': { kind: 'read-only' },
  'dashboard-pages': crud(async (tag, ref) => ({ title: tag, dashboardId: await ref('dashboards') })),
  dashboards: { kind: 'update-only', update: { title: 'Changed dashboard' } },
  events: crud((tag) => ({ title: tag, startDate: '2022-09-12T14:00:00.000Z', endDate: '2022-09-12T15:00:00.000Z' })),
  'file-folders': crud(async (tag, ref) => ({ title: tag, entityType: 'project', entityId: await ref('projects') })),
  files: crud((tag) => ({ title: tag, handle: 'r8kQp2WmTz', type: 'file', mimeType: 'application/pdf', size: 2048 })),
  'form-responses': crud(
    async (tag, ref) => ({
      formId: await ref('forms', '&status=draft'),
      name: tag,
      email: 'jo@example.com',
      data: { message: 'Hi' },
    }),
    { name: 'Changed response' },
    byName,
  ),
  forms: crud((tag) => ({ title: tag, status: 'draft' })),
  'inbox-groups': crud((tag) => ({ title: tag, type: 'email' }), { title: 'Changed inbox', isActive: false }),
  'invoice-subscriptions': crud((tag) => ({
    title: tag,
    amount: 250,
    repeat: { intervalType: 'month', interval: 1 },
  })),
  invoices: crud(
    async (tag, ref) => ({
      name: tag,
      client: { _id: await ref('companies'), entityType: 'company' },
      items: [{ title: 'Consulting', quantity: 2, amount: 150, tax: 10 }],
    }),
    { name: 'Changed invoice' },
    byName,
  ),
  items: crud((tag) => ({ title: tag, amount: 120, quantity: 1 })),
  notes: crud(async (tag, ref) => ({
    title: tag,
    entityType: 'person',
    entityId: await ref('people', '&role=client'),
  })),
  people: crud(
    (tag) => ({ name: { first: tag, last: 'Lifecycle' }, role: 'client', email: 'lifecycle@example.com' }),
    { name: { last: 'Changed' }, status: 'inactive' },
    (tag) => `name.first=${enc(tag)}`,
  ),
  profiles: { kind: 'read-only' },
  projects: crud((tag) => ({ name: tag, currency: 'USD' }), { name: 'Changed project' }, byName),
  proposals: crud((tag) => ({ name: tag }), { name: 'Changed proposal' }, byName),
  roles: {
    kind: 'write-only',
    create: (tag) => ({ title: tag, permissions: ['tasks'] }),
    update: { title: 'Changed' },
  },
  statuses: crud((tag) => ({ title: tag, entityType: 'project', color: '#00aa00' })),
  'task-boards': crud(async (tag, ref) => ({ title: tag, projectId: await ref('projects') })),
  'task-groups': crud(async (tag, ref) => ({ title: tag, taskBoardId: await ref('task-boards') })),
  tasks: crud(async (tag, ref) => ({ title: tag, taskGroupId: await ref('task-groups') }), { status: 'completed' }),
  templates: crud((tag) => ({ title: tag, entityType: 'project', isPublic: false })),
  'time-tracks': crud((tag) => ({
    title: tag,
    startedAt: '2022-09-05T09:00:00.000Z',
    stoppedAt: '2022-09-05T10:30:00.000Z',
    billingRate: 100,
  })),
  'trash-bin': { kind: 'trash-bin' },
  wiki: crud((tag) => ({ title: tag })),
  'wiki-entities': crud(async (tag, ref) => ({ title: tag, wikiId: await ref('wiki'), type: 'page' })),
};
