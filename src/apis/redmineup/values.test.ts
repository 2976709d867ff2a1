import { expect, test } from 'vitest';
import { mergeAddress, renderAddress } from './address.js';
import { xmlTagLists } from './contact-xml.js';
import { countryName } from './countries.js';
import { bool, commaList, decimalText, optionalDate, optionalId } from './input-values.js';
import { parseTime } from './note-input.js';
import { parseIdFilter } from './short-filter.js';
import { xmlIssues } from './test-support.js';

const admin = { user: null, switchedBy: null, via: 'anonymous' as const };

test('full_address joins the non-blank street1, street2, city, postcode, region and country name', () => {
  const a = mergeAddress(null, {
    street1: 'Calle Valencia, 87-89',
    city: 'Barcelona',
    postcode: '08029',
    country_code: 'es',
  });
  expect(a).toMatchObject({ country_code: 'ES', full_address: 'Calle Valencia, 87-89, Barcelona, 08029, Spain' });
  const b = mergeAddress(a, { street2: 'Floor 3', city: '' });
  expect(b.full_address).toBe('Calle Valencia, 87-89, Floor 3, 08029, Spain');
  expect(mergeAddress(null, {}).full_address).toBeNull();
  expect(renderAddress(b)).toEqual({
    full_address: 'Calle Valencia, 87-89, Floor 3, 08029, Spain',
    street: 'Calle Valencia, 87-89',
    city: '',
    region: null,
    country: 'Spain',
    country_code: 'ES',
    postcode: '08029',
  });
  expect(renderAddress(null)).not.toHaveProperty('country_code');
  expect([countryName('ru'), countryName('XX'), countryName(null)]).toEqual(['Russia', null, null]);
});

test('short filters: ids, me, alternatives, negation (empty values match), any and none', () => {
  const me = { user: { id: 2 }, switchedBy: null, via: 'key' } as unknown as Parameters<typeof parseIdFilter>[1];
  const values = [null, 1, 2, 3];
  const apply = (spec: string) => values.filter(parseIdFilter(spec, me) ?? (() => true));
  expect(apply('1')).toEqual([1]);
  expect(apply('me')).toEqual([2]);
  expect(apply('1|3')).toEqual([1, 3]);
  expect(apply('!1')).toEqual([null, 2, 3]);
  expect(apply('*')).toEqual([1, 2, 3]);
  expect(apply('!*')).toEqual([null]);
  expect(apply('abc')).toEqual([]);
  expect(parseIdFilter(' ', admin)).toBeUndefined();
  expect(values.filter(parseIdFilter('me', admin)!)).toEqual([]);
});

test('input values are read the way Rails casts them', () => {
  expect([bool('1'), bool('true'), bool(true), bool('0'), bool('false'), bool(''), bool(null)]).toEqual([
    true,
    true,
    true,
    false,
    false,
    false,
    false,
  ]);
  expect([optionalId(''), optionalId('12'), optionalId(7), Number.isNaN(optionalId('x1'))]).toEqual([
    null,
    12,
    7,
    true,
  ]);
  expect([optionalDate('2024-02-29'), optionalDate('2023-02-29'), optionalDate(null)]).toEqual([
    '2024-02-29',
    undefined,
    null,
  ]);
  expect(commaList(' vip, cold call ,, ')).toEqual(['vip', 'cold call']);
  expect(commaList(['vip', 'a,b'])).toEqual(['vip', 'a', 'b']);
});

test('prices render as Rails decimals; note times parse like Time.parse', () => {
  expect(['4800', '99.50', '0.125', '120000'].map(decimalText)).toEqual(['4800.0', '99.5', '0.13', '120000.0']);
  expect(parseTime('2026-11-20 14:30')).toBe('2026-11-20T14:30:00Z');
  expect(parseTime('2026-11-20T14:30:00+01:00')).toBe('2026-11-20T13:30:00Z');
  expect(parseTime('2026-11-20')).toBe('2026-11-20T00:00:00Z');
  expect(parseTime('soon')).toBeUndefined();
  expect(parseTime('2026-02-31 10:00')).toBeUndefined();
});

test('contact XML joins tag_list; the XML check of the tests catches a broken contact', () => {
  expect(xmlTagLists({ contact: { id: 1, tag_list: ['a', 'b'] } })).toEqual({ contact: { id: 1, tag_list: 'a, b' } });
  expect(xmlTagLists({ contacts: [{ tag_list: [] }] })).toEqual({ contacts: [{ tag_list: '' }] });
  const broken =
    '<?xml version="1.0" encoding="UTF-8"?><contact><id>1</id><is_company>false</is_company><tag_list>x</tag_list></contact>';
  expect(xmlIssues('/contacts/{contact_id}.{format}', 'get', 200, broken).map((i) => i.keyword)).toContain('required');
});
