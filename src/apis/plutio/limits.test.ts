import { afterEach, expect, test } from 'vitest';
import { createPlutioDomain } from './domain/index.js';
import { PLUTIO_TEXT_MAX } from './domain/rules/text-limits.js';
import { type PlutioTestServer, startPlutio } from './test-support.js';

let s: PlutioTestServer | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
});

const person = (first: string) => ({ name: { first, last: 'Bound' }, role: 'client' });

test('a person past --max-records is 400 in Plutio form; a deletion makes room', async () => {
  s = await startPlutio({ plutioRateLimit: 0, plutioPeople: 40, maxRecords: 40 });
  const srv = s;
  expect(srv.domain().workspaceFor('acme').count('people')).toBe(40);
  const refused = await srv.call('POST', '/people', { body: person('Extra') });
  expect(refused.status).toBe(400);
  expect(refused.body).toEqual({
    statusCode: 400,
    code: 400,
    message: 'People cannot hold more than 40 records (--max-records).',
  });
  expect(srv.domain().workspaceFor('acme').count('people')).toBe(40);

  const victim = srv.domain().workspaceFor('acme').list('people', { limit: '1' })[0] as { _id: string };
  expect((await srv.call('DELETE', '/people', { body: { _id: victim._id } })).status).toBe(200);
  expect((await srv.call('POST', '/people', { body: person('Extra') })).status).toBe(200);
});

test('--plutio-people above --max-records stops the start with a message naming both flags', async () => {
  await expect(startPlutio({ plutioPeople: 60, maxRecords: 50 })).rejects.toThrow(
    '--plutio-people 60 is more than --max-records 50: raise --max-records',
  );
});

test('strings longer than 65,536 characters are 400 naming the field, on create and on update', async () => {
  s = await startPlutio({ plutioRateLimit: 0 });
  const srv = s;
  const longest = await srv.call('POST', '/people', { body: person('x'.repeat(PLUTIO_TEXT_MAX)) });
  expect(longest.status).toBe(200);
  const tooLong = await srv.call('POST', '/people', { body: person('x'.repeat(PLUTIO_TEXT_MAX + 1)) });
  expect(tooLong.status).toBe(400);
  expect(tooLong.body.message).toBe('name.first must be at most 65536 characters long.');
  const update = await srv.call('PUT', '/people', {
    body: { _id: longest.body._id, contactEmails: [{ address: 'a@example.com', type: 'x'.repeat(70_000) }] },
  });
  expect(update.status).toBe(400);
  expect(update.body.message).toBe('contactEmails[0].type must be at most 65536 characters long.');
});

test('writes that would take all businesses past --max-state-size are refused and change nothing', () => {
  const seeded = createPlutioDomain();
  const seedBytes = seeded.businesses.reduce((sum, b) => sum + seeded.workspaceFor(b).bytes, 0);
  const domain = createPlutioDomain({ limits: { maxRecords: 10_000, maxBytes: seedBytes + 2_000 } });
  const acme = domain.workspaceFor('acme');
  const before = acme.count('people');
  let error: unknown;
  try {
    for (let i = 0; i < 100; i++)
      domain.workspaceFor(i % 2 ? 'acme' : 'globex').create('people', person('y'.repeat(200)));
  } catch (err) {
    error = err;
  }
  expect((error as Error).message).toBe(
    `People cannot be stored: the state would exceed ${seedBytes + 2_000} bytes (--max-state-size).`,
  );
  const total = domain.businesses.reduce((sum, b) => sum + domain.workspaceFor(b).bytes, 0);
  expect(total).toBeLessThanOrEqual(seedBytes + 2_000);
  expect(acme.count('people')).toBeGreaterThan(before);
});

test('an imported state obeys the caps: too many records in a collection is refused, nothing changes', () => {
  const snapshot = createPlutioDomain().exportState();
  const acme = snapshot.workspaces.acme as { collections: Record<string, unknown[]> };
  const largest = Math.max(...Object.values(acme.collections).map((records) => records.length));
  const domain = createPlutioDomain({ limits: { maxRecords: largest, maxBytes: 1e9 } });
  const people = acme.collections.people as Array<Record<string, unknown>>;
  const template = people[0] as Record<string, unknown>;
  for (let i = people.length; i <= largest; i++) people.push({ ...template, _id: `zz${String(i).padStart(15, '0')}` });
  const count = domain.workspaceFor('acme').count('people');
  expect(() => domain.importState(snapshot)).toThrow(
    `People cannot hold more than ${largest} records (--max-records) in acme`,
  );
  expect(domain.workspaceFor('acme').count('people')).toBe(count);
});
