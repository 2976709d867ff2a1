import fc from 'fast-check';
import { requestExample } from '../../../contract-tests/support/examples.js';
import type { Schema } from '../../../src/server/operations.js';
import type { OperationEntry } from '../../../src/spec/load.js';
import type { Encoding } from './encode.js';
import { headerName, hostileHeaderValue, hostileQueryValue, hostileString } from './hostile-values.js';
import { qParameter } from './mongo-query.js';
import { applyMutations, mutations } from './mutate.js';
import type { AuthVariant, FuzzPlan } from './plan.js';
import { fromSchema } from './schema-arbitrary.js';

/** A body to send: `auto` follows the URL format (or the operation's only media type). */
export interface BodyCase {
  encoding: Encoding | 'auto';
  value: unknown;
}

/** One generated request, before it is put on the wire. */
export interface FuzzCase {
  op: OperationEntry;
  /** `template`: the operation's own route; `method`: its path with another method; `raw`: any path. */
  mode: 'template' | 'method' | 'raw';
  method: string;
  format: string | undefined;
  pathValues: Record<string, string>;
  rawPath: string;
  auth: AuthVariant;
  query: [string, string | undefined][];
  headers: [string, string | undefined][];
  body: BodyCase | undefined;
  /** `match` (the encoding's type), `none`, or a literal Content-Type. */
  contentType: string;
}

const weighted = <T>(common: fc.Arbitrary<T>, rare: fc.Arbitrary<T>, odds = 4) =>
  fc.oneof({ weight: odds, arbitrary: common }, { weight: 1, arbitrary: rare });
const sometimes = <T>(arb: fc.Arbitrary<T>, odds = 3) =>
  fc.oneof({ weight: odds, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const FORBIDDEN_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'host',
  'connection',
  'content-type',
  'expect',
]);
const OTHER_TYPES = [
  'text/plain',
  'application/json; charset=utf-16',
  'application/xml; charset=latin1',
  'multipart/form-data',
  'application/vnd.api+json',
  'text/xml',
  '*/*',
  'garbage',
  'application/x-www-form-urlencoded',
];
const FILTER_KEYS = ['name', 'name.first', 'status', '_id', '$where', '__proto__', 'a..b', 'constructor.prototype.x'];
const INVALID_UTF8 = fc
  .tuple(fc.uint8Array({ maxLength: 40 }), fc.constantFrom([0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80]))
  .map(([bytes, bad]) => Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, ...bad, ...bytes, 0x22, 0x7d]));

/** The generator of requests for every operation of a plan. */
export function caseArbitrary(plan: FuzzPlan): fc.Arbitrary<FuzzCase> {
  const auth = fc.oneof(
    { weight: 6, arbitrary: fc.constant(plan.auths[0] as AuthVariant) },
    { weight: 4, arbitrary: fc.constantFrom(...plan.auths) },
  );
  return fc.constantFrom(...plan.ops).chain((op) =>
    fc.record({
      op: fc.constant(op),
      mode: fc.oneof(
        { weight: 8, arbitrary: fc.constant('template' as const) },
        { weight: 1, arbitrary: fc.constant('method' as const) },
        { weight: 1, arbitrary: fc.constant('raw' as const) },
      ),
      method: fc.constantFrom(...METHODS.filter((m) => m !== op.method)),
      format: formatArb(op),
      pathValues: pathValuesArb(op, plan),
      rawPath: fc.oneof(
        fc.webPath(),
        fc.array(hostileString, { maxLength: 4 }).map((s) => `/${s.join('/')}`),
      ),
      auth,
      query: queryArb(op),
      headers: headersArb(op),
      body: bodyArb(op, plan),
      contentType: weighted(fc.constant('match'), fc.oneof(fc.constant('none'), fc.constantFrom(...OTHER_TYPES)), 8),
    }),
  );
}

function formatArb(op: OperationEntry): fc.Arbitrary<string | undefined> {
  if (!op.parameters.some((p) => p.in === 'path' && p.name === 'format')) return fc.constant(undefined);
  return weighted(
    fc.constantFrom('json', 'xml'),
    fc.constantFrom('html', 'JSON', 'js', 'atom', 'xml.json', 'json%00'),
    9,
  );
}

function pathValuesArb(op: OperationEntry, plan: FuzzPlan): fc.Arbitrary<Record<string, string>> {
  const model: Record<string, fc.Arbitrary<string>> = {};
  for (const p of op.parameters) {
    if (p.in !== 'path' || p.name === 'format') continue;
    model[p.name] = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...plan.ids) },
      { weight: 2, arbitrary: hostileString.filter((s) => s !== '') },
      { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String) },
    );
  }
  return fc.record(model);
}

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI parameter objects
function declaredValue(p: Record<string, any>): fc.Arbitrary<string> {
  const example = p.example ?? p.schema?.example ?? p.schema?.default;
  const valid = example === undefined ? fromSchema(p.schema as Schema) : fc.constant(example);
  const text = valid.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  if (p.in !== 'header') return weighted(text, hostileQueryValue, 2);
  return weighted(
    text.filter((v) => HEADER_SAFE.test(v)),
    hostileHeaderValue,
    2,
  );
}

