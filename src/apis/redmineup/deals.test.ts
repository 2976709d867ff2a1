import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Deal } from './records.js';
import { fieldId, type Json, locationId, parseXml, startRedmineUp, type UpTestServer, XML } from './test-support.js';

let srv: UpTestServer;
let jsmithId: number;

beforeAll(async () => {
  srv = await startRedmineUp();
  jsmithId = srv.state.users.find((u) => u.login === 'jsmith')?.id ?? 0;
});

afterAll(async () => {
  await srv.ts.close();
});

type DealList = { deals: Json[]; total_count: number; offset: number; limit: number };
const snapshot = () => JSON.stringify(srv.state.export());
const openIds = () => new Set(srv.state.dealStatuses.all((s) => s.status_type === 0).map((s) => s.id));
const newest = (a: Deal, b: Deal) =>
  a.created_on === b.created_on ? b.id - a.id : a.created_on < b.created_on ? 1 : -1;
const ids = async (query: string, as: 'admin' | 'jsmith' = 'admin') =>
  (await srv.call('GET', `/deals.json?limit=100&${query}`, { as }))
    .json<DealList>()
    .deals.map((d) => d.id as number)
    .sort((a, b) => a - b);
const stored = (pred: (d: Deal) => boolean) =>
  srv.state.deals
    .all(pred)
    .map((d) => d.id)
    .sort((a, b) => a - b);

test('the seed has deals in every status type, with prices as decimal strings', () => {
  const deals = srv.state.deals.all();
  expect(deals.length).toBeGreaterThanOrEqual(15);
  const types = new Set(deals.map((d) => srv.state.dealStatuses.get(d.status_id)?.status_type));
  expect(types).toEqual(new Set([0, 1, 2]));
  for (const d of deals) expect(d.price).toMatch(/^\d+\.\d{1,2}$/);
});

test('GET /deals.json lists only open deals by default, newest first, with meta', async () => {
  const res = await srv.call('GET', '/deals.json');
  expect(res.status).toBe(200);
  const body = res.json<DealList>();
  const open = srv.state.deals.all((d) => openIds().has(d.status_id)).sort(newest);
  expect([body.total_count, body.offset, body.limit]).toEqual([open.length, 0, 25]);
  expect(body.deals.map((d) => d.id)).toEqual(open.map((d) => d.id));
  const first = body.deals[0] as Json;
  expect(first).toMatchObject({ project: expect.any(Object), status: expect.any(Object), price: open[0]?.price });
  expect(Object.keys(first).slice(0, 11)).toEqual([
    'id',
    'name',
    'price',
    'currency',
    'price_type',
    'duration',
    'probability',
    'due_date',
    'background',
    'project',
    'status',
  ]);
});

test('GET /deals.xml?status_id=*: every deal, deals root with meta attributes, paging and nometa', async () => {
  const all = srv.state.deals.all().sort(newest);
  const res = await srv.call('GET', '/deals.xml?status_id=*&limit=5&offset=5');
  expect(res.status).toBe(200);
  expect(res.text).toMatch(
    new RegExp(
      `^<\\?xml version="1.0" encoding="UTF-8"\\?><deals total_count="${all.length}" offset="5" limit="5" type="array"><deal><id>`,
    ),
  );
  expect(parseXml(res.text).deals.deal.map((d: Json) => Number(d.id))).toEqual(all.slice(5, 10).map((d) => d.id));
  const nometa = (await srv.call('GET', '/deals.json?status_id=*&nometa=1')).json<Json>();
  expect(Object.keys(nometa)).toEqual(['deals']);
  const page = (await srv.call('GET', '/deals.json?status_id=*&limit=4&page=3')).json<DealList>();
  expect([page.offset, page.deals.map((d) => d.id)]).toEqual([8, all.slice(8, 12).map((d) => d.id)]);
});

