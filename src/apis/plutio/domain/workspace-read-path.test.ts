import { expect, test } from 'vitest';
import { createPlutioDomain } from './domain.js';
import type { JsonObject } from './json.js';

const NOW = new Date('2022-09-02T10:00:00.000Z');
const workspace = (people?: number) => createPlutioDomain({ clock: () => NOW, people }).workspaceFor('acme');

test('readShared answers the stored records frozen: they cannot be changed, and reads still copy', () => {
  const ws = workspace();
  const shared = ws.readShared('companies', { limit: '1' }) as readonly JsonObject[];
  const [company] = shared as [JsonObject];
  expect(ws.read('companies', { limit: '1' })).toEqual(shared);
  expect(() => {
    company.title = 'mutated';
  }).toThrow(TypeError);
  expect(() => (company.people as string[]).push('x')).toThrow(TypeError);
  const copy = ws.get('companies', company._id as string);
  copy.title = 'changed copy';
  expect(ws.get('companies', company._id as string).title).toBe(company.title);
  expect(ws.readShared('companies', { _id: company._id })).toBe(company);
});

test('a shared record keeps its value after an update; the next read sees the new version', () => {
  const ws = workspace();
  const [person] = ws.readShared('people', { limit: '1' }) as [JsonObject];
  const before = JSON.stringify(person);
  ws.update('people', { _id: person._id, name: { first: 'Changed' } });
  expect(JSON.stringify(person)).toBe(before);
  expect(ws.readShared('people', { _id: person._id })).toMatchObject({ name: { first: 'Changed' } });
});

test('equality queries over a large collection stay right across creates, updates and deletes', () => {
  const ws = workspace(700);
  const q = (email: string) =>
    JSON.stringify({ $or: [{ 'contactEmails.address': email }, { 'contactPhones.number': '0' }] });
  const ids = (email: string) => ws.list('people', { q: q(email), limit: '1000' }).map((p) => p._id);
  const [last] = ws.list('people', { skip: String(ws.count('people') - 1) }) as [JsonObject];
  const email = (last.contactEmails as [{ address: string }])[0].address;
  for (let i = 0; i < 3; i++) expect(ids(email)).toEqual([last._id]);
  const created = ws.create('people', { name: { first: 'Twin' }, email });
  expect(ids(email)).toEqual([last._id, created._id]);
  expect(ids(email)).toEqual([last._id, created._id]);
  ws.update('people', { _id: last._id, contactEmails: [{ address: 'moved@example.com', type: 'work' }] });
  expect(ids(email)).toEqual([created._id]);
  expect(ids(email)).toEqual([created._id]);
  expect(ids('moved@example.com')).toEqual([last._id]);
  ws.remove('people', { _id: created._id });
  expect(ids(email)).toEqual([]);
  expect(ws.list('people', { role: 'client', q: q('moved@example.com') }).map((p) => p._id)).toEqual([last._id]);
});
