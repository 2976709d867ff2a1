import { expect, test } from 'vitest';
import { FormFormatError, nestParams, parseForm } from './form.js';

test('nests bracketed keys into hashes', () => {
  expect(parseForm('contact[first_name]=John&contact[last_name]=Smith&key=abc')).toEqual({
    contact: { first_name: 'John', last_name: 'Smith' },
    key: 'abc',
  });
  expect(parseForm('a[b][c]=1&a[b][d]=2')).toEqual({ a: { b: { c: '1', d: '2' } } });
});

test('collects [] keys into arrays and lets the last plain key win', () => {
  expect(parseForm('a[]=1&a[]=2&b=1&b=2')).toEqual({ a: ['1', '2'], b: '2' });
  expect(parseForm('company[project_ids][]=1&company[project_ids][]=5')).toEqual({
    company: { project_ids: ['1', '5'] },
  });
});

test('builds arrays of hashes, starting a new hash when a key repeats (Rack)', () => {
  const body =
    'contact[custom_fields][][id]=1&contact[custom_fields][][value]=v1&' +
    'contact[custom_fields][][id]=2&contact[custom_fields][][value]=v2&contact[custom_fields][][id]=3';
  expect(parseForm(body)).toEqual({
    contact: {
      custom_fields: [{ id: '1', value: 'v1' }, { id: '2', value: 'v2' }, { id: '3' }],
    },
  });
  expect(parseForm('x[][a][b]=1&x[][a][c]=2&x[][a][b]=3')).toEqual({
    x: [{ a: { b: '1', c: '2' } }, { a: { b: '3' } }],
  });
});

test('decodes + and percent-encoding in keys and values', () => {
  expect(parseForm('contact%5Bfirst_name%5D=J%C3%BCrgen+M%C3%BCller&q=a%2Bb%26c%3D')).toEqual({
    contact: { first_name: 'Jürgen Müller' },
    q: 'a+b&c=',
  });
});

test('handles empty bodies, empty pairs, missing values and odd keys like Rack', () => {
  expect(parseForm('')).toEqual({});
  expect(parseForm('&&a=1&&')).toEqual({ a: '1' });
  expect(parseForm('flag&empty=')).toEqual({ flag: null, empty: '' });
  expect(parseForm('=x&[]=y')).toEqual({});
  expect(parseForm('a[=1')).toEqual({ 'a[': '1' });
});

test('refuses conflicting key shapes and bad percent-encoding', () => {
  expect(() => parseForm('a=1&a[b]=2')).toThrow(FormFormatError);
  expect(() => parseForm('a[b]=1&a[]=2')).toThrow(/expected an array/);
  expect(() => parseForm('a=%E0%A4%A')).toThrow(/percent-encoding/);
});

test('drops prototype-polluting keys', () => {
  const params = parseForm('__proto__[polluted]=1&a[constructor][prototype][polluted]=1&a[ok]=1&prototype=2');
  expect(params).toEqual({ a: { ok: '1' } });
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(parseForm('toString=x&hasOwnProperty[]=y')).toEqual({ toString: 'x', hasOwnProperty: ['y'] });
});

test('enforces field count, depth and length limits', () => {
  expect(() => parseForm(Array.from({ length: 11 }, (_, i) => `f${i}=1`).join('&'), { maxFields: 10 })).toThrow(
    /more than 10 fields/,
  );
  expect(() => parseForm(`a${'[b]'.repeat(40)}=1`)).toThrow(/nested too deeply/);
  expect(parseForm(`a${'[b]'.repeat(20)}=1`)).toHaveProperty('a.b.b');
  expect(() => parseForm('a=12345', { maxLength: 3 })).toThrow(/longer than 3/);
});

test('nestParams takes decoded pairs (shared by multipart)', () => {
  expect(
    nestParams([
      ['contact[tag_list]', 'vip,cold call'],
      ['contact[custom_fields][][id]', '1'],
    ]),
  ).toEqual({ contact: { tag_list: 'vip,cold call', custom_fields: [{ id: '1' }] } });
});
