import { expect, test } from 'vitest';
import { findSharedSchemas, forEachSubschema } from './subschemas.js';

test('subschemas are the values of schema keywords only, never of enum, const, default or example', () => {
  const a = { type: 'string' };
  const b = { type: 'integer' };
  const c = { type: 'boolean' };
  const schema = {
    properties: { a },
    items: b,
    anyOf: [c, a],
    enum: [{ type: 'x' }],
    const: { type: 'y' },
    default: { type: 'z' },
    example: { properties: {} },
    xml: { name: 'n' },
  };
  const seen: [unknown, string, string | number][] = [];
  forEachSubschema(schema, (sub, keyword, key) => seen.push([sub, keyword, key]));
  expect(seen).toEqual([
    [a, 'properties', 'a'],
    [b, 'items', ''],
    [c, 'anyOf', 0],
    [a, 'anyOf', 1],
  ]);
});

test('shared subschemas are those reached from several places and big enough to be worth a reference', () => {
  const person = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } } };
  const small = { type: 'string', format: 'email' };
  const one = { type: 'object', properties: { owner: person, email: small } };
  const two = { type: 'array', items: person, contains: small };
  const alone = { type: 'object', properties: { x: { type: 'object', properties: { y: {}, z: {} } } } };
  const shared = findSharedSchemas([one, two, alone], 3);
  expect([...shared]).toEqual([person]);
  expect(findSharedSchemas([person, one], 3).has(person)).toBe(true);
  expect(findSharedSchemas([one], 3).size).toBe(0);
});
