import { expect, test } from 'vitest';
import { Prng } from '../../../../store/prng.js';
import type { JsonObject } from '../json.js';
import { compileCriteria } from './compile.js';
import { compileWithMingo } from './mingo-query.js';

const SCALARS = [0, 1, 2, -1, 1.5, '1', '2', 'a', 'b', 'A', '', true, false, 'true', null];
const FIELDS = ['x', 'y', 'o.x', 'o.y', 'arr', 'arr.x', 'arr.0', 'arr.0.x', 'o.arr.x'];

function randomValue(prng: Prng, depth: number): unknown {
  const roll = prng.next();
  if (depth > 2 || roll < 0.55) return prng.pick(SCALARS);
  if (roll < 0.8) return Array.from({ length: prng.int(0, 3) }, () => randomValue(prng, depth + 1));
  return randomObject(prng, depth + 1);
}

function randomObject(prng: Prng, depth: number): JsonObject {
  const obj: JsonObject = {};
  for (const key of ['x', 'y', 'o', 'arr']) if (prng.chance(0.6)) obj[key] = randomValue(prng, depth);
  return obj;
}

function randomCondition(prng: Prng): unknown {
  const v = prng.pick(SCALARS);
  const strOrNum = prng.pick([1, 2, 'a', 'b', 0]);
  switch (prng.int(0, 9)) {
    case 0:
      return v;
    case 1:
      return { $ne: v };
    case 2:
      return { [prng.pick(['$gt', '$gte', '$lt', '$lte'])]: strOrNum };
    case 3:
      return { [prng.pick(['$in', '$nin'])]: [prng.pick(SCALARS), prng.pick(SCALARS)] };
    case 4:
      return { $exists: prng.chance(0.5) };
    case 5:
      return { $regex: prng.pick(['^a', 'b', '^$', '1', 'A']), $options: prng.pick(['', 'i']) };
    case 6:
      return { $elemMatch: prng.chance(0.5) ? { $gt: 0 } : { x: prng.pick(SCALARS) } };
    case 7:
      return { $eq: v, $ne: prng.pick(SCALARS) };
    default:
      return { $gte: strOrNum, $lte: prng.pick([2, 'b']) };
  }
}

function randomQuery(prng: Prng, depth = 0): JsonObject {
  const q: JsonObject = {};
  for (let i = prng.int(1, 2); i > 0; i--) q[prng.pick(FIELDS)] = randomCondition(prng);
  if (depth < 2 && prng.chance(0.3)) {
    q[prng.pick(['$and', '$or', '$nor'])] = [randomQuery(prng, depth + 1), randomQuery(prng, depth + 1)];
  }
  return q;
}

test('the fast path agrees with mingo on 400 random queries over 60 random records', () => {
  const prng = Prng.fromSeed('differential');
  const records = Array.from({ length: 60 }, () => randomObject(prng, 0));
  let matches = 0;
  for (let i = 0; i < 400; i++) {
    const q = randomQuery(prng);
    const fast = compileCriteria(q);
    const reference = compileWithMingo(q);
    for (const r of records) {
      const expected = reference(r);
      if (expected) matches++;
      expect(fast(r), `${JSON.stringify(q)} on ${JSON.stringify(r)}`).toBe(expected);
    }
  }
  expect(matches).toBeGreaterThan(100);
});
