import { expect, test } from 'vitest';
import { bindXml, parseXmlDocument, serializeXml } from '../formats/xml.js';
import { collectExampleCases, type ExampleCase, mediaKind, validateExample } from './examples.js';
import { API_IDS, type ApiId, dereference, loadBundledSpec, type OpenApiDocument } from './load.js';

// Every example of every bundled document (dist/openapi/, written by `npm run bundle`) must validate against its
// schema the way the reference server reads that media type. One test per operation, place and media type.
// Compact (one-line) XML response examples must also be exactly what serializeXml writes for their value, so the
// documents show Redmine's bytes and the reference server produces them.

interface Loaded {
  api: ApiId;
  raw?: OpenApiDocument;
  doc?: OpenApiDocument;
  cases: ExampleCase[];
  error?: Error;
}

const loaded: Loaded[] = API_IDS.map((api) => {
  try {
    const raw = loadBundledSpec(api);
    const doc = dereference(raw);
    return { api, raw, doc, cases: collectExampleCases(doc) };
  } catch (error) {
    return { api, cases: [], error: error as Error };
  }
});

for (const { api, raw, cases, error } of loaded) {
  test(`${api}: bundled document is present and has examples`, () => {
    if (error) throw error;
    expect(cases.length, `no examples found in dist/openapi/${api}.json`).toBeGreaterThan(0);
  });
  for (const c of cases) {
    test(`${api} ${c.operationId} ${c.location} ${c.mediaType}`, () => {
      for (const example of c.examples) {
        expect(validateExample(c.mediaType, c.schema, example.value, raw), `example "${example.name}"`).toEqual([]);
      }
    });
    const compact = c.examples.filter((e) => typeof e.value === 'string' && !e.value.includes('\n'));
    if (mediaKind(c.mediaType) === 'xml' && c.location.startsWith('response') && compact.length > 0) {
      test(`${api} ${c.operationId} ${c.location} ${c.mediaType} is what the server writes`, () => {
        const schema = c.schema as object;
        for (const example of compact) {
          const written = serializeXml(bindXml(parseXmlDocument(example.value as string), schema), schema);
          expect(written, `example "${example.name}" read and written back`).toBe(example.value);
        }
      });
    }
  }
}

function requestExamples(api: ApiId, operationId: string, kind: 'json' | 'xml'): [unknown, object][] {
  const entry = loaded.find((l) => l.api === api);
  if (!entry?.doc) throw new Error(`dist/openapi/${api}.json is missing: ${entry?.error?.message ?? ''}`);
  const found = entry.cases.filter((c) => c.operationId === operationId && c.location === 'request');
  if (found.length === 0) throw new Error(`${api} has no request examples on operation ${operationId}`);
  return found
    .filter((c) => mediaKind(c.mediaType) === kind)
    .flatMap((c) => c.examples.map((e): [unknown, object] => [e.value, c.schema as object]));
}

function boundXml(api: ApiId, operationId: string): Record<string, unknown>[] {
  return requestExamples(api, operationId, 'xml').map(([value, schema]) => {
    expect(validateExample('application/xml', schema, value)).toEqual([]);
    return bindXml(parseXmlDocument(value as string), schema) as Record<string, unknown>;
  });
}

// biome-ignore lint/suspicious/noExplicitAny: example bodies are searched by shape.
const jsonBodies = (api: ApiId, operationId: string): any[] =>
  requestExamples(api, operationId, 'json').map(([v]) => v);

test('seed: the Planio JSON company create body is an example of createCompany', () => {
  const seed = jsonBodies('planio', 'createCompany').find((v) => v?.company?.name === 'Planio GmbH');
  expect(seed, 'an application/json request example with company.name "Planio GmbH"').toBeDefined();
  expect(seed.company.mails).toEqual(['support@plan.io', 'kundenservice@plan.io']);
});

test('seed: the Planio XML contact (Felix Schäfer) is an example of createCompanyContact', () => {
  const seed = boundXml('planio', 'createCompanyContact').find((v) => v.firstname === 'Felix');
  expect(seed, 'an application/xml request example with <firstname>Felix</firstname>').toBeDefined();
  expect(seed).toMatchObject({ lastname: 'Schäfer', mails: ['support@plan.io', 'kundenservice@plan.io'] });
  expect(seed?.phones).toContainEqual({ kind: 'work', value: '+49 (30) 577 0000-0' });
});

test('seed: the RedmineUP JSON create body (John, Moscow) is an example of createContact', () => {
  const seed = jsonBodies('redmineup', 'createContact').find((v) => v?.contact?.first_name === 'John');
  expect(seed, 'an application/json request example with contact.first_name "John"').toBeDefined();
  const address = seed.contact.address_attributes ?? seed.contact.address;
  expect(address).toMatchObject({ street1: '12, Street', city: 'Moscow', country_code: 'RU' });
  expect(seed.contact.tag_list).toBe('vip,cold call');
});

