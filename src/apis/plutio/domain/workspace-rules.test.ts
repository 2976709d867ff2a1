import { expect, test } from 'vitest';
import { createPlutioDomain } from './domain.js';
import type { JsonObject } from './json.js';

const workspace = () => createPlutioDomain().workspaceFor('acme');
const first = (records: JsonObject[]) => records[0] as JsonObject;

test('invoices compute totals from inline items, number themselves and start as drafts', () => {
  const ws = workspace();
  const company = first(ws.list('companies'));
  const numbers = ws.list('invoices', { limit: '1000' }).map((i) => Number(i.invoiceId));
  const invoice = ws.create('invoices', {
    name: 'September work',
    client: { _id: company._id, entityType: 'company' },
    status: 'paid',
    items: [
      { title: 'Design', quantity: 3, amount: 100, tax: 10 },
      { title: 'Hosting', descriptionHTML: '<p>1 month</p>', quantity: 1, amount: 49.99 },
    ],
  });
  expect(invoice).toMatchObject({ subTotal: 349.99, taxTotal: 30, amount: 379.99, status: 'draft', currency: 'USD' });
  expect(invoice.invoiceId).toBe(String(Math.max(...numbers) + 1).padStart(4, '0'));
  expect((invoice.items as JsonObject[]).map((i) => i.total)).toEqual([300, 49.99]);
  const updated = ws.update('invoices', {
    _id: invoice._id,
    items: [{ title: 'Design', quantity: 2, amount: 100, tax: 10 }],
    status: 'paid',
  });
  expect(updated).toMatchObject({ subTotal: 200, taxTotal: 20, amount: 220, status: 'draft' });
  expect(() => ws.update('invoices', { _id: invoice._id, items: [{ quantity: 'two', amount: 1 }] })).toThrow(
    'items[0].quantity must be a number.',
  );
  expect(() => ws.create('invoices', { client: { _id: 'ZZZZZZZZZZZZZZZZZ', entityType: 'person' } })).toThrow(
    /client._id/,
  );
});

test('time tracks compute seconds and billing amounts and check their references', () => {
  const ws = workspace();
  const task = first(ws.list('tasks', { limit: '1' }));
  const person = first(ws.list('people', { role: 'team' }));
  const track = ws.create('time-tracks', {
    title: 'Pairing',
    taskId: task._id,
    personId: person._id,
    startedAt: '2022-09-01T09:00:00.000Z',
    stoppedAt: '2022-09-01T10:30:00.000Z',
    billingRate: 120,
    costRate: 40,
  });
  expect(track).toMatchObject({
    time: 5400,
    billingAmount: 180,
    costAmount: 60,
    projectId: task.projectId,
    billingStatus: 'unpaid',
  });
  expect(ws.update('time-tracks', { _id: track._id, stoppedAt: '2022-09-01T09:15:00.000Z' })).toMatchObject({
    time: 900,
    billingAmount: 30,
  });
  expect(() => ws.create('time-tracks', { taskId: 'ZZZZZZZZZZZZZZZZZ' })).toThrow(
    'taskId ZZZZZZZZZZZZZZZZZ does not match any record in tasks.',
  );
  expect(() => ws.create('time-tracks', { personId: 'ZZZZZZZZZZZZZZZZZ' })).toThrow(/personId/);
  expect(() => ws.create('time-tracks', { startedAt: 'yesterday', stoppedAt: '2022-09-01T09:00:00Z' })).toThrow(
    /ISO 8601/,
  );
  expect(() =>
    ws.create('time-tracks', { startedAt: '2022-09-02T00:00:00Z', stoppedAt: '2022-09-01T00:00:00Z' }),
  ).toThrow(/before startedAt/);
  const other = ws.list('projects').find((p) => p._id !== task.projectId) as JsonObject;
  expect(() => ws.create('time-tracks', { taskId: task._id, projectId: other._id })).toThrow(
    /project of the time track's task/,
  );
});

