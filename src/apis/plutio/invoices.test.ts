import { afterAll, beforeAll, expect, test } from 'vitest';
import { type PlutioTestServer, startPlutio } from './test-support.js';

let s: PlutioTestServer;
let company: string;
beforeAll(async () => {
  s = await startPlutio({ plutioRateLimit: 0 });
  company = (await s.call('GET', '/companies?limit=1')).body[0]._id;
});
afterAll(async () => {
  expect(s.ts.violations()).toEqual([]);
  await s.close();
});

const items = [
  { title: 'Design', quantity: 3, amount: 95, tax: 10 },
  { title: 'Hosting', quantity: 1, amount: 19.99 },
];

test('the server computes line totals, subtotal, tax and amount; a new invoice is a numbered draft', async () => {
  const res = await s.call('POST', '/invoices', {
    body: { name: 'Website', client: { _id: company, entityType: 'company' }, currency: 'EUR', items },
  });
  expect(res.status, res.text).toBe(200);
  expect(res.body).toMatchObject({
    status: 'draft',
    currency: 'EUR',
    subTotal: 304.99,
    taxTotal: 28.5,
    amount: 333.49,
  });
  expect(res.body.invoiceId).toMatch(/^\d+$/);
  expect(res.body.items.map((i: { total: number }) => i.total)).toEqual([285, 19.99]);
  expect(res.body.items.every((i: { _id: string }) => /^[A-Za-z0-9]{17}$/.test(i._id))).toBe(true);
});

test('changing the items recomputes the totals; a status write is ignored', async () => {
  const created = await s.call('POST', '/invoices', { body: { name: 'Retainer', items } });
  const updated = await s.call('PUT', '/invoices', {
    body: { _id: created.body._id, status: 'paid', items: [{ title: 'Retainer', quantity: 1, amount: 1000, tax: 20 }] },
  });
  expect(updated.status).toBe(200);
  expect(updated.body).toMatchObject({ status: 'draft', subTotal: 1000, taxTotal: 200, amount: 1200 });
  const renamed = await s.call('PUT', '/invoices', { body: { _id: created.body._id, name: 'Monthly retainer' } });
  expect(renamed.body).toMatchObject({ name: 'Monthly retainer', amount: 1200, invoiceId: created.body.invoiceId });
});

test('invoice numbers increase; a failed create does not use one up', async () => {
  const first = await s.call('POST', '/invoices', { body: { name: 'One' } });
  const bad = await s.call('POST', '/invoices', { body: { name: 'Bad', items: [{ title: 'x', amount: 'ten' }] } });
  expect(bad.status).toBe(400);
  expect(bad.body.message).toContain('amount');
  const second = await s.call('POST', '/invoices', { body: { name: 'Two' } });
  expect(Number(second.body.invoiceId)).toBe(Number(first.body.invoiceId) + 1);
});

test('a client that does not exist is refused', async () => {
  const res = await s.call('POST', '/invoices', {
    body: { name: 'Nobody', client: { _id: 'zzzzzzzzzzzzzzzzz', entityType: 'person' } },
  });
  expect(res.status).toBe(400);
  expect(res.body.message).toContain('client._id');
});
