import { expect, test } from 'vitest';
import { bindXml, bindXmlGeneric, parseXmlDocument, XmlBindError, type XmlElement, XmlFormatError } from './xml.js';

const bind = (xml: string, schema: object) => bindXml(parseXmlDocument(xml), schema);
const attr = (type: unknown) => ({ type, xml: { attribute: true } });

const Phone = { type: 'object', xml: { name: 'phone' }, properties: { kind: attr('string'), value: attr('string') } };
const PlanioContact = {
  type: 'object',
  xml: { name: 'contact' },
  properties: {
    firstname: { type: 'string' },
    lastname: { type: 'string' },
    gender: { type: 'boolean' },
    mails: { type: 'array', xml: { wrapped: true }, items: { type: 'string', xml: { name: 'mail' } } },
    phones: { type: 'array', xml: { wrapped: true }, items: Phone },
  },
};

test('binds the Planio XML contact seed body (pretty-printed, attributes on phones)', () => {
  const seed = `<contact>
<firstname>Felix</firstname>
<lastname>Schäfer</lastname>
<gender>true</gender>
<mails type="array">
<mail>support@plan.io</mail>
<mail>kundenservice@plan.io</mail>
</mails>
<phones type="array">
<phone kind="work" value="+49 (30) 577 0000-0"/>
<phone kind="work_fax" value="+49 (30) 577 0000-99"/>
</phones>
</contact>`;
  expect(bind(seed, PlanioContact)).toEqual({
    firstname: 'Felix',
    lastname: 'Schäfer',
    gender: true,
    mails: ['support@plan.io', 'kundenservice@plan.io'],
    phones: [
      { kind: 'work', value: '+49 (30) 577 0000-0' },
      { kind: 'work_fax', value: '+49 (30) 577 0000-99' },
    ],
  });
});

const RedmineUpContactInput = {
  type: 'object',
  xml: { name: 'contact' },
  properties: {
    project_id: { type: ['integer', 'string'] },
    first_name: { type: 'string' },
    is_company: { type: 'boolean' },
    tag_list: { type: 'string' },
    address_attributes: {
      type: 'object',
      properties: { street1: { type: 'string' }, city: { type: 'string' }, country_code: { type: 'string' } },
    },
  },
};

test('binds the RedmineUP XML create bodies', () => {
  const curl =
    '<contact><first_name>API contact name</first_name><is_company>true</is_company><project_id>support</project_id></contact>';
  expect(bind(curl, RedmineUpContactInput)).toEqual({
    project_id: 'support',
    first_name: 'API contact name',
    is_company: true,
  });
  const page = `<?xml version="1.0"?>
<contact>
  <project_id>1</project_id>
  <first_name>John</first_name>
  <address_attributes>
    <street1>12, Street</street1>
    <city>Moscow</city>
    <country_code>RU</country_code>
  </address_attributes>
  <tag_list>vip,cold call</tag_list>
</contact>`;
  expect(bind(page, RedmineUpContactInput)).toEqual({
    project_id: 1,
    first_name: 'John',
    address_attributes: { street1: '12, Street', city: 'Moscow', country_code: 'RU' },
    tag_list: 'vip,cold call',
  });
});

test('refuses a root element other than the schema xml.name', () => {
  expect(() => bind('<company><name>x</name></company>', PlanioContact)).toThrow(XmlBindError);
  expect(() => bind('<company/>', PlanioContact)).toThrow(/expected root element <contact>/);
});

test('reads attributes from elements and elements from attributes (Rails accepts both)', () => {
  expect(bind('<phone><kind>work</kind><value>1</value></phone>', Phone)).toEqual({ kind: 'work', value: '1' });
  expect(bind('<contact firstname="Felix" gender="false"/>', PlanioContact)).toEqual({
    firstname: 'Felix',
    gender: false,
  });
});

const Scalars = {
  type: 'object',
  xml: { name: 's' },
  properties: {
    n: { type: 'integer' },
    f: { type: 'number' },
    b: { type: 'boolean' },
    s: { type: 'string' },
    ns: { type: ['string', 'null'] },
    ni: { type: ['integer', 'null'] },
    is: { type: ['integer', 'string'] },
  },
};

test('converts scalars by schema type and keeps text that does not convert', () => {
  const xml = '<s><n> 42 </n><f>-1.5e3</f><b>false</b><s>007</s><ns></ns><ni></ni><is>12</is></s>';
  expect(bind(xml, Scalars)).toEqual({ n: 42, f: -1500, b: false, s: '007', ns: '', ni: null, is: 12 });
  expect(bind('<s><n>abc</n><b>yes</b><f>1,5</f><is>007</is></s>', Scalars)).toEqual({
    n: 'abc',
    b: 'yes',
    f: '1,5',
    is: '007',
  });
  expect(bind('<s><s/><ns/><n/><s2 nil="true"/></s>', Scalars)).toMatchObject({ s: null, ns: null, n: null });
});

const CustomFieldValue = {
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
};

