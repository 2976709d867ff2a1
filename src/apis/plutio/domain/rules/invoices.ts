import { badRequest } from '../errors.js';
import { isPlainObject, type JsonObject } from '../json.js';

/** Totals of an invoice computed from its line items. */
export interface InvoiceTotals {
  items: JsonObject[];
  subTotal: number;
  taxTotal: number;
  amount: number;
}

/** Rounds to cents. */
export const roundMoney = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;

/**
 * Validates inline line items `[{title, descriptionHTML?, quantity, amount, tax?}]` and computes the totals: each
 * item's `total` is quantity × amount, `subTotal` their sum, `taxTotal` the sum of each line times its `tax`
 * percentage, `amount` = subTotal + taxTotal. Items without `_id` get one from `newId`.
 * @see docs/sources.md#plutio-invoices — the server computes line totals, subtotal and total.
 * @throws PlutioError 400 naming the first invalid item field.
 */
export function computeInvoiceTotals(items: unknown, newId: () => string): InvoiceTotals {
  if (!Array.isArray(items)) throw badRequest('items must be an array.');
  let subTotal = 0;
  let taxTotal = 0;
  const out = items.map((item, i) => {
    if (!isPlainObject(item)) throw badRequest(`items[${i}] must be an object.`);
    const quantity = item.quantity ?? 1;
    const amount = item.amount ?? 0;
    const tax = item.tax ?? 0;
    for (const [name, value] of [
      ['quantity', quantity],
      ['amount', amount],
      ['tax', tax],
    ] as const) {
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw badRequest(`items[${i}].${name} must be a number.`);
    }
    if (item.title !== undefined && typeof item.title !== 'string')
      throw badRequest(`items[${i}].title must be a string.`);
    const total = roundMoney((quantity as number) * (amount as number));
    subTotal += total;
    taxTotal += (total * (tax as number)) / 100;
    return { _id: typeof item._id === 'string' ? item._id : newId(), ...item, quantity, amount, tax, total };
  });
  subTotal = roundMoney(subTotal);
  taxTotal = roundMoney(taxTotal);
  return { items: out, subTotal, taxTotal, amount: roundMoney(subTotal + taxTotal) };
}

/** Formats an invoice number as the product shows it by default: zero-padded to four digits. */
export function formatInvoiceNumber(n: number): string {
  return String(n).padStart(4, '0');
}
