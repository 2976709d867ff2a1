import { expect, test } from 'vitest';
import { bindXml, parseXmlDocument, serializeXml } from './xml.js';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const attr = (type: unknown) => ({ type, xml: { attribute: true } });
const IdName = { type: 'object', properties: { id: attr('integer'), name: attr('string') } };
const wrapped = (items: object) => ({ type: 'array', xml: { wrapped: true }, items });

const Company = {
  type: 'object',
  xml: { name: 'company' },
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    address2: { type: ['string', 'null'] },
    is_company: { type: 'boolean' },
    price: { type: ['number', 'null'] },
    author: IdName,
    mails: wrapped({ type: 'string', xml: { name: 'mail' } }),
    phones: wrapped({
      type: 'object',
      xml: { name: 'phone' },
      properties: { kind: attr('string'), value: attr('string') },
    }),
    custom_fields: wrapped({
      type: 'object',
      xml: { name: 'custom_field' },
      properties: {
        id: attr('integer'),
        name: attr('string'),
        multiple: attr('boolean'),
        value: {
          oneOf: [
            { type: ['string', 'null'] },
            { type: 'array', xml: { wrapped: true }, items: { type: 'string', xml: { name: 'value' } } },
          ],
        },
      },
    }),
    avatar: { type: 'object', properties: { attachment_id: attr('integer') } },
  },
};

test('writes Redmine style: declaration, no whitespace, attributes, type="array", null and empty string', () => {
  const company = {
    id: 7,
    name: 'Planio GmbH',
    address2: null,
    is_company: true,
    price: 1.5,
    author: { id: 4, name: 'Bezrukov Kirill' },
    mails: ['support@plan.io'],
    phones: [{ kind: 'work', value: '+49 (30) 577 0000-0' }],
    custom_fields: [
      { id: 1, name: 'License', value: '' },
      { id: 2, name: 'DB', multiple: true, value: ['MySQL', 'Oracle'] },
      { id: 3, name: 'Empty', multiple: true, value: [] },
      { id: 4, name: 'Unset', value: null },
    ],
    avatar: { attachment_id: 39 },
  };
  expect(serializeXml(company, Company)).toBe(
    `${DECL}<company><id>7</id><name>Planio GmbH</name><address2/><is_company>true</is_company><price>1.5</price>` +
      '<author id="4" name="Bezrukov Kirill"/><mails type="array"><mail>support@plan.io</mail></mails>' +
      '<phones type="array"><phone kind="work" value="+49 (30) 577 0000-0"/></phones><custom_fields type="array">' +
      '<custom_field id="1" name="License"><value></value></custom_field>' +
      '<custom_field id="2" name="DB" multiple="true"><value type="array"><value>MySQL</value><value>Oracle</value></value></custom_field>' +
      '<custom_field id="3" name="Empty" multiple="true"><value type="array"></value></custom_field>' +
      '<custom_field id="4" name="Unset"><value/></custom_field></custom_fields><avatar attachment_id="39"/></company>',
  );
});

test('follows schema property order, then writes extra keys generically', () => {
  const value = { tags: ['a', 'b'], name: 'n', id: 1, extra: { deep: null } };
  expect(serializeXml(value, Company)).toBe(
    `${DECL}<company><id>1</id><name>n</name><tags type="array"><tag>a</tag><tag>b</tag></tags><extra><deep/></extra></company>`,
  );
});

test('leaves out null attributes and writes references without children as self-closing', () => {
  expect(serializeXml({ author: { id: 4, name: null } }, Company)).toBe(`${DECL}<company><author id="4"/></company>`);
});

test('escapes text like Builder and attributes with quotes and newlines', () => {
  const value = { name: `a & b <c> "d" 'e'\r\n`, author: { id: 1, name: 'x "y" & <z>\n\tw' } };
  const xml = serializeXml(value, Company);
  expect(xml).toBe(
    `${DECL}<company><name>a &amp; b &lt;c&gt; "d" 'e'&#13;\n</name>` +
      '<author id="1" name="x &quot;y&quot; &amp; &lt;z&gt;&#10;&#9;w"/></company>',
  );
  expect(bindXml(parseXmlDocument(xml), Company)).toEqual(value);
});

test('replaces characters XML cannot carry', () => {
  expect(serializeXml({ name: 'a\u0001b\ud800' }, Company)).toBe(`${DECL}<company><name>a*b*</name></company>`);
});

test('takes the root name from options and refuses a schema without one', () => {
  expect(serializeXml({ id: 1 }, IdName, { rootName: 'author' })).toBe(`${DECL}<author id="1"/>`);
  expect(() => serializeXml({ id: 1 }, IdName)).toThrow(/xml.name/);
});

test('writes list roots with meta attributes first and type="array" last, even when empty', () => {
  const List = {
    type: 'object',
    xml: { name: 'companies' },
    properties: {
      type: { type: 'string', const: 'array', xml: { attribute: true } },
      total_count: attr('integer'),
      offset: attr('integer'),
      limit: attr('integer'),
      companies: { type: 'array', items: Company },
    },
  };
  expect(serializeXml({ type: 'array', total_count: 0, offset: 0, limit: 25, companies: [] }, List)).toBe(
    `${DECL}<companies total_count="0" offset="0" limit="25" type="array"></companies>`,
  );
  expect(serializeXml({ companies: [{ id: 1 }] }, List)).toBe(
    `${DECL}<companies type="array"><company><id>1</id></company></companies>`,
  );
});

test('round-trips schema-conforming values', () => {
  const values = [
    { id: 1, name: 'Ünïcödé ☺ 𝄞', address2: '', is_company: false, price: null },
    { mails: [], phones: [], custom_fields: [] },
    { name: '  padded  ', price: -0.25, author: { id: 2, name: '' } },
    {
      custom_fields: [
        { id: 1, name: 'n', value: 'a&b' },
        { id: 2, name: 'm', multiple: true, value: ['<x>'] },
      ],
    },
    { name: ']]> <![CDATA[ x', avatar: { attachment_id: 0 } },
  ];
  for (const value of values) {
    const xml = serializeXml(value, Company);
    expect(bindXml(parseXmlDocument(xml), Company), xml).toEqual(value);
  }
});

test('prints float-format integral numbers like Ruby and reads them back', () => {
  const Hours = { type: 'object', xml: { name: 'h' }, properties: { hours: { type: 'number', format: 'float' } } };
  expect(serializeXml({ hours: 2 }, Hours)).toBe(`${DECL}<h><hours>2.0</hours></h>`);
  expect(serializeXml({ hours: 2.5 }, Hours)).toBe(`${DECL}<h><hours>2.5</hours></h>`);
  expect(bindXml(parseXmlDocument(serializeXml({ hours: 2 }, Hours)), Hours)).toEqual({ hours: 2 });
});

test('reuses the per-schema plan across calls (same output, no per-call setup)', () => {
  const value = { id: 1, name: 'x', mails: ['a'] };
  const first = serializeXml(value, Company);
  const start = performance.now();
  for (let i = 0; i < 5000; i++) serializeXml(value, Company);
  expect(performance.now() - start).toBeLessThan(1000);
  expect(serializeXml(value, Company)).toBe(first);
});
