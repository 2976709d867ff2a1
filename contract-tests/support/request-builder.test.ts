import { expect, test } from 'vitest';
import { companiesDocument } from '../fixtures/companies.js';
import { buildRequest, OMIT } from './request-builder.js';
import { operationById, specFromDocument } from './spec-model.js';
import { binderXmlCodec } from './xml-codec.js';

const spec = specFromDocument('companies', companiesDocument());
const op = (id: string) => operationById(spec, id);

test('path parameters come from examples, the suffix from the format, Accept from the format', () => {
  const built = buildRequest({ op: op('getCompany'), format: 'xml' }, binderXmlCodec);
  expect(built.request.path).toBe('/companies/7.xml');
  expect(built.request.headers.Accept).toBe('application/xml');
  expect(built.label).toBe('GET /companies/{company_id}.xml');
});

test('an XML example body is sent verbatim and read back as a value', () => {
  const built = buildRequest({ op: op('createCompany'), format: 'xml' }, binderXmlCodec);
  expect(built.request.body).toBe('<company><name>Acme</name></company>');
  expect(built.request.headers['Content-Type']).toBe('application/xml');
  expect(built.bodyValue).toEqual({ name: 'Acme' });
});

test('a value body is serialised for XML through the schema', () => {
  const built = buildRequest({ op: op('createCompany'), format: 'xml', body: { name: 'A&B' } }, binderXmlCodec);
  expect(built.request.body).toBe('<?xml version="1.0" encoding="UTF-8"?><company><name>A&amp;B</name></company>');
});

test('params override examples, OMIT leaves a parameter out, unknown names go to the query', () => {
  const built = buildRequest(
    { op: op('listCompanies'), format: 'json', params: { limit: 1, extra: 'x', format: OMIT } },
    binderXmlCodec,
  );
  expect(built.request.path).toBe('/companies.{format}?limit=1&extra=x');
});