test('filter status_id: one id, several ids, negation', async () => {
  const won = srv.state.dealStatuses.find((s) => s.status_type === 1)!;
  const lost = srv.state.dealStatuses.find((s) => s.status_type === 2)!;
  expect(await ids(`status_id=${won.id}`)).toEqual(stored((d) => d.status_id === won.id));
  expect(await ids(`status_id=${won.id}|${lost.id}`)).toEqual(
    stored((d) => d.status_id === won.id || d.status_id === lost.id),
  );
  expect(await ids(`status_id=!${won.id}`)).toEqual(stored((d) => d.status_id !== won.id));
});

test('filters project_id (id, identifier, 404), assigned_to_id, category_id and search', async () => {
  const { publicMine } = srv.projects;
  const inProject = stored((d) => d.project_id === publicMine.id);
  expect(await ids(`status_id=*&project_id=${publicMine.id}`)).toEqual(inProject);
  expect(await ids(`status_id=*&project_id=${publicMine.identifier}`)).toEqual(inProject);
  expect((await srv.call('GET', '/deals.json?project_id=nope')).status).toBe(404);
  expect(await ids('status_id=*&assigned_to_id=1')).toEqual(stored((d) => d.assigned_to_id === 1));
  expect(await ids('status_id=*&assigned_to_id=!*')).toEqual(stored((d) => d.assigned_to_id === null));
  const categorized = srv.state.deals.find((d) => d.category_id !== null)!;
  expect(await ids(`status_id=*&category_id=${categorized.category_id}`)).toEqual(
    stored((d) => d.category_id === categorized.category_id),
  );
  const word = (srv.state.deals.all()[0]?.name.split(' ').pop() ?? '').toUpperCase();
  const matching = await ids(`status_id=*&search=${encodeURIComponent(word)}`);
  expect(matching).toEqual(stored((d) => d.name.toLowerCase().includes(word.toLowerCase())));
  expect(matching.length).toBeGreaterThan(0);
});

test('GET /projects/{id}/deals: the project’s open deals; jsmith sees deals of his projects only', async () => {
  const { privateMine, privateOther, publicOther } = srv.projects;
  const res = await srv.call('GET', `/projects/${privateMine.identifier}/deals.xml`);
  expect(res.status).toBe(200);
  expect(res.text).toContain(
    `total_count="${stored((d) => d.project_id === privateMine.id && openIds().has(d.status_id)).length}"`,
  );
  expect((await srv.call('GET', `/projects/${privateOther.id}/deals.json`, { as: 'jsmith' })).status).toBe(403);
  expect((await srv.call('GET', `/projects/${publicOther.id}/deals.json`, { as: 'jsmith' })).status).toBe(403);
  const mine = new Set([srv.projects.publicMine.id, privateMine.id]);
  expect(await ids('status_id=*', 'jsmith')).toEqual(stored((d) => mine.has(d.project_id)));
  expect((await srv.call('GET', '/deals.json', { as: 'anonymous' })).status).toBe(401);
});

test('POST /deals.json: 201, Location, default status, price as decimal string, custom field', async () => {
  const { publicOther } = srv.projects;
  const contact = srv.state.contacts.find((c) => c.project_ids.includes(publicOther.id))!;
  const contract = fieldId(srv.state, 'Contract no.');
  const res = await srv.call('POST', '/deals.json', {
    body: {
      deal: {
        project_id: publicOther.identifier,
        name: 'Support contract',
        price: '4800',
        currency: 'EUR',
        price_type: 1,
        duration: 12,
        contact_id: contact.id,
        custom_fields: [{ id: contract, value: 'SC-2026-17' }],
      },
    },
  });
  expect(res.status).toBe(201);
  const id = locationId(res);
  expect(res.headers.get('location')).toBe(`${srv.ts.api('redmineup')}/deals/${id}`);
  const deal = res.json<{ deal: Json }>().deal;
  const pending = srv.state.dealStatuses.find((s) => s.is_default)!;
  expect(deal).toMatchObject({
    id,
    name: 'Support contract',
    price: '4800.0',
    currency: 'EUR',
    price_type: 1,
    duration: 12,
    probability: null,
    project: { id: publicOther.id, name: publicOther.name },
    status: { id: pending.id, name: pending.name },
    author: { id: 1, name: 'Redmine Admin' },
    contact: { id: contact.id },
    custom_fields: [{ id: contract, name: 'Contract no.', value: 'SC-2026-17' }],
  });
  expect(deal).not.toHaveProperty('category');
  expect((await srv.call('GET', `/deals/${id}.json`)).json<{ deal: Json }>().deal).toEqual(deal);
});

