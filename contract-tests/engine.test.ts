import { expect, test } from 'vitest';
import { companiesDocument } from './fixtures/companies.js';
import { checkResponse } from './support/check-response.js';
import { createSchemaValidator } from './support/schema-validator.js';
import { operationById, specFromDocument } from './support/spec-model.js';
import type { ContractResponse, Format } from './support/types.js';
import { binderXmlCodec } from './support/xml-codec.js';

const spec = specFromDocument('companies', companiesDocument());
const ctx = { validator: createSchemaValidator(spec.raw), xml: binderXmlCodec };

const res = (status: number, contentType: string | undefined, bodyText = '', headers = {}): ContractResponse => ({
  status,
  headers: { ...(contentType ? { 'content-type': contentType } : {}), ...headers },
  bodyText,
  ms: 1,
});

const check = (operationId: string, format: Format | undefined, response: ContractResponse) => {
  const op = operationById(spec, operationId);
  const label = `${op.method} ${format ? op.path.replace('{format}', format) : op.path}`;
  return checkResponse(ctx, op, label, format, response).differences;
};

const companyXml = '<?xml version="1.0" encoding="UTF-8"?><company><id>7</id><name>Acme</name><homepage/></company>';

test('a conforming JSON response passes and its body is read', () => {
  const op = operationById(spec, 'getCompany');
  const out = checkResponse(
    ctx,
    op,
    'GET',
    'json',
    res(200, 'application/json; charset=utf-8', '{"company":{"id":7,"name":"Acme"}}'),
  );
  expect(out.differences).toEqual([]);
  expect(out.documentedAs).toBe('200');
  expect(out.value).toEqual({ company: { id: 7, name: 'Acme' } });
});

test('a conforming XML response passes and is bound through the schema', () => {
  const op = operationById(spec, 'getCompany');
  const out = checkResponse(ctx, op, 'GET', 'xml', res(200, 'application/xml', companyXml));
  expect(out.differences).toEqual([]);
  expect(out.value).toEqual({ id: 7, name: 'Acme', homepage: null });
});

test('a conforming XML list with meta attributes passes', () => {
  const xml =
    '<companies total_count="1" limit="25" type="array"><company><id>7</id><name>Acme</name><tags type="array"><tag>a</tag></tags></company></companies>';
  expect(check('listCompanies', 'xml', res(200, 'application/xml', xml))).toEqual([]);
});

test('an undocumented status is a violation', () => {
  expect(check('getCompany', 'json', res(500, 'text/html', '<h1>oops</h1>'))).toEqual([
    'GET /companies/{company_id}.json: 500 is not a documented status (documented: 200, 404, 406)',
  ]);
});

test('a missing required XML element is reported by element name', () => {
  const xml = '<company><id>7</id></company>';
  expect(check('getCompany', 'xml', res(200, 'application/xml', xml))).toEqual([
    'GET /companies/{company_id}.xml: 200 body misses required element name',
  ]);
});

test('a missing required JSON property is reported with its location', () => {
  expect(check('getCompany', 'json', res(200, 'application/json', '{"company":{"id":7}}'))).toEqual([
    'GET /companies/{company_id}.json: 200 body misses required property name at /company',
  ]);
});

test('a wrongly typed value is reported with what was received', () => {
  const out = check('getCompany', 'json', res(200, 'application/json', '{"company":{"id":"7","name":"Acme"}}'));
  expect(out).toEqual(['GET /companies/{company_id}.json: 200 body /company/id must be integer, got string "7"']);
});

test('JSON sent for .xml is a violation even though JSON is documented', () => {
  const out = check('getCompany', 'xml', res(200, 'application/json', '{"company":{"id":7,"name":"Acme"}}'));
  expect(out[0]).toBe('GET /companies/{company_id}.xml: 200 sends application/json for .xml, expected application/xml');
});

test('an undocumented media type is a violation', () => {
  expect(check('getCompany', 'json', res(200, 'text/html', '<p/>'))[0]).toBe(
    'GET /companies/{company_id}.json: 200 sends text/html, documented: application/json, application/xml',
  );
});

test('a body without Content-Type is a violation', () => {
  expect(check('getCompany', 'json', res(200, undefined, '{}'))[0]).toBe(
    'GET /companies/{company_id}.json: 200 has no Content-Type, expected application/json',
  );
});

test('invalid JSON and malformed XML are violations', () => {
  expect(check('getCompany', 'json', res(200, 'application/json', '{"company":'))[0]).toMatch(
    /^GET \/companies\/\{company_id\}\.json: 200 body is not valid JSON/,
  );
  expect(check('getCompany', 'xml', res(200, 'application/xml', '<company><id>7</company>'))[0]).toMatch(
    /^GET \/companies\/\{company_id\}\.xml: 200 body is not well-formed XML/,
  );
});

test('a wrong XML root element is a violation', () => {
  expect(check('getCompany', 'xml', res(200, 'application/xml', '<contact><id>7</id></contact>'))).toEqual([
    'GET /companies/{company_id}.xml: 200 body root element is <contact>, expected <company>',
  ]);
});

test('204 and responses documented without content must be empty', () => {
  expect(check('updateCompany', 'json', res(204, undefined, ''))).toEqual([]);
  expect(check('updateCompany', 'json', res(204, 'application/json', '{}'))).toEqual([
    'PUT /companies/{company_id}.json: 204 must have an empty body, got 2 bytes',
  ]);
  expect(check('getCompany', 'json', res(404, 'application/json', '{"error":"x"}'))).toEqual([
    'GET /companies/{company_id}.json: 404 must have an empty body, got 13 bytes',
  ]);
});

test('a documented body that comes back empty is a violation', () => {
  expect(check('getCompany', 'json', res(200, 'application/json', ''))).toEqual([
    'GET /companies/{company_id}.json: 200 body is empty, expected application/json',
  ]);
});

test('201 without the documented Location header is a violation; a valid one passes', () => {
  const body = '{"company":{"id":8,"name":"Acme"}}';
  expect(check('createCompany', 'json', res(201, 'application/json', body))).toEqual([
    'POST /companies.json: 201 misses header Location',
  ]);
  const located = res(201, 'application/json', body, { location: 'http://127.0.0.1/companies/8' });
  expect(check('createCompany', 'json', located)).toEqual([]);
});

test('a header value that breaks its schema is a violation', () => {
  const bad = res(201, 'application/json', '{"company":{"id":8,"name":"Acme"}}', { location: 'not a uri' });
  expect(check('createCompany', 'json', bad)).toEqual([
    'POST /companies.json: 201 header Location must be a uri, got "not a uri"',
  ]);
});

test('the 406 text answer is checked as text', () => {
  expect(check('getCompany', undefined, res(406, 'text/plain', 'append .json or .xml\n'))).toEqual([]);
});
