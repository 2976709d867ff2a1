import fc from 'fast-check';
import { ownObject } from './mutate.js';

/** Operators that run code or are not allow-listed: the server must refuse them, never evaluate them. */
export const CODE_OPERATORS = [
  '$where',
  '$function',
  '$accumulator',
  '$expr',
  '$jsonSchema',
  '$text',
  '$mod',
  '$lookup',
];

/** A JavaScript payload that would flip a global flag if anything evaluated it. */
export const CODE_PAYLOAD = 'globalThis.__crmkitExecuted = true; return true;';

/** Regular expressions that backtrack catastrophically on `aaaa…!`, plus malformed and oversized ones. */
export const EVIL_REGEXES = [
  '(a+)+$',
  '(a|aa)*$',
  '(\\w?)+x',
  '([a-z]+)*$',
  '(.*a){25}',
  '^(a|a?)+$',
  '(\\d+)*[a-z]',
  '(a)\\1+',
  '[',
  'a{1,99999}{1,99999}',
  'x'.repeat(300),
];

const field = fc.constantFrom(
  'name',
  'name.first',
  'title',
  'status',
  '_id',
  'createdAt',
  'tags',
  '__proto__',
  'constructor.prototype',
  'a..b',
  '',
  'x'.repeat(300),
);

const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null));

const allowed = fc.oneof(
  fc.record({ $eq: scalar }),
  fc.record({ $ne: scalar }),
  fc.record({ $gt: scalar }),
  fc.record({ $in: fc.array(scalar, { maxLength: 4 }) }),
  fc.record({ $nin: fc.oneof(fc.array(scalar, { maxLength: 3 }), scalar) }),
  fc.record({ $exists: fc.oneof(fc.boolean(), scalar) }),
  fc.record({ $size: fc.oneof(fc.nat(5), fc.integer({ min: -3, max: 3 }), fc.string({ maxLength: 3 })) }),
  fc.record({ $regex: fc.oneof(fc.constantFrom(...EVIL_REGEXES), fc.string({ maxLength: 10 })) }),
  fc.record({ $regex: fc.constantFrom('^a', 'e$'), $options: fc.constantFrom('i', 'x', 'g', 'ims') }),
  fc.record({ $type: fc.oneof(fc.constantFrom('string', 'number'), fc.jsonValue({ maxDepth: 1 })) }),
);

const forbidden = fc
  .constantFrom(...CODE_OPERATORS)
  .map((op) =>
    ownObject(op, op === '$function' ? { body: `function() { ${CODE_PAYLOAD} }`, args: [], lang: 'js' } : CODE_PAYLOAD),
  );

/** A random MongoDB query (an object), built from fields, allowed and refused operators and logical nesting. */
export const mongoQuery: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown; logic: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(field, fc.oneof(scalar, allowed, forbidden)).map(([k, v]) => ownObject(k, v)),
    forbidden,
    tie('logic'),
  ),
  logic: fc
    .tuple(fc.constantFrom('$and', '$or', '$nor', '$not', '$elemMatch'), fc.array(tie('node'), { maxLength: 3 }))
    .map(([op, items]) => ownObject(op, op === '$not' || op === '$elemMatch' ? (items[0] ?? {}) : items)),
})).node;

/** A `$and` nested `depth` levels deep. */
export function nestedQuery(depth: number): unknown {
  let q: unknown = { name: 'x' };
  for (let i = 0; i < depth; i++) q = { $and: [q] };
  return q;
}

/** The text of a `q` parameter: usually JSON of a random query, sometimes deep, invalid or not an object. */
export const qParameter: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: mongoQuery.map((q) => JSON.stringify(q)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200 }).map((d) => JSON.stringify(nestedQuery(d))) },
  { weight: 1, arbitrary: fc.constantFrom('{', '[]', '"x"', '1', 'null', '{"$where": "sleep(10000)"}', '{"a":') },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
);
