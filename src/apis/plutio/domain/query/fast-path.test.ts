import { expect, test } from 'vitest';
import type { JsonObject } from '../json.js';
import { compileCriteria } from './compile.js';
import { compileWithMingo } from './mingo-query.js';

const RECORDS: JsonObject[] = [
  { _id: 'a', n: 1, s: 'Leo', b: true, tags: ['x', 'y'], name: { first: 'Leo', last: 'Doe' } },
  { _id: 'b', n: '1', s: 'leon', b: 'true', tags: [], name: { first: 'Ann' } },
  { _id: 'c', n: null, tags: ['y', ['z']], emails: [{ address: 'a@x.io', type: 'work' }, { address: 'b@x.io' }] },
  { _id: 'd', n: 5, s: '', emails: [{ address: 'c@x.io', type: 'home' }], nested: [[1, 2], [3]] },
  { _id: 'e', n: [1, 7], s: ['Leo', 'Max'], matrix: [{ v: [1, 2] }, { v: [3] }], deep: { a: [{ b: { c: 4 } }] } },
  {
    _id: 'f',
    customFields: [
      { _id: 'cf1', value: ['opt1', 'opt2'] },
      { _id: 'cf2', value: 'text' },
    ],
  },
  { _id: 'g', n: 2.5, s: 'Zed', b: false, name: null, tags: 'x' },
];

const QUERIES: JsonObject[] = [
  { n: 1 },
  { n: null },
  { n: { $ne: null } },
  { n: { $eq: 1 } },
  { n: { $ne: 1 } },
  { n: { $gt: 1 } },
  { n: { $gte: 1, $lt: 6 } },
  { n: { $lte: 2.5 } },
  { s: { $gt: 'L' } },
  { s: { $lt: 'Z' } },
  { b: true },
  { b: { $in: [true, 'true'] } },
  { n: { $in: [1, null] } },
  { n: { $nin: [1, 5] } },
  { tags: 'y' },
  { tags: 'z' },
  { tags: { $in: ['z'] } },
  { tags: { $exists: true } },
  { tags: { $exists: false } },
  { 'name.first': 'Leo' },
  { 'name.last': null },
  { 'name.first': { $regex: '^le', $options: 'i' } },
  { s: { $regex: '^$' } },
  { s: { $regex: 'a' } },
  { 'emails.address': 'b@x.io' },
  { 'emails.type': null },
  { 'emails.type': { $in: ['home', 'work'] } },
  { 'emails.0.address': 'a@x.io' },
  { emails: { $elemMatch: { type: 'work' } } },
  { emails: { $elemMatch: { address: { $regex: '^c' } } } },
  { n: { $elemMatch: { $gt: 5 } } },
  { 'matrix.v': 3 },
  { 'matrix.v': [3] },
  { nested: 3 },
  { nested: [3] },
  { 'deep.a.b.c': 4 },
  { 'deep.a.b.c': { $gte: 4 } },
  { 'customFields._id': 'cf1', 'customFields.value': 'opt2' },
  { customFields: { $elemMatch: { _id: 'cf1', value: 'opt1' } } },
  { $or: [{ 'name.first': 'Ann' }, { n: 5 }] },
  { $and: [{ n: { $exists: true } }, { s: { $exists: true } }] },
  { $nor: [{ n: 1 }, { s: 'Zed' }] },
  { n: { $not: { $gt: 2 } } },
  { tags: { $all: ['x', 'y'] } },
  { tags: { $size: 2 } },
  { n: { $type: 'number' } },
  { name: { first: 'Ann' } },
  { 'name.first': { $exists: true } },
  { s: { $in: ['Leo', 'Zed'] }, $or: [{ b: true }, { b: false }] },
];

test('the fast path answers exactly like mingo on every query and record', () => {
  for (const q of QUERIES) {
    const fast = compileCriteria(q);
    const reference = compileWithMingo(q);
    for (const record of RECORDS) {
      expect(fast(record), `${JSON.stringify(q)} on ${record._id}`).toBe(reference(record));
    }
  }
});

test('queries select the expected records', () => {
  const ids = (q: JsonObject) => RECORDS.filter(compileCriteria(q)).map((r) => r._id);
  expect(ids({ n: 1 })).toEqual(['a', 'e']);
  expect(ids({ 'emails.address': 'b@x.io' })).toEqual(['c']);
  expect(ids({ $or: [{ 'name.first': 'Ann' }, { n: 5 }] })).toEqual(['b', 'd']);
  expect(ids({ tags: { $size: 2 } })).toEqual(['a', 'c']);
});