test('proposals, contracts and wiki pages come with their blocks', () => {
  const ws = workspace();
  const proposal = ws.create('proposals', { name: 'New site' });
  const blocks = ws.list('blocks', { entityType: 'proposal', entityId: proposal._id as string });
  expect(blocks.map((b) => b.type)).toEqual(['intro', 'content', 'signature']);
  expect(proposal.blocks).toEqual(blocks.map((b) => b._id));
  const contract = ws.create('contracts', { name: 'MSA' });
  expect(ws.list('blocks', { entityType: 'contract', entityId: contract._id as string }).map((b) => b.type)).toEqual([
    'content',
    'signature',
  ]);
  const wiki = first(ws.list('wiki'));
  const page = ws.create('wiki-entities', { wikiId: wiki._id, title: 'FAQ' });
  expect(page).toMatchObject({ parentId: wiki._id, type: 'page' });
  const [content] = ws.list('blocks', { entityType: 'wiki-page', entityId: page._id as string }) as [JsonObject];
  expect(content.type).toBe('content');
  expect(content).not.toHaveProperty('hasText');
  expect(ws.create('wiki-entities', { wikiId: wiki._id, title: 'Section', type: 'category' })).toMatchObject({
    type: 'category',
  });
  expect(() => ws.create('wiki-entities', { title: 'x' })).toThrow('wikiId is required.');
});

test('blocks join and leave their parent block list', () => {
  const ws = workspace();
  const proposal = ws.create('proposals', { name: 'Blocks' });
  const block = ws.create('blocks', {
    entityType: 'proposal',
    entityId: proposal._id,
    type: 'content',
    textPlain: 'Extra',
  });
  expect(block.position).toBe(3);
  expect(ws.get('proposals', proposal._id as string).blocks).toEqual([...(proposal.blocks as string[]), block._id]);
  ws.remove('blocks', { _id: block._id });
  expect(ws.get('proposals', proposal._id as string).blocks).toEqual(proposal.blocks);
  expect(() => ws.create('blocks', { entityType: 'proposal', entityId: 'ZZZZZZZZZZZZZZZZZ' })).toThrow(/entityId/);
});

test('dashboard pages are listed on their dashboard', () => {
  const ws = workspace();
  const dashboard = first(ws.list('dashboards'));
  const page = ws.create('dashboard-pages', { dashboardId: dashboard._id, title: 'Reports' });
  expect(ws.get('dashboards', dashboard._id as string).pages).toContainEqual({ _id: page._id, title: 'Reports' });
  ws.update('dashboard-pages', { _id: page._id, title: 'KPIs' });
  expect(ws.get('dashboards', dashboard._id as string).pages).toContainEqual({ _id: page._id, title: 'KPIs' });
  ws.remove('dashboard-pages', { _id: page._id });
  expect((ws.get('dashboards', dashboard._id as string).pages as JsonObject[]).some((p) => p._id === page._id)).toBe(
    false,
  );
  expect(() => ws.create('dashboard-pages', { title: 'x' })).toThrow('dashboardId is required.');
});

test('projects get the first project status and a first task board; files need a handle', () => {
  const ws = workspace();
  const planning = ws.list('statuses', { entityType: 'project' }).find((s) => s.position === 0) as JsonObject;
  const project = ws.create('projects', { name: 'Intranet' });
  expect(project.statusId).toBe(planning._id);
  expect(ws.list('task-boards', { projectId: project._id as string }).map((b) => b.title)).toEqual(['Tasks']);
  expect(() => ws.create('files', { title: 'a.pdf' })).toThrow('Handle is required');
  expect(ws.create('files', { title: 'a.pdf', handle: 'abc' }).position).toBeTypeOf('number');
});

test('records of other resources accept any fields', () => {
  const ws = workspace();
  const note = ws.create('notes', { title: 'Free form', anything: { nested: [1, 2] }, flag: true });
  expect(note).toMatchObject({ title: 'Free form', anything: { nested: [1, 2] }, flag: true });
});
