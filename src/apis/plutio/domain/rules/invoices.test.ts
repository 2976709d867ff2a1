import { expect, test } from 'vitest';
import { computeInvoiceTotals, formatInvoiceNumber } from './invoices.js';

const ids = () => {
  let n = 0;
  return () => `id${++n}`;
};

test('totals: quantity × amount, per-line tax percentage, rounded to cents', () => {
  const totals = computeInvoiceTotals(
    [
      { title: 'A', quantity: 3, amount: 33.333, tax: 19 },
      { _id: 'keep', title: 'B', quantity: 0.5, amount: 10 },
    ],
    ids(),
  );
  expect(totals.subTotal).toBe(105);
  expect(totals.taxTotal).toBe(19);
  expect(totals.amount).toBe(124);
  expect(totals.items.map((i) => [i._id, i.total, i.tax])).toEqual([
    ['id1', 100, 19],
    ['keep', 5, 0],
  ]);
});

test('quantity defaults to 1, empty lists total zero, invalid fields are named', () => {
  expect(computeInvoiceTotals([{ amount: 7 }], ids()).amount).toBe(7);
  expect(computeInvoiceTotals([], ids())).toEqual({ items: [], subTotal: 0, taxTotal: 0, amount: 0 });
  expect(() => computeInvoiceTotals('x', ids())).toThrow('items must be an array.');
  expect(() => computeInvoiceTotals([1], ids())).toThrow('items[0] must be an object.');
  expect(() => computeInvoiceTotals([{ amount: 1, tax: '5' }], ids())).toThrow('items[0].tax must be a number.');
  expect(() => computeInvoiceTotals([{ amount: 1, title: 3 }], ids())).toThrow('items[0].title must be a string.');
  expect(formatInvoiceNumber(7)).toBe('0007');
  expect(formatInvoiceNumber(12345)).toBe('12345');
});
