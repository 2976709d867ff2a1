import { expect, test } from 'vitest';
import { parseQuery, queryString } from './query.js';

test('parses flat keys as Rack does: + is a space, the last plain value wins, key[] collects a list', () => {
  const q = parseQuery('name=Ada+Lovelace&limit=5&limit=7&tag[]=a&tag[]=b%20c&f[name]=x&bad=%E0%A4%A');
  expect({ ...q }).toEqual({ name: 'Ada Lovelace', limit: '7', tag: ['a', 'b c'], 'f[name]': 'x', bad: '%E0%A4%A' });
  expect(queryString(q, 'tag')).toBe('b c');
  expect(parseQuery('')).toEqual({});
  expect({ ...parseQuery('flag&=v&&x=') }).toEqual({ flag: '', '': 'v', x: '' });
});

test('inherits nothing: __proto__, constructor and toString are ordinary keys or absent', () => {
  const q = parseQuery('__proto__=x&constructor[]=y');
  expect(Object.keys(q)).toEqual(['__proto__', 'constructor']);
  expect(Object.getOwnPropertyDescriptor(q, '__proto__')?.value).toBe('x');
  expect(q.constructor).toEqual(['y']);
  const empty = parseQuery('a=1');
  expect('toString' in empty).toBe(false);
  expect('hasOwnProperty' in empty).toBe(false);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  // The shared prototype cannot be changed through one query object.
  expect(() => {
    (Object.getPrototypeOf(empty) as Record<string, unknown>).polluted = 'yes';
  }).toThrow(TypeError);
  expect(parseQuery('b=2').polluted).toBeUndefined();
});
