import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Contact } from './records.js';
import { type Json, parseXml, startRedmineUp, type UpTestServer, xmlIssues } from './test-support.js';

let srv: UpTestServer;
let jsmithId: number;

beforeAll(async () => {
  srv = await startRedmineUp();
  jsmithId = srv.state.users.find((u) => u.login === 'jsmith')?.id ?? 0;
});

afterAll(async () => {
  await srv.ts.close();
});

type ContactList = { contacts: Json[]; total_count: number; offset: number; limit: number };
const LIST = '/contacts.{format}';

/** Contacts jsmith may see, derived from the seeded roles (Manager of publicMine, Developer of privateMine). */
function visibleToJsmith(c: Contact): boolean {
  const { publicMine, privateMine } = srv.projects;
  const inMine = c.project_ids.some((id) => id === publicMine.id || id === privateMine.id);
  if (c.visibility === 1) return true;
  if (c.visibility === 0) return inMine;
  return c.author_id === jsmithId || c.assigned_to_id === jsmithId || c.project_ids.includes(publicMine.id);
}

const sortKey = (c: Contact) => [(c.last_name ?? '').toLowerCase(), c.first_name.toLowerCase()];
const byName = (a: Contact, b: Contact) => {
  const [x, y] = [sortKey(a), sortKey(b)];
  return x[0]! < y[0]! ? -1 : x[0]! > y[0]! ? 1 : x[1]! < y[1]! ? -1 : x[1]! > y[1]! ? 1 : a.id - b.id;
};

test('the seed has dozens of contacts: companies and people linked to them by company name', () => {
  const all = srv.state.contacts.all();
  expect(all.length).toBeGreaterThanOrEqual(36);
  const companies = all.filter((c) => c.is_company);
  expect(companies.length).toBeGreaterThanOrEqual(8);
  expect(
    all.filter((c) => !c.is_company && companies.some((co) => co.first_name === c.company)).length,
  ).toBeGreaterThan(20);
  expect(new Set(all.map((c) => c.visibility))).toEqual(new Set([0, 1, 2]));
});

