import { expect, test, vi } from 'vitest';
import { SchemaCompiler } from '../../src/server/ajv.js';
import { validateAgainst } from '../../src/spec/ajv.js';
import { createSchemaValidator } from './schema-validator.js';

type Row = [schema: Record<string, unknown>, value: unknown, valid: boolean];

const int32 = { type: 'number', format: 'int32' };
const int64 = { type: 'number', format: 'int64' };
const dateTime = { type: 'string', format: 'date-time' };
const date = { type: 'string', format: 'date' };
const email = { type: 'string', format: 'email' };
const uri = { type: 'string', format: 'uri' };

/** Formats and OpenAPI keywords: what every validator of crmkit answers. */
const TABLE: Row[] = [
  [int32, 0, true],
  [int32, 2147483647, true],
  [int32, -2147483648, true],
  [int32, 2147483648, false],
  [int32, -2147483649, false],
  [int32, 1.5, false],
  [{ type: 'integer', format: 'int32' }, 2 ** 40, false],
  [int64, 2 ** 53, true],
  // The int64 limits as a JSON body carries them (they parse to ±2^63); the next double beyond is refused.
  [int64, JSON.parse('9223372036854775807'), true],
  [int64, JSON.parse('-9223372036854775808'), true],
  [int64, 2 ** 63 + 2048, false],
  [int64, 2 ** 64, false],
  [int64, 1.5, false],
  [{ type: 'number', format: 'float' }, 1.5, true],
  [{ type: 'number', format: 'double' }, -1e300, true],
  [{ type: 'string', format: 'byte' }, 'not base64!', true],
  [{ type: 'string', format: 'password' }, 'secret', true],
  [dateTime, '2026-11-22T18:40:41Z', true],
  [dateTime, '2026-11-22T18:40:41.123+02:00', true],
  [dateTime, '2026-11-22T18:40:41', false],
  [dateTime, '2026-02-30T00:00:00Z', false],
  [dateTime, 'yesterday', false],
  [date, '2024-02-29', true],
  [date, '2026-02-29', false],
  [date, '2026-11-22T18:40:41Z', false],
  [email, 'jsmith@example.net', true],
  [email, 'nope', false],
  [email, 'a@b', false],
  [uri, 'https://example.com/projects.json?limit=5', true],
  [uri, 'mailto:jsmith@example.net', true],
  [uri, 'example.com', false],
  [uri, '/projects.json', false],
  // OpenAPI keywords are annotations: `discriminator` does not choose a branch, `oneOf` alone decides.
  [
    {
      type: 'object',
      xml: { name: 'contact' },
      example: { kind: 'person' },
      externalDocs: { url: 'https://example.com' },
      discriminator: { propertyName: 'kind' },
      oneOf: [
        { properties: { kind: { const: 'person' } }, required: ['kind'] },
        { properties: { kind: { const: 'company' } }, required: ['kind'] },
      ],
    },
    { kind: 'company' },
    true,
  ],
];

const server = new SchemaCompiler(undefined);
const contract = createSchemaValidator({});

const answers = (schema: Record<string, unknown>, value: unknown) => ({
  server: server.validator(schema, false)(value),
  spec: validateAgainst(schema, value).length === 0,
  contract: contract.validate(schema, value).length === 0,
});

test.each(TABLE)('the server, the spec tests and the contract tests agree: %j on %j', (schema, value, valid) => {
  expect(answers(schema, value)).toEqual({ server: valid, spec: valid, contract: valid });
});

test('the server validates parameters that arrive as strings with the same formats', () => {
  const param = (schema: Record<string, unknown>, value: string) => server.validator(schema, true)(value);
  expect(param({ type: 'integer', format: 'int32' }, '2147483647')).toBe(true);
  expect(param({ type: 'integer', format: 'int32' }, '2147483648')).toBe(false);
  expect(param(date, '2026-11-22')).toBe(true);
  expect(param(date, '2026-02-29')).toBe(false);
});

test('unknown formats are ignored by all three, with a warning where a logger is set', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    expect(answers({ type: 'string', format: 'list' }, 'anything')).toEqual({
      server: true,
      spec: true,
      contract: true,
    });
    expect(warn).toHaveBeenCalledWith('unknown format "list" ignored in schema at path "#"');
  } finally {
    warn.mockRestore();
  }
});