/** What node:http accepts in a header value. */
const HEADER_SAFE = /^[\t\x20-\x7e\x80-\xff]*$/;

function queryArb(op: OperationEntry): fc.Arbitrary<[string, string | undefined][]> {
  const parts: fc.Arbitrary<[string, string | undefined][]>[] = [];
  for (const p of op.parameters) {
    if (p.in !== 'query') continue;
    if (p.name === 'q') parts.push(sometimes(qParameter, 1).map((v) => [['q', v]]));
    else if (p.schema?.type === 'object') {
      const key = fc.oneof(fc.constantFrom(...FILTER_KEYS), fc.string({ minLength: 1, maxLength: 12 }));
      parts.push(
        weighted(fc.constant<[string, string][]>([]), fc.array(fc.tuple(key, hostileQueryValue), { maxLength: 3 }), 2),
      );
    } else parts.push(sometimes(declaredValue(p)).map((v) => [[String(p.name), v]]));
  }
  const extraKey = fc.oneof(
    fc.constantFrom('limit', 'offset', 'page', 'nometa', 'key', 'include', 'skip', 'sort', '_id', 'limit[]', 'a[b][c]'),
    fc.string({ minLength: 1, maxLength: 10 }),
  );
  parts.push(
    weighted(fc.constant<[string, string][]>([]), fc.array(fc.tuple(extraKey, hostileQueryValue), { maxLength: 3 }), 3),
  );
  return fc.tuple(...parts).map((lists) => lists.flat());
}

function headersArb(op: OperationEntry): fc.Arbitrary<[string, string | undefined][]> {
  const declared = op.parameters.filter((p) => p.in === 'header' && String(p.name).toLowerCase() !== 'business');
  const parts = declared.map((p) => sometimes(declaredValue(p)).map((v): [string, string | undefined] => [p.name, v]));
  const extra = fc
    .array(fc.tuple(headerName, hostileHeaderValue), { maxLength: 2 })
    .map((list) => list.filter(([n]) => !FORBIDDEN_HEADERS.has(n.toLowerCase())));
  return fc
    .tuple(fc.tuple(...parts), weighted(fc.constant<[string, string][]>([]), extra, 3))
    .map(([a, b]) => [...a, ...b]);
}

function bodySchema(op: OperationEntry): Schema | undefined {
  const content = (op.operation.requestBody?.content ?? {}) as Record<string, { schema?: Schema }>;
  const json = Object.keys(content).find((t) => t.includes('json')) ?? Object.keys(content)[0];
  return json ? content[json]?.schema : undefined;
}

function bodyArb(op: OperationEntry, plan: FuzzPlan): fc.Arbitrary<BodyCase | undefined> {
  const schema = bodySchema(op);
  const jsonType = Object.keys(op.operation.requestBody?.content ?? {}).find((t) => t.includes('json'));
  const example = jsonType ? requestExample(op, jsonType) : undefined;
  const base = example === undefined ? fromSchema(schema) : fc.oneof(fc.constant(example), fromSchema(schema));
  const pool = plan.idsByPath[op.path.replace(/\/(move|copy)$/, '')] ?? plan.ids;
  const needsId = !plan.family && (op.method === 'PUT' || op.method === 'DELETE');
  const shaped = fc
    .tuple(base, mutations, fc.nat())
    .map(([v, m, n]) => withId(applyMutations(needsId ? addId(v) : v, m), pool, n));
  const value = fc.oneof(
    { weight: 6, arbitrary: shaped },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        hostileString,
        shaped.map((v) => (JSON.stringify(v) ?? '').slice(0, -1)),
      ),
    },
    { weight: 1, arbitrary: INVALID_UTF8 },
  );
  const encodings: Array<Encoding | 'auto'> = ['auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'form', 'form'];
  encodings.push('json', 'xml', 'multipart');
  const body = fc.record({ encoding: fc.constantFrom(...encodings), value });
  return schema ? body : sometimes(body, 4);
}

/** Plutio updates and deletes name their record by `_id` in the body. */
function addId(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return { _id: '', ...(value as Record<string, unknown>) };
}

/** Points a body's `_id` at an existing record of the collection (when the pool has one). */
function withId(value: unknown, pool: readonly string[], n: number): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value) || pool.length === 0) return value;
  const rec = value as Record<string, unknown>;
  if ('_id' in rec) rec._id = pool[n % pool.length];
  return rec;
}
