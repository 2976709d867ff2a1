import { expect, test } from 'vitest';
import { planLookups } from './eq-plan.js';

test('equalities and $in of scalars become lookups; the narrowest conjunct wins', () => {
  expect(planLookups({ 'contactEmails.address': 'a@x.io' })).toEqual([
    { path: 'contactEmails.address', values: ['a@x.io'] },
  ]);
  expect(planLookups({ role: { $in: ['client', 'lead'] }, status: { $eq: 'active' } })).toEqual([
    { path: 'status', values: ['active'] },
  ]);
  expect(planLookups({ $and: [{ n: { $gt: 1 } }, { n: 2 }] })).toEqual([{ path: 'n', values: [2] }]);
});

test('$or needs a lookup in every branch and unites them', () => {
  expect(planLookups({ $or: [{ a: 1 }, { b: { $in: [true, 'x'] } }] })).toEqual([
    { path: 'a', values: [1] },
    { path: 'b', values: [true, 'x'] },
  ]);
  expect(planLookups({ $or: [{ a: 1 }, { b: { $regex: 'x' } }] })).toBeUndefined();
  expect(planLookups({ $or: [{ a: 1 }, { b: 2 }], c: 3 })).toEqual([{ path: 'c', values: [3] }]);
});

test('nothing that can match a missing field or a non-scalar gives a lookup', () => {
  expect(planLookups({ a: null })).toBeUndefined();
  expect(planLookups({ a: { $in: ['x', null] } })).toBeUndefined();
  expect(planLookups({ a: { $in: [] } })).toBeUndefined();
  expect(planLookups({ a: { b: 1 } })).toBeUndefined();
  expect(planLookups({ a: { $ne: 1 } })).toBeUndefined();
  expect(planLookups({ $nor: [{ a: 1 }] })).toBeUndefined();
  expect(planLookups({ $or: [] })).toBeUndefined();
});
