import { expect, test } from 'vitest';
import { PlutioError } from '../errors.js';
import { ALLOWED_OPERATORS, parseQ } from './q-validate.js';

function errorOf(raw: string): PlutioError {
  try {
    parseQ(raw);
  } catch (err) {
    if (err instanceof PlutioError) return err;
  }
  throw new Error(`expected ${raw} to be refused`);
}

test('refuses code-running and unknown operators with a 400 naming the operator', () => {
  for (const op of ['$where', '$function', '$accumulator', '$expr', '$jsonSchema', '$mod', '$text', '$x']) {
    const err = errorOf(JSON.stringify({ a: { [op]: 1 } }));
    expect(err.status).toBe(400);
    expect(err.reason).toBe('unsupported_operator');
    expect(err.message).toBe(`Unsupported query operator: ${op}.`);
  }
  expect(errorOf('{"$where":"sleep(1000)"}').message).toContain('$where');
  expect(errorOf('{"$or":[{"a":{"$function":{}}}]}').message).toContain('$function');
});

test('refuses invalid JSON and non-object queries', () => {
  expect(errorOf('{name:1}').message).toBe('Invalid query: q must be valid JSON.');
  expect(errorOf('[1,2]').message).toBe('Invalid query: q must be a JSON object.');
  expect(errorOf('"x"').status).toBe(400);
});

test('enforces the depth and size limits', () => {
  let deep: unknown = { a: 1 };
  for (let i = 0; i < 20; i++) deep = { $and: [deep] };
  expect(errorOf(JSON.stringify(deep)).message).toMatch(/nesting deeper than 20/);
  const wide = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}`, i]));
  expect(errorOf(JSON.stringify(wide)).message).toMatch(/more than 200 values/);
  const ok = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, i]));
  expect(Object.keys(parseQ(JSON.stringify(ok)))).toHaveLength(150);
});

test('checks $regex patterns and $options', () => {
  expect(errorOf('{"a":{"$regex":"(a+)+$"}}').message).toMatch(/catastrophically/);
  expect(errorOf(JSON.stringify({ a: { $regex: 'x'.repeat(300) } })).message).toMatch(/longer than 256/);
  expect(errorOf('{"a":{"$regex":"x","$options":"g"}}').message).toMatch(/flag "g"/);
  expect(errorOf('{"a":{"$options":"i"}}').message).toMatch(/needs a \$regex/);
  expect(errorOf('{"a":{"$not":{"$regex":"(x*)*"}}}').message).toMatch(/catastrophically/);
});

test('checks operator argument shapes and field paths', () => {
  expect(errorOf('{"$or":[]}').message).toMatch(/non-empty array/);
  expect(errorOf('{"a":{"$in":"x"}}').message).toMatch(/expects an array/);
  expect(errorOf('{"a":{"$size":-1}}').message).toMatch(/non-negative integer/);
  expect(errorOf('{"a":{"$elemMatch":[1]}}').message).toMatch(/expects an object/);
  expect(errorOf('{"__proto__.x":1}').message).toMatch(/not allowed/);
  expect(errorOf('{"a..b":1}').message).toMatch(/empty segment/);
});

test('accepts every allowed operator', () => {
  const q = {
    $and: [{ a: { $eq: 1, $ne: 2, $gt: 0, $gte: 1, $lt: 5, $lte: 4, $in: [1], $nin: [3] } }],
    $or: [{ b: { $exists: true } }, { c: { $regex: '^x', $options: 'i' } }],
    $nor: [{ d: { $not: { $size: 2 } } }],
    e: { $elemMatch: { f: 1 } },
    g: { $all: ['x'] },
    h: { $type: 'string' },
  };
  expect(parseQ(JSON.stringify(q))).toEqual(q);
  expect(ALLOWED_OPERATORS.size).toBe(19);
});