test('POST /deals.xml and POST /projects/{id}/deals: XML body, top-level project, currency default', async () => {
  const { publicMine, privateMine } = srv.projects;
  const category = srv.state.dealCategories.find((c) => c.project_id === privateMine.id)!;
  const res = await srv.call('POST', '/deals.xml', {
    body: `<?xml version="1.0" encoding="UTF-8"?><deal><project_id>${privateMine.id}</project_id><name>Hardware refresh</name><price>99.5</price><category_id>${category.id}</category_id><probability>60</probability><due_date>2026-12-31</due_date></deal>`,
    headers: XML,
  });
  expect(res.status).toBe(201);
  const doc = parseXml(res.text).deal;
  expect(doc).toMatchObject({
    name: 'Hardware refresh',
    price: '99.5',
    currency: 'USD',
    probability: '60',
    due_date: '2026-12-31',
  });
  expect(doc.category).toEqual({ '@id': String(category.id), '@name': category.name });
  const nested = await srv.call('POST', `/projects/${publicMine.identifier}/deals.json`, {
    as: 'jsmith',
    body: { deal: { name: 'From the URL', price: '1 200' } },
  });
  expect(nested.status).toBe(201);
  expect(srv.state.deals.get(locationId(nested))).toMatchObject({
    project_id: publicMine.id,
    price: '1200.0',
    author_id: jsmithId,
  });
  const nestedXml = await srv.call('POST', `/projects/${privateMine.id}/deals.xml`, {
    body: '<deal><name>Nested XML</name><currency>GBP</currency></deal>',
    headers: XML,
  });
  expect(nestedXml.status).toBe(201);
  expect(parseXml(nestedXml.text).deal).toMatchObject({ name: 'Nested XML', currency: 'GBP', price: '' });
  const topLevel = await srv.call('POST', '/deals.json', {
    body: { project_id: publicMine.id, deal: { name: 'Top level' } },
  });
  expect(srv.state.deals.get(locationId(topLevel))?.project_id).toBe(publicMine.id);
});

test('create failures change nothing: 404 project, 403 permission, 422 messages in JSON and XML', async () => {
  const before = snapshot();
  expect((await srv.call('POST', '/deals.json', { body: { deal: { name: 'x' } } })).status).toBe(404);
  expect(
    (await srv.call('POST', '/projects/nope/deals.xml', { body: '<deal><name>x</name></deal>', headers: XML })).status,
  ).toBe(404);
  const forbidden = await srv.call('POST', '/deals.json', {
    as: 'jsmith',
    body: { deal: { project_id: srv.projects.publicOther.id, name: 'x' } },
  });
  expect(forbidden.status).toBe(403);
  const otherCategory = srv.state.dealCategories.find((c) => c.project_id !== srv.projects.publicMine.id)!;
  const invalid = await srv.call('POST', '/deals.json', {
    body: {
      deal: {
        project_id: srv.projects.publicMine.id,
        name: '',
        price: '12abc',
        status_id: 999,
        category_id: otherCategory.id,
      },
    },
  });
  expect(invalid.status).toBe(422);
  expect(invalid.json()).toEqual({
    errors: ['Name cannot be blank', 'Price is not a number', 'Status cannot be blank', 'Category is invalid'],
  });
  const xml = await srv.call('POST', '/deals.xml', {
    body: `<deal><project_id>${srv.projects.publicMine.id}</project_id><name>${'x'.repeat(256)}</name><contact_id>99999</contact_id></deal>`,
    headers: XML,
  });
  expect(xml.status).toBe(422);
  expect(xml.text).toContain('<errors type="array"><error>');
  expect(snapshot()).toBe(before);
});

