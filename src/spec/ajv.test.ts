import { expect, test } from 'vitest';
import { compileSchema, validateAgainst } from './ajv.js';

const Company = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  xml: { name: 'company' },
  example: { name: 'x' },
  properties: {
    name: { type: 'string' },
    id: { type: 'integer', format: 'int32' },
    kind: { type: 'string', enum: ['work', 'work_fax'] },
    mail: { type: 'string', format: 'email' },
    created_on: { type: 'string', format: 'date-time' },
    hours: { type: 'number', format: 'float' },
  },
};

test('compiles OpenAPI 3.1 schemas (xml, example keywords) and caches per schema object', () => {
  expect(compileSchema(Company)).toBe(compileSchema(Company));
  expect(validateAgainst(Company, { name: 'Planio GmbH', hours: 1.5, created_on: '2026-11-22T18:40:41Z' })).toEqual([]);
});

test('reports readable errors for every problem', () => {
  expect(
    validateAgainst(Company, { id: 2 ** 40, kind: 'home', mail: 'nope', created_on: 'yesterday', extra: 1 }),
  ).toEqual([
    "(root) must have required property 'name'",
    "(root) must NOT have additional properties ('extra')",
    '/id must match format "int32"',
    '/kind must be equal to one of the allowed values (work, work_fax)',
    '/mail must match format "email"',
    '/created_on must match format "date-time"',
  ]);
  expect(validateAgainst({ const: 'array' }, 'list')).toEqual(['(root) must be equal to constant ("array")']);
});

test('resolves references left in a dereferenced schema through the document root', () => {
  const doc = {
    components: {
      schemas: { Node: { type: 'object', properties: { child: { $ref: '#/components/schemas/Node' } } } },
    },
  };
  const schema = { type: 'object', properties: { root: { $ref: '#/components/schemas/Node' } } };
  expect(validateAgainst(schema, { root: { child: { child: {} } } }, doc)).toEqual([]);
  expect(validateAgainst(schema, { root: { child: { child: 3 } } }, doc)).toEqual(['/root/child/child must be object']);
});

test('accepts boolean schemas', () => {
  expect(validateAgainst(true, 'anything')).toEqual([]);
  expect(validateAgainst(false, 'anything')).toEqual(['(root) boolean schema is false']);
});
