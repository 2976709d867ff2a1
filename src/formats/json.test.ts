import { expect, test } from 'vitest';
import { JsonFormatError, parseJsonBody } from './json.js';

test('parses the Planio and RedmineUP JSON create bodies', () => {
  const planio =
    '{"company":{"name":"Planio GmbH","mails":["support@plan.io","kundenservice@plan.io"],' +
    '"phones":[{"kind":"work","value":"+49 (30) 577 0000-0"}],"project_ids":["1","5"]}}';
  expect(parseJsonBody(planio)).toEqual({
    company: {
      name: 'Planio GmbH',
      mails: ['support@plan.io', 'kundenservice@plan.io'],
      phones: [{ kind: 'work', value: '+49 (30) 577 0000-0' }],
      project_ids: ['1', '5'],
    },
  });
  const redmineup =
    '{"contact":{"project_id":1,"first_name":"John","address_attributes":{"street1":"12, Street","city":"Moscow",' +
    '"country_code":"RU"},"tag_list":"vip,cold call"}}';
  expect(parseJsonBody(redmineup)).toMatchObject({ contact: { first_name: 'John', project_id: 1 } });
});

test('removes __proto__, constructor and prototype keys at every level', () => {
  const value = parseJsonBody(
    '{"a":{"__proto__":{"polluted":1},"b":[{"constructor":{"prototype":{"x":1}}}]},"prototype":2}',
  );
  expect(value).toEqual({ a: { b: [{}] } });
  expect(Object.hasOwn((value as { a: object }).a, '__proto__')).toBe(false);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect({ ...(value as object) }).toEqual({ a: { b: [{}] } });
});

test('refuses malformed JSON with the reason', () => {
  expect(() => parseJsonBody('{"a":')).toThrow(JsonFormatError);
  expect(() => parseJsonBody('{"a":1,}')).toThrow(/malformed JSON/);
  expect(() => parseJsonBody('')).toThrow(JsonFormatError);
});

test('refuses 10,000-deep nesting with an error, not a stack overflow', () => {
  const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  expect(() => parseJsonBody(deep)).toThrow(/deeper than 64/);
  const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
  expect(() => parseJsonBody(deepObject)).toThrow(JsonFormatError);
});

test('accepts depth up to the limit and enforces length', () => {
  expect(parseJsonBody(`${'['.repeat(64)}${']'.repeat(64)}`)).toBeInstanceOf(Array);
  expect(() => parseJsonBody(`${'['.repeat(4)}${']'.repeat(4)}`, { maxDepth: 3 })).toThrow(/deeper than 3/);
  expect(() => parseJsonBody('"0123456789"', { maxLength: 5 })).toThrow(/longer than 5/);
  expect(parseJsonBody('null')).toBeNull();
});

test('a body with more array items and object members than maxItems is refused', () => {
  expect(parseJsonBody(JSON.stringify({ a: [1, 2, 3] }), { maxItems: 4 })).toEqual({ a: [1, 2, 3] });
  expect(() => parseJsonBody(JSON.stringify({ a: [1, 2, 3, 4] }), { maxItems: 4 })).toThrow(JsonFormatError);
  expect(() => parseJsonBody(JSON.stringify(new Array(100_001).fill(0)))).toThrow(/too many/);
});