test('seed: the RedmineUP XML create body (API contact name) is an example of createContact', () => {
  const seed = boundXml('redmineup', 'createContact').find((v) => v.first_name === 'API contact name');
  expect(seed, 'an application/xml request example with <first_name>API contact name</first_name>').toBeDefined();
  expect(seed).toMatchObject({ project_id: 'field-service', is_company: true });
});

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Finds the deepest required property of an example along single-wrapper objects. */
function requiredPath(schema: Json, value: Json): { schema: Json; value: Json; key: string } | undefined {
  const required = (schema.required as string[] | undefined)?.filter((k) => k in value) ?? [];
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const [key] = required;
  if (key === undefined) return undefined;
  const inner = value[key];
  if (required.length === 1 && isObject(inner) && isObject(props[key])) {
    const deeper = requiredPath(props[key] as Json, inner);
    if (deeper) return deeper;
  }
  return { schema, value, key };
}

test('can fail: broken copies of a JSON and an XML example are rejected by the same validator', () => {
  const all = loaded.flatMap((l) => l.cases);
  const json = all.find(
    (c) => mediaKind(c.mediaType) === 'json' && isObject(c.examples[0]?.value) && isObject(c.schema),
  );
  expect(json, 'a JSON example with an object schema').toBeDefined();
  const original = (json as ExampleCase).examples[0]?.value;
  const missing = structuredClone(original) as Json;
  const spot = requiredPath((json as ExampleCase).schema as Json, missing);
  expect(spot, 'a required property in the example').toBeDefined();
  const { key, value: holder } = spot as NonNullable<typeof spot>;
  const kept = holder[key];
  delete holder[key];
  expect(validateExample(json?.mediaType as string, json?.schema, original)).toEqual([]);
  expect(validateExample(json?.mediaType as string, json?.schema, missing).join('\n')).toMatch(key);
  holder[key] = isObject(kept) || Array.isArray(kept) ? 12345 : { wrong: true };
  expect(validateExample(json?.mediaType as string, json?.schema, missing)).not.toEqual([]);

  const requiredElement = (c: ExampleCase): { schema: Json; bound: Json; element: string } | undefined => {
    if (mediaKind(c.mediaType) !== 'xml' || typeof c.examples[0]?.value !== 'string' || !isObject(c.schema)) return;
    if (c.schema.type === 'string') return; // a text body under an XML media type (the 406 hint)
    const schema = c.schema;
    const bound = bindXml(parseXmlDocument(c.examples[0].value), schema);
    if (!isObject(bound)) return;
    const props = (schema.properties ?? {}) as Record<string, Json>;
    const required = (schema.required as string[] | undefined) ?? [];
    const element = required.find((k) => !(props[k]?.xml as Json | undefined)?.attribute && k in bound);
    return element ? { schema, bound, element } : undefined;
  };
  const xml = all.map(requiredElement).find((found) => found !== undefined);
  expect(xml, 'an XML example whose schema requires an element').toBeDefined();
  const { schema, bound, element } = xml as NonNullable<typeof xml>;
  delete bound[element];
  const broken = serializeXml(bound, schema);
  expect(parseXmlDocument(broken).children.map((c) => c.name)).not.toContain(element);
  expect(validateExample('application/xml', schema, broken).join('\n')).toMatch(element);
});

test('can fail: fixture examples of every media kind are rejected when wrong', () => {
  const schema = { type: 'object', xml: { name: 'c' }, required: ['id'], properties: { id: { type: 'integer' } } };
  expect(validateExample('application/json', schema, { id: 1 })).toEqual([]);
  expect(validateExample('application/json', schema, { id: 'x' })).toEqual(['/id must be integer']);
  expect(validateExample('application/xml', schema, '<c><id>1</id></c>')).toEqual([]);
  expect(validateExample('application/xml', schema, '<c><id>x</id></c>')).toEqual(['/id must be integer']);
  expect(validateExample('application/xml', schema, '<d><id>1</id></d>')[0]).toMatch(/expected root element <c>/);
  expect(validateExample('application/xml', schema, '<c><id>1</c>')[0]).toMatch(/malformed/);
  expect(validateExample('application/x-www-form-urlencoded', schema, { id: 2 })).toEqual([]);
  expect(validateExample('application/x-www-form-urlencoded', schema, 'id=2')).toEqual(['/id must be integer']);
  expect(validateExample('multipart/form-data', schema, 'id=2')).not.toEqual([]);
  expect(validateExample('text/plain', { type: 'string' }, 'hello')).toEqual([]);
  expect(validateExample('text/plain', { type: 'string' }, 42)).not.toEqual([]);
});