test('GET /contacts.json as admin: every contact sorted by last then first name, 25 per page with meta', async () => {
  const res = await srv.call('GET', '/contacts.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const body = res.json<ContactList>();
  const expected = srv.state.contacts.all().sort(byName);
  expect([body.total_count, body.offset, body.limit]).toEqual([expected.length, 0, 25]);
  expect(body.contacts.map((c) => c.id)).toEqual(expected.slice(0, 25).map((c) => c.id));
  const company = body.contacts.find((c) => c.is_company) as Json;
  expect(company).toMatchObject({
    last_name: null,
    address: expect.objectContaining({ country_code: expect.any(String) }),
  });
  expect(company).not.toHaveProperty('projects');
  const stored = srv.state.contacts.get(company.id as number);
  expect(company.tag_list).toEqual(stored?.tags);
  expect(company.emails).toEqual([{ address: stored?.email }]);
});

test('GET /contacts.xml: contacts root with meta attributes, phones/emails arrays and tag_list text', async () => {
  const res = await srv.call('GET', '/contacts.xml?limit=3&offset=2');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
  const total = srv.state.contacts.size;
  expect(res.text).toMatch(
    new RegExp(
      `^<\\?xml version="1.0" encoding="UTF-8"\\?><contacts total_count="${total}" offset="2" limit="3" type="array"><contact><id>`,
    ),
  );
  expect(xmlIssues(LIST, 'get', 200, res.text)).toEqual([]);
  const doc = parseXml(res.text);
  const expected = srv.state.contacts.all().sort(byName).slice(2, 5);
  expect(doc.contacts.contact.map((c: Json) => Number(c.id))).toEqual(expected.map((c) => c.id));
  const tagged = srv.state.contacts.find((c) => c.tags.length >= 2) as Contact;
  const one = await srv.call('GET', `/contacts/${tagged.id}.xml`);
  expect(one.text).toContain(`<tag_list>${tagged.tags.join(', ')}</tag_list>`);
  const phoned = srv.state.contacts.find((c) => (c.phone ?? '').includes(',')) as Contact;
  const two = parseXml((await srv.call('GET', `/contacts/${phoned.id}.xml`)).text);
  expect(two.contact.phones.phone.map((p: Json) => p.number)).toEqual(phoned.phone?.split(', '));
});

test('paging: limit, offset, page, limit above 100 and offset past the end', async () => {
  const total = srv.state.contacts.size;
  const ids = srv.state.contacts
    .all()
    .sort(byName)
    .map((c) => c.id);
  const page2 = (await srv.call('GET', '/contacts.json?limit=10&page=2')).json<ContactList>();
  expect([page2.offset, page2.limit, page2.contacts.map((c) => c.id)]).toEqual([10, 10, ids.slice(10, 20)]);
  const big = (await srv.call('GET', '/contacts.json?limit=500')).json<ContactList>();
  expect([big.limit, big.contacts.length]).toEqual([100, total]);
  const past = (await srv.call('GET', '/contacts.json?offset=1000')).json<ContactList>();
  expect([past.contacts, past.total_count]).toEqual([[], total]);
});

test('nometa parameter and X-Redmine-Nometa header drop total_count, offset and limit', async () => {
  const json = (await srv.call('GET', '/contacts.json?nometa=1&limit=2')).json<Json>();
  expect(Object.keys(json)).toEqual(['contacts']);
  const xml = await srv.call('GET', '/contacts.xml?limit=1', { headers: { 'x-redmine-nometa': '1' } });
  expect(xml.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><contacts type="array"><contact>/);
});

test('filter project_id by id and by identifier; unknown project 404, invisible project 403/401', async () => {
  const { publicOther, privateOther } = srv.projects;
  const expected = srv.state.contacts.all((c) => c.project_ids.includes(publicOther.id)).map((c) => c.id);
  for (const value of [publicOther.id, publicOther.identifier]) {
    const body = (await srv.call('GET', `/contacts.json?project_id=${value}&limit=100`)).json<ContactList>();
    expect(body.contacts.map((c) => c.id).sort((a, b) => Number(a) - Number(b))).toEqual(expected);
  }
  expect((await srv.call('GET', '/contacts.json?project_id=no-such-project')).status).toBe(404);
  expect((await srv.call('GET', '/contacts.xml?project_id=9999')).status).toBe(404);
  expect((await srv.call('GET', `/contacts.json?project_id=${publicOther.id}&query_id=1`)).status).toBe(404);
  expect((await srv.call('GET', `/contacts.json?project_id=${privateOther.id}`, { as: 'jsmith' })).status).toBe(403);
  const anon = await srv.call('GET', `/contacts.json?project_id=${privateOther.identifier}`, { as: 'anonymous' });
  expect(anon.status).toBe(401);
});

test('GET /projects/{id}/contacts lists the project’s contacts; jsmith gets 403 where he has no CRM role', async () => {
  const { publicMine, publicOther } = srv.projects;
  const expected = srv.state.contacts.all((c) => c.project_ids.includes(publicMine.id));
  const res = await srv.call('GET', `/projects/${publicMine.identifier}/contacts.json?limit=100`);
  expect(res.status).toBe(200);
  expect(res.json<ContactList>().total_count).toBe(expected.length);
  const xml = await srv.call('GET', `/projects/${publicMine.id}/contacts.xml?limit=2`);
  expect(xml.status).toBe(200);
  expect(xmlIssues('/projects/{project_id}/contacts.{format}', 'get', 200, xml.text)).toEqual([]);
  expect((await srv.call('GET', `/projects/${publicOther.id}/contacts.json`, { as: 'jsmith' })).status).toBe(403);
  expect((await srv.call('GET', '/projects/nope/contacts.json')).status).toBe(404);
});

test('filter assigned_to_id: an id, me, several ids and negation', async () => {
  const ids = async (query: string, as: 'admin' | 'jsmith' = 'admin') =>
    (await srv.call('GET', `/contacts.json?limit=100&${query}`, { as }))
      .json<ContactList>()
      .contacts.map((c) => c.id as number)
      .sort((a, b) => a - b);
  const all = srv.state.contacts.all();
  const assigned = (pred: (id: number | null) => boolean) => all.filter((c) => pred(c.assigned_to_id)).map((c) => c.id);
  expect(await ids('assigned_to_id=1')).toEqual(assigned((id) => id === 1));
  expect(await ids('assigned_to_id=me')).toEqual(assigned((id) => id === 1));
  expect(await ids(`assigned_to_id=1|${jsmithId}`)).toEqual(assigned((id) => id === 1 || id === jsmithId));
  expect(await ids('assigned_to_id=!1')).toEqual(assigned((id) => id !== 1));
  const mine = all.filter((c) => c.assigned_to_id === jsmithId && visibleToJsmith(c)).map((c) => c.id);
  expect(await ids('assigned_to_id=me', 'jsmith')).toEqual(mine);
});

test('filter search: every word must match a name, company, e-mail, phone or job title (case-insensitive)', async () => {
  const person = srv.state.contacts.find((c) => !c.is_company && c.company !== null && c.last_name !== null) as Contact;
  const search = async (q: string) =>
    (await srv.call('GET', `/contacts.json?limit=100&search=${encodeURIComponent(q)}`)).json<ContactList>().contacts;
  const byLast = await search(person.last_name!.toUpperCase());
  expect(byLast.map((c) => c.id)).toContain(person.id);
  for (const c of byLast) expect(JSON.stringify(c).toLowerCase()).toContain(person.last_name!.toLowerCase());
  const both = await search(`${person.first_name} ${person.company}`);
  expect(both.map((c) => c.id)).toContain(person.id);
  for (const c of both) {
    expect([c.first_name, c.last_name, c.middle_name, c.company, c.job_title].join(' ')).toContain(person.first_name);
  }
  const domain = person.email!.split('@')[1] as string;
  expect((await search(domain)).map((c) => c.id)).toContain(person.id);
  const digits = srv.state.contacts.find((c) => c.phone !== null)?.phone?.split(', ')[0] as string;
  expect((await search(digits)).length).toBeGreaterThanOrEqual(1);
  expect(await search(`${person.first_name} zzzz-no-such-word`)).toEqual([]);
});

test('filter tags: every listed tag must be present', async () => {
  const tagged = srv.state.contacts.find((c) => c.tags.length >= 2) as Contact;
  const [a, b] = tagged.tags as [string, string];
  const list = async (tags: string) =>
    (await srv.call('GET', `/contacts.json?limit=100&tags=${encodeURIComponent(tags)}`))
      .json<ContactList>()
      .contacts.map((c) => c.id as number)
      .sort((x, y) => x - y);
  const having = (...names: string[]) =>
    srv.state.contacts.all((c) => names.every((n) => c.tags.includes(n))).map((c) => c.id);
  expect(await list(a)).toEqual(having(a));
  expect(await list(`${a},${b}`)).toEqual(having(a, b));
  expect((await list(`${a},${b}`)).length).toBeLessThanOrEqual((await list(a)).length);
  expect(await list('no-such-tag')).toEqual([]);
});

test('filters combine with paging: project, tag and page of one', async () => {
  const { publicMine } = srv.projects;
  const tag = srv.state.contacts.find((c) => c.project_ids.includes(publicMine.id) && c.tags.length > 0)?.tags[0];
  const expected = srv.state.contacts.all((c) => c.project_ids.includes(publicMine.id) && c.tags.includes(tag!));
  const body = (
    await srv.call('GET', `/contacts.json?project_id=${publicMine.id}&tags=${encodeURIComponent(tag!)}&limit=1`)
  ).json<ContactList>();
  expect([body.total_count, body.contacts.length]).toEqual([expected.length, 1]);
});

test('visibility: jsmith sees project contacts of his projects, public ones and the private ones he may see', async () => {
  const res = await srv.call('GET', '/contacts.json?limit=100', { as: 'jsmith' });
  const got = res
    .json<ContactList>()
    .contacts.map((c) => c.id as number)
    .sort((a, b) => a - b);
  const expected = srv.state.contacts.all(visibleToJsmith).map((c) => c.id);
  expect(got).toEqual(expected);
  expect(expected.length).toBeLessThan(srv.state.contacts.size);
  const hiddenPrivate = srv.state.contacts.find((c) => c.visibility === 2 && !visibleToJsmith(c)) as Contact;
  expect((await srv.call('GET', `/contacts/${hiddenPrivate.id}.json`, { as: 'jsmith' })).status).toBe(403);
  expect((await srv.call('GET', `/contacts/${hiddenPrivate.id}.json`)).status).toBe(200);
  const publicElsewhere = srv.state.contacts.find(
    (c) => c.visibility === 1 && !c.project_ids.some((id) => id === srv.projects.publicMine.id),
  ) as Contact;
  expect((await srv.call('GET', `/contacts/${publicElsewhere.id}.json`, { as: 'jsmith' })).status).toBe(200);
});

test('X-Redmine-Switch-User: an administrator acting as jsmith gets jsmith’s view', async () => {
  const hidden = srv.state.contacts.find((c) => !visibleToJsmith(c)) as Contact;
  const asJsmith = { headers: { 'x-redmine-switch-user': 'jsmith' } };
  expect((await srv.call('GET', `/contacts/${hidden.id}.json`, asJsmith)).status).toBe(403);
  const list = (await srv.call('GET', '/contacts.json?limit=100', asJsmith)).json<ContactList>();
  expect(list.total_count).toBe(srv.state.contacts.all(visibleToJsmith).length);
  expect((await srv.call('GET', '/contacts.json', { headers: { 'x-redmine-switch-user': 'nobody' } })).status).toBe(
    412,
  );
});

test('anonymous callers have no CRM role: the list and a contact answer 401 with the Basic challenge', async () => {
  const list = await srv.call('GET', '/contacts.json', { as: 'anonymous' });
  expect(list.status).toBe(401);
  expect(list.headers.get('www-authenticate')).toBe('Basic realm="Redmine API"');
  expect(list.text).toBe('');
  expect((await srv.call('GET', '/contacts/1.xml', { as: 'anonymous' })).status).toBe(401);
});

test('no response broke the specification', () => {
  expect(srv.ts.violations()).toEqual([]);
});
