import { expect, test } from 'vitest';
import { SchemaCompiler, toIssues } from './ajv.js';
import type { OperationInfo } from './operations.js';
import type { RoutedRequest } from './types.js';
import { validateParams } from './validate-params.js';
import { OperationValidator } from './validation.js';

const op: OperationInfo = {
  operationId: 'listThings',
  method: 'GET',
  path: '/things.{format}',
  parameters: [
    { name: 'format', in: 'path', required: true, explode: true, schema: { type: 'string', enum: ['json', 'xml'] } },
    { name: 'limit', in: 'query', required: false, explode: true, schema: { type: 'integer' } },
    {
      name: 'include',
      in: 'query',
      required: false,
      explode: false,
      schema: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
    },
    { name: 'X-Flag', in: 'header', required: false, explode: true, schema: { type: 'string', maxLength: 3 } },
  ],
  security: [],
  allowsAnonymous: true,
  responses: { '200': { content: {}, headers: [] } },
  raw: {},
};

const request = (rawQuery: Record<string, string>, headers: Record<string, string> = {}) =>
  ({ pathParams: { format: 'json' }, rawQuery, headers }) as unknown as RoutedRequest;

test('validators are compiled on first use and then reused', () => {
  const compiler = new SchemaCompiler(undefined);
  const v = new OperationValidator(op, compiler);
  expect(compiler.compiled).toBe(0);
  v.params('query', { limit: '5' });
  const afterFirst = compiler.compiled;
  for (let i = 0; i < 10; i++) v.params('query', { limit: String(i) });
  expect(afterFirst).toBe(1);
  expect(compiler.compiled).toBe(1);
  const schema = { type: 'object' };
  expect(compiler.validator(schema, false)).toBe(compiler.validator(schema, false));
});

test('query parameters are coerced; comma-separated arrays are split', () => {
  const v = new OperationValidator(op, new SchemaCompiler(undefined));
  const { params, query } = validateParams(v, request({ limit: '10', include: 'a,b', other: 'x' }), 'reject');
  expect(params).toEqual({ format: 'json' });
  expect(query).toEqual({ limit: 10, include: ['a', 'b'] });
});

test('invalid query values are refused in reject mode and dropped in ignore mode', () => {
  const v = new OperationValidator(op, new SchemaCompiler(undefined));
  expect(() => validateParams(v, request({ limit: 'abc' }), 'reject')).toThrow('invalid query parameter');
  expect(validateParams(v, request({ limit: 'abc', include: 'a' }), 'ignore').query).toEqual({ include: ['a'] });
});

test('header parameters are matched case-insensitively', () => {
  const v = new OperationValidator(op, new SchemaCompiler(undefined));
  expect(() => validateParams(v, request({}, { 'x-flag': 'toolong' }), 'reject')).toThrow('invalid header');
  expect(() => validateParams(v, request({}, { 'x-flag': 'ok' }), 'reject')).not.toThrow();
});

test('a reference cycle left by the dereferencer resolves against the components', () => {
  const components = {
    schemas: { Node: { type: 'object', properties: { child: { $ref: '#/components/schemas/Node' } } } },
  };
  const compiler = new SchemaCompiler(components);
  const validate = compiler.validator({ $ref: '#/components/schemas/Node' }, false);
  expect(validate({ child: { child: {} } })).toBe(true);
  expect(validate({ child: { child: 5 } })).toBe(false);
});

test('shared subschemas are compiled once and report and coerce exactly as when inlined', () => {
  const person = {
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string', minLength: 2 }, age: { type: 'integer' }, email: { format: 'email' } },
  };
  const body = { type: 'object', properties: { owner: person, members: { type: 'array', items: person } } };
  const shared = new SchemaCompiler(undefined, new Set([person]));
  const inlined = new SchemaCompiler(undefined);
  const value = () => ({ owner: { name: 'x', age: '7', email: 'nope' }, members: [{ age: 'old' }, { name: 'Al' }] });
  for (const coerce of [false, true]) {
    const a = value();
    const b = value();
    const viaRef = shared.validator(body, coerce);
    const inline = inlined.validator(body, coerce);
    expect(viaRef(a)).toBe(false);
    expect(inline(b)).toBe(false);
    expect(toIssues(viaRef.errors, 'body')).toEqual(toIssues(inline.errors, 'body'));
    expect(a).toEqual(b);
  }
  expect(shared.validator(person, false)({ name: 'Bo' })).toBe(true);
  expect(shared.compiled).toBe(3);
});