test('GET /deals/{id}: include=notes adds the notes, XML too; 404 unknown; 403 hidden; 401 anonymous', async () => {
  const noted = srv.state.notes.find((n) => n.source_type === 'Deal')!;
  const notes = srv.state.notes.all((n) => n.source_type === 'Deal' && n.source_id === noted.source_id);
  const plain = (await srv.call('GET', `/deals/${noted.source_id}.json`)).json<{ deal: Json }>().deal;
  expect(plain).not.toHaveProperty('notes');
  const withNotes = (await srv.call('GET', `/deals/${noted.source_id}.json?include=notes`)).json<{ deal: Json }>().deal;
  expect((withNotes.notes as Json[]).map((n) => n.id).sort()).toEqual(notes.map((n) => n.id).sort());
  const xml = await srv.call('GET', `/deals/${noted.source_id}.xml?include=notes`);
  expect(xml.text).toContain('<notes type="array"><note><id>');
  expect((await srv.call('GET', '/deals/99999.json')).status).toBe(404);
  const hidden = srv.state.deals.find((d) => d.project_id === srv.projects.privateOther.id)!;
  expect((await srv.call('GET', `/deals/${hidden.id}.json`, { as: 'jsmith' })).status).toBe(403);
  expect((await srv.call('GET', `/deals/${hidden.id}.xml`, { as: 'anonymous' })).status).toBe(401);
});

test('PUT /deals/{id}: 204 and the status, probability and price change; 422 changes nothing', async () => {
  const deal = srv.state.deals.find((d) => openIds().has(d.status_id))!;
  const won = srv.state.dealStatuses.find((s) => s.status_type === 1)!;
  const res = await srv.call('PUT', `/deals/${deal.id}.json`, {
    body: { deal: { status_id: won.id, probability: 100, price: '118500' } },
  });
  expect([res.status, res.text]).toEqual([204, '']);
  const shown = (await srv.call('GET', `/deals/${deal.id}.json`)).json<{ deal: Json }>().deal;
  expect(shown).toMatchObject({ status: { id: won.id, name: won.name }, probability: 100, price: '118500.0' });
  expect(await ids('')).not.toContain(deal.id);
  const before = snapshot();
  const xml = await srv.call('PUT', `/deals/${deal.id}.xml`, {
    body: '<deal><name></name><price>cheap</price></deal>',
    headers: XML,
  });
  expect(xml.status).toBe(422);
  expect(xml.text).toContain('<error>Name cannot be blank</error><error>Price is not a number</error>');
  expect((await srv.call('PUT', '/deals/99999.json', { body: { deal: { name: 'x' } } })).status).toBe(404);
  expect(snapshot()).toBe(before);
});

test('deal permissions and delete: Developer edits but cannot delete; 204 deletes the deal and its notes', async () => {
  const deal = srv.state.deals.find((d) => d.project_id === srv.projects.privateMine.id) as Deal;
  const note = await srv.call('POST', '/notes.json', {
    body: { source_type: 'Deal', source_id: deal.id, note: { content: 'Will be deleted with the deal.' } },
  });
  expect(note.status).toBe(201);
  const edit = await srv.call('PUT', `/deals/${deal.id}.json`, {
    as: 'jsmith',
    body: { deal: { background: 'Edited' } },
  });
  expect(edit.status).toBe(204);
  expect((await srv.call('DELETE', `/deals/${deal.id}.json`, { as: 'jsmith' })).status).toBe(403);
  expect((await srv.call('DELETE', `/deals/${deal.id}.json`, { as: 'anonymous' })).status).toBe(401);
  const res = await srv.call('DELETE', `/deals/${deal.id}.xml`);
  expect([res.status, res.text]).toEqual([204, '']);
  expect((await srv.call('GET', `/deals/${deal.id}.json`)).status).toBe(404);
  expect(srv.state.notes.get(locationId(note))).toBeUndefined();
  expect(srv.state.notes.all((n) => n.source_type === 'Deal' && n.source_id === deal.id)).toEqual([]);
  expect((await srv.call('DELETE', `/deals/${deal.id}.json`)).status).toBe(404);
});

test('no response broke the specification', () => {
  expect(srv.ts.violations()).toEqual([]);
});
