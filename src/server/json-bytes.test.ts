import { expect, test, vi } from 'vitest';
import { jsonBytes } from './json-bytes.js';

const jsonText = (body: unknown) => jsonBytes(body).toString('utf8');

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
};

test('bodies of every kind are written exactly as JSON.stringify writes them', () => {
  const frozen = deepFreeze({ a: 1, b: [1, 'x', null, undefined], c: { d: undefined, e: true }, f: -0, g: 'é☃' });
  const bodies: unknown[] = [
    [],
    [frozen, frozen],
    frozen,
    [frozen, { open: 1 }],
    [frozen, undefined],
    { list: [frozen] },
    Object.freeze([Object.freeze({ when: new Date(0) })]),
    Object.freeze({ toJSON: () => 'custom' }),
    'text',
    42,
    null,
  ];
  for (const body of bodies) expect(jsonText(body)).toBe(JSON.stringify(body));
});

test('the text of a deep-frozen record is made once and reused', () => {
  const record = deepFreeze({ inner: { x: 1 }, n: 2 });
  const spy = vi.spyOn(JSON, 'stringify');
  expect(jsonBytes([record])).toBeInstanceOf(Buffer);
  try {
    expect(jsonText([record])).toBe('[{"inner":{"x":1},"n":2}]');
    expect(spy).toHaveBeenCalledTimes(1);
    expect(jsonText([record, record])).toBe('[{"inner":{"x":1},"n":2},{"inner":{"x":1},"n":2}]');
    expect(jsonText(record)).toBe('{"inner":{"x":1},"n":2}');
    expect(spy).toHaveBeenCalledTimes(1);
  } finally {
    spy.mockRestore();
  }
});

test('a frozen record with a mutable part is written afresh every time', () => {
  const tags = ['a'];
  const record = Object.freeze({ tags });
  expect(jsonText([record])).toBe('[{"tags":["a"]}]');
  tags.push('b');
  expect(jsonText([record])).toBe('[{"tags":["a","b"]}]');
});

test('a frozen record with an accessor is not reused', () => {
  let n = 0;
  const record = Object.freeze(
    Object.defineProperty({}, 'n', {
      enumerable: true,
      get: () => ++n,
    }),
  );
  expect(jsonText([record])).toBe('[{"n":1}]');
  expect(jsonText([record])).toBe('[{"n":2}]');
});

test('an array of the same records as a recent one reuses its bytes; another order does not', () => {
  const a = deepFreeze({ id: 'a' });
  const b = deepFreeze({ id: 'b' });
  const first = jsonBytes([a, b]);
  expect(jsonBytes([a, b])).toBe(first);
  expect(jsonText([b, a])).toBe('[{"id":"b"},{"id":"a"}]');
  expect(jsonText([a])).toBe('[{"id":"a"}]');
  expect(jsonText([a, b, a])).toBe('[{"id":"a"},{"id":"b"},{"id":"a"}]');
  expect(jsonBytes([a, b])).toBe(first);
});
