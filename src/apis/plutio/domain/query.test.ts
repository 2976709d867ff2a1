import { expect, test } from 'vitest';
import { parseListQuery } from './query.js';

const people = [
  { _id: 'a', name: { first: 'Leo', last: 'Doe' }, role: 'team', age: 41, active: true, tags: ['vip'] },
  { _id: 'b', name: { first: 'leo', last: 'Roe' }, role: 'client', age: '41', active: 'true', tags: [] },
  { _id: 'c', name: { first: 'Ann', last: 'Doe' }, role: 'client', age: 29, active: false, contributors: ['x', 'y'] },
];
const ids = (params: Record<string, unknown>) => {
  const { predicate } = parseListQuery(params);
  return people.filter((p) => !predicate || predicate(p)).map((p) => p._id);
};

test('basic filters: dot paths, equality, array elements', () => {
  expect(ids({ 'name.first': 'leo' })).toEqual(['b']);
  expect(ids({ 'name.last': 'Doe', role: 'client' })).toEqual(['c']);
  expect(ids({ contributors: 'y' })).toEqual(['c']);
  expect(ids({ tags: 'vip' })).toEqual(['a']);
});

test('basic filters coerce booleans and numbers and still match the raw string', () => {
  expect(ids({ age: '41' })).toEqual(['a', 'b']);
  expect(ids({ active: 'true' })).toEqual(['a', 'b']);
  expect(ids({ active: 'false' })).toEqual(['c']);
  expect(ids({ role: ['team', 'nobody'] })).toEqual(['a']);
});

test('q combines with filters; skip, limit and sort are not filters', () => {
  expect(ids({ q: '{"$or":[{"name.first":"Ann"},{"name.last":"Roe"}]}' })).toEqual(['b', 'c']);
  expect(ids({ q: '{"age":{"$gte":30}}', role: 'team' })).toEqual(['a']);
  expect(
    ids({ q: '{"name.first":{"$regex":"^LE","$options":"i"}}', skip: '0', limit: '10', sort: '-createdAt' }),
  ).toEqual(['a', 'b']);
  expect(ids({ q: '' })).toEqual(['a', 'b', 'c']);
  const parsed = parseListQuery({ _id: ['a', 'b'], skip: '1', limit: '5000' });
  expect(parsed).toMatchObject({ skip: 1, limit: 1000, ids: ['a', 'b'], filters: { _id: ['a', 'b'] } });
});

test('errors are 400s', () => {
  expect(() => parseListQuery({ q: '{"a":{"$expr":1}}' })).toThrow('Unsupported query operator: $expr.');
  expect(() => parseListQuery({ q: 'not json' })).toThrow('Invalid query: q must be valid JSON.');
  expect(() => parseListQuery({ skip: 'x' })).toThrow('Invalid skip: must be a non-negative integer.');
});