test('chooses the union branch from the element: custom field string, null, array and empty array', () => {
  const cf = (inner: string, extra = '') =>
    bind(`<custom_field id="1" name="DB"${extra}>${inner}</custom_field>`, CustomFieldValue);
  expect(cf('<value>x</value>')).toEqual({ id: 1, name: 'DB', value: 'x' });
  expect(cf('<value/>')).toEqual({ id: 1, name: 'DB', value: null });
  expect(cf('<value></value>')).toEqual({ id: 1, name: 'DB', value: '' });
  expect(cf('<value type="array"><value>MySQL</value><value>Oracle</value></value>', ' multiple="true"')).toEqual({
    id: 1,
    name: 'DB',
    multiple: true,
    value: ['MySQL', 'Oracle'],
  });
  expect(cf('<value type="array"></value>')).toEqual({ id: 1, name: 'DB', value: [] });
  expect(cf('<value type="array"/>')).toEqual({ id: 1, name: 'DB', value: [] });
});

test('converts union-typed attributes: custom field input id as integer or string', () => {
  const Input = { type: 'object', xml: { name: 'custom_field' }, properties: { id: attr(['integer', 'string']) } };
  expect(bind('<custom_field id="3"/>', Input)).toEqual({ id: 3 });
  expect(bind('<custom_field id="cf_3"/>', Input)).toEqual({ id: 'cf_3' });
});

test('keeps unknown elements generically unless additionalProperties is false', () => {
  const xml = '<phone kind="work" note="n"><ext>12</ext><tags type="array"><tag>a</tag></tags><ext>13</ext></phone>';
  expect(bind(xml, Phone)).toEqual({ kind: 'work', note: 'n', ext: ['12', '13'], tags: ['a'] });
  expect(bind(xml, { ...Phone, additionalProperties: false })).toEqual({ kind: 'work' });
  expect(bind(xml, { ...Phone, additionalProperties: { type: 'integer' } })).toMatchObject({ ext: [12, 13] });
});

test('binds list roots: empty lists, meta attributes and the type marker', () => {
  const List = {
    type: 'object',
    xml: { name: 'phones' },
    properties: { total_count: attr('integer'), phones: { type: 'array', items: Phone } },
  };
  expect(bind('<phones type="array" total_count="0"></phones>', List)).toEqual({ total_count: 0, phones: [] });
  expect(bind('<phones type="array"><phone kind="a"/><phone kind="b"/></phones>', List)).toEqual({
    phones: [{ kind: 'a' }, { kind: 'b' }],
  });
});

test('does not take a scalar sibling for the items of a wrapped array with the same item name', () => {
  const Input = {
    type: 'object',
    xml: { name: 'contact' },
    properties: {
      project_id: { type: ['integer', 'string'] },
      project_ids: { type: 'array', xml: { wrapped: true }, items: { type: 'integer', xml: { name: 'project_id' } } },
    },
  };
  expect(bind('<contact><project_id>support</project_id></contact>', Input)).toEqual({ project_id: 'support' });
  const both =
    '<contact><project_id>2</project_id><project_ids type="array"><project_id>1</project_id></project_ids></contact>';
  expect(bind(both, Input)).toEqual({ project_id: 2, project_ids: [1] });
  expect(bind('<contact><mails><mail>a@b.c</mail></mails></contact>', PlanioContact)).toEqual({ mails: ['a@b.c'] });
});

test('merges allOf branches', () => {
  const Status = {
    xml: { name: 'status' },
    allOf: [{ type: 'object', properties: { id: attr('integer') } }, { properties: { is_closed: attr('boolean') } }],
  };
  expect(bind('<status id="5" is_closed="true"/>', Status)).toEqual({ id: 5, is_closed: true });
});

test('keeps objects where the schema expects scalars so validation can reject them', () => {
  expect(bind('<s><n><x>1</x></n></s>', Scalars)).toEqual({ n: { x: '1' } });
  expect(bind('<contact><mails>text</mails></contact>', PlanioContact)).toEqual({ mails: 'text' });
});

test('bindXmlGeneric converts like Rails Hash.from_xml', () => {
  const root = parseXmlDocument(
    '<contact id="1"><name>A</name><none/><empty></empty><n type="integer">5</n><ok type="boolean">true</ok>' +
      '<list type="array"><item>x</item><item>y</item></list><nil nil="true">z</nil><ref id="2"/><p>1</p><p>2</p></contact>',
  );
  expect(bindXmlGeneric(root)).toEqual({
    id: '1',
    name: 'A',
    none: null,
    empty: '',
    n: 5,
    ok: true,
    list: ['x', 'y'],
    nil: null,
    ref: { id: '2' },
    p: ['1', '2'],
  });
  expect(bindXmlGeneric(parseXmlDocument('<a lang="en">text</a>'))).toEqual({ lang: 'en', __content__: 'text' });
});

test('never creates prototype keys, even from a hand-built tree', () => {
  const el = (name: string, text: string | null): XmlElement => ({
    name,
    attrs: Object.create(null),
    children: [],
    text,
    selfClosing: text === null,
  });
  const root = { ...el('a', null), children: [el('__proto__', '1'), el('constructor', '2'), el('ok', '3')] };
  expect(Object.keys(bindXmlGeneric(root) as object)).toEqual(['ok']);
  expect(Object.keys(bindXml(root, { type: 'object', xml: { name: 'a' } }) as object)).toEqual(['ok']);
  expect(() => parseXmlDocument('<a><constructor>1</constructor></a>')).toThrow(XmlFormatError);
});
