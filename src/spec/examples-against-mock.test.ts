// biome-ignore-all lint/suspicious/noExplicitAny: OpenAPI objects are walked generically.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../app/test-server.js';
import { DEFAULT_ADMIN_API_KEY } from '../redmine-family/credentials.js';
import { examplesOf, mediaKind, type NamedExample } from './examples.js';
import {
  API_IDS,
  type ApiId,
  dereference,
  listOperations,
  loadBundledSpec,
  type OpenApiDocument,
  type OperationEntry,
} from './load.js';

// Every example of every bundled document (dist/openapi/, written by `npm run bundle`) must work against the
// reference server in its default seed, the way tools that drive requests from examples use them (Dredd, Postman
// collections, Schemathesis' explicit examples, Prism-based tests): for each operation, the request made of the
// examples of all its path, query and header parameters together (optional ones included, each serialised by its
// `style` and `explode`) and of its request body is sent as the administrator (Plutio: the seeded `acme`
// application's token) to the server in its seeded state, and must get a documented success status. Reads go first;
// a write is followed by `POST /__crmkit/reset` before the next request, so every request meets the default seed.
//
// - Every example of a body (each named example, each media type: JSON, XML, HTML forms) is one request; further
//   examples of a parameter make further requests, the other parameters keeping their first example.
// - Redmine-family operations are sent with both suffixes, `.json` with the JSON body examples and `.xml` with the
//   XML ones.
// - `X-Redmine-Switch-User` is not sent: its example acts as another user, and the requests are the
//   administrator's.
// - A success status is a documented 2xx, or a documented 3xx (RedmineUP's `redirect_on_success`).

const REDMINE_FAMILY = new Set<ApiId>(['redmine', 'planio', 'redmineup']);
/** A run is a few hundred local requests and resets: seconds, longer on a busy machine (Plutio: ~150 requests). */
const RUN_TIMEOUT = 120_000;
const NOT_SENT_HEADERS = new Set(['x-redmine-switch-user']);
const PLUTIO_APP = { client_id: 'crmkit-client', client_secret: 'crmkit-secret', grant_type: 'client_credentials' };

interface Probe {
  api: ApiId;
  op: OperationEntry;
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | FormData;
  expected: number[];
}

interface Outcome {
  probe: Probe;
  status: number;
  body: string;
}

const first = (examples: NamedExample[]): unknown => examples[0]?.value;

/**
 * The examples of a parameter: its own, else those of its `content` media type (sent as JSON text), else those of
 * its schema (`example`, `examples`), which tools such as Postman and Schemathesis fall back on too.
 */
function parameterExamples(param: Record<string, any>): NamedExample[] {
  const own = examplesOf(param);
  if (own.length > 0) return own;
  for (const media of Object.values<Record<string, any>>(param.content ?? {})) {
    const inContent = examplesOf(media ?? {});
    if (inContent.length > 0) return inContent.map((e) => ({ name: e.name, value: JSON.stringify(e.value) }));
  }
  const schema = param.schema ?? {};
  const inSchema = schema.example !== undefined ? [schema.example] : [];
  if (Array.isArray(schema.examples)) inSchema.push(...schema.examples);
  return inSchema.map((value, i) => ({ name: `schema example ${i + 1}`, value }));
}

/** Appends a query parameter's value the way its `style` and `explode` say (form, exploded, by default). */
function appendQuery(query: URLSearchParams, param: Record<string, any>, value: unknown): void {
  const style = param.style ?? 'form';
  const explode = param.explode ?? style === 'form';
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  if (Array.isArray(value)) {
    if (explode) for (const v of value) query.append(param.name, text(v));
    else query.append(param.name, value.map(text).join(style === 'pipeDelimited' ? '|' : ','));
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (style === 'deepObject') for (const [k, v] of entries) query.append(`${param.name}[${k}]`, text(v));
    else if (explode) for (const [k, v] of entries) query.append(k, text(v));
    else query.append(param.name, entries.flat().map(text).join(','));
  } else {
    query.append(param.name, text(value));
  }
}

/** The request bodies an operation's examples describe: one per example of each media type the format sends. */
function bodies(op: OperationEntry, format: string | undefined): { mediaType?: string; value?: unknown }[] {
  const content = Object.entries<Record<string, any>>(op.operation.requestBody?.content ?? {});
  if (content.length === 0) return [{}];
  const out: { mediaType?: string; value?: unknown }[] = [];
  for (const [mediaType, media] of content) {
    const kind = mediaKind(mediaType);
    const sent = format === 'xml' ? kind === 'xml' : kind !== 'xml';
    if (!sent) continue;
    for (const example of examplesOf(media ?? {})) out.push({ mediaType, value: example.value });
  }
  return out;
}

function encodeBody(mediaType: string, value: unknown): string | FormData {
  switch (mediaKind(mediaType)) {
    case 'xml':
    case 'text':
      return String(value);
    case 'form':
      return typeof value === 'string'
        ? value
        : new URLSearchParams(
            Object.entries(value as object).map(([k, v]): [string, string] => [k, String(v)]),
          ).toString();
    case 'multipart': {
      const form = new FormData();
      for (const [k, v] of Object.entries(value as object)) form.append(k, String(v));
      return form;
    }
    default:
      return JSON.stringify(value);
  }
}

/** Parameter value sets: the first example of each, then each further example of one parameter at a time. */
function parameterSets(op: OperationEntry): Map<string, unknown>[] {
  const sendable = op.parameters.filter(
    (p) => !(p.in === 'header' && NOT_SENT_HEADERS.has(String(p.name).toLowerCase())) && p.in !== 'cookie',
  );
  const withExamples = sendable
    .map((p) => ({ p, examples: parameterExamples(p) }))
    .filter(({ examples }) => examples.length > 0);
  const base = new Map<string, unknown>(withExamples.map(({ p, examples }) => [`${p.in}:${p.name}`, first(examples)]));
  const sets = [base];
  for (const { p, examples } of withExamples) {
    for (const example of examples.slice(1)) sets.push(new Map(base).set(`${p.in}:${p.name}`, example.value));
  }
  return sets;
}

function successStatuses(op: OperationEntry): number[] {
  return Object.keys(op.operation.responses ?? {})
    .filter((s) => /^[23]\d\d$/.test(s))
    .map(Number);
}

/** `(json)`, `(xml)`, `(json, multipart/form-data)`: the suffix sent, and a body type other than the suffix's. */
function labelSuffix(format: string | undefined, mediaType: string | undefined): string {
  const parts = [format, mediaType && !['json', 'xml'].includes(mediaKind(mediaType)) ? mediaType : undefined];
  const shown = parts.filter((p) => p !== undefined);
  return shown.length > 0 ? ` (${shown.join(', ')})` : '';
}

/** Every request the examples of one API's operations describe. */
function probesOf(api: ApiId, ops: OperationEntry[]): Probe[] {
  const probes: Probe[] = [];
  for (const op of ops) {
    const formats = REDMINE_FAMILY.has(api) ? ['json', 'xml'] : [undefined];
    for (const format of formats) {
      for (const values of parameterSets(op)) {
        for (const body of bodies(op, format)) {
          let path = op.path;
          const query = new URLSearchParams();
          const headers: Record<string, string> = {};
          for (const param of op.parameters) {
            const key = `${param.in}:${param.name}`;
            const value = param.in === 'path' && param.name === 'format' && format ? format : values.get(key);
            if (value === undefined) {
              if (param.required) throw new Error(`${api} ${op.operationId}: required ${key} has no example`);
              continue;
            }
            if (param.in === 'path') path = path.replace(`{${param.name}}`, encodeURIComponent(String(value)));
            else if (param.in === 'query') appendQuery(query, param, value);
            else if (param.in === 'header') headers[param.name] = String(value);
          }
          if (format) headers.Accept = format === 'xml' ? 'application/xml' : 'application/json';
          let encoded: string | FormData | undefined;
          if (body.mediaType) {
            encoded = encodeBody(body.mediaType, body.value);
            if (typeof encoded === 'string') headers['Content-Type'] = body.mediaType;
          }
          const qs = query.toString();
          probes.push({
            api,
            op,
            label: `${api} ${op.operationId} ${op.method} ${op.path}${labelSuffix(format, body.mediaType)}`,
            method: op.method,
            path: qs ? `${path}?${qs}` : path,
            headers,
            body: encoded,
            expected: successStatuses(op),
          });
        }
      }
    }
  }
  return probes;
}

let ts: TestServer;
let plutioToken = '';

beforeAll(async () => {
  ts = await startTestServer({ docsDir: false });
  const res = await fetch(`${ts.api('plutio')}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(PLUTIO_APP).toString(),
  });
  expect(res.status, 'the seeded acme application gets a token').toBe(200);
  plutioToken = ((await res.json()) as { accessToken: string }).accessToken;
  expect(plutioToken).toMatch(/\S/);
});

afterAll(async () => {
  await ts?.close();
});

/** APIs whose state a request may have changed since their last reset. */
const changed = new Set<ApiId>(API_IDS);

async function send(probe: Probe): Promise<Outcome> {
  if (changed.has(probe.api)) {
    const reset = await fetch(`${ts.url}/__crmkit/reset?api=${probe.api}`, { method: 'POST' });
    expect(reset.status, 'POST /__crmkit/reset').toBe(204);
    changed.delete(probe.api);
  }
  const auth: Record<string, string> = REDMINE_FAMILY.has(probe.api)
    ? { 'X-Redmine-API-Key': DEFAULT_ADMIN_API_KEY }
    : probe.op.operationId === 'generateAccessToken'
      ? {}
      : { Authorization: `Bearer ${plutioToken}` };
  const res = await fetch(`${ts.api(probe.api)}${probe.path}`, {
    method: probe.method,
    headers: { ...auth, ...probe.headers },
    body: probe.body,
    redirect: 'manual',
  });
  if (probe.method !== 'GET' && probe.method !== 'HEAD') changed.add(probe.api);
  return { probe, status: res.status, body: await res.text() };
}

function bodyText(body: string | FormData | undefined): string {
  if (typeof body === 'string' || body === undefined) return body ?? '';
  return [...body.entries()].map(([k, v]) => `${k}=${String(v)}`).join('; ');
}

/** One failing request: operation, method, path, status, what was sent and what came back. */
const describeFailure = ({ probe, status, body }: Outcome): string =>
  `${probe.label}: ${probe.method} ${probe.path} → ${status} (expected ${probe.expected.join(' or ')})` +
  `${probe.body === undefined ? '' : `\n    sent ${probe.headers['Content-Type'] ?? 'multipart/form-data'}: ${bodyText(probe.body).slice(0, 300)}`}` +
  `\n    got ${body.slice(0, 400).replace(/\s+/g, ' ')}`;

/** Sends every example request of a document's operations; reads first, so only writes need a reset before them. */
async function runExamples(api: ApiId, doc: OpenApiDocument) {
  const ops = listOperations(dereference(doc));
  const probes = probesOf(api, ops).sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));
  const failures: Outcome[] = [];
  for (const probe of probes) {
    const outcome = await send(probe);
    if (!probe.expected.includes(outcome.status)) failures.push(outcome);
  }
  const covered = new Set(probes.map((p) => `${p.op.method} ${p.op.path}`));
  const message = `${failures.length} of ${probes.length} example requests failed:\n${failures.map(describeFailure).join('\n')}`;
  return { ops, probes, covered, failures, message };
}

for (const api of API_IDS) {
  test(
    `${api}: every operation's examples resolve to a success status in the default seed`,
    async () => {
      const { ops, covered, failures, message } = await runExamples(api, loadBundledSpec(api));
      expect(ops.length, 'operations in the document').toBeGreaterThan(0);
      expect(covered.size, 'operations exercised').toBe(ops.length);
      expect(failures.map(describeFailure), message).toEqual([]);
    },
    RUN_TIMEOUT,
  );
}

test(
  'can fail: an example naming a record the seed lacks is listed with method, path, status and body',
  async () => {
    const doc = structuredClone(loadBundledSpec('planio'));
    doc.components.parameters.CompanyId.example = 999_999;
    const { failures, message } = await runExamples('planio', doc);
    const getCompany = failures.find((f) => f.probe.op.operationId === 'getCompany' && f.probe.path.endsWith('.json'));
    expect(getCompany, message).toBeDefined();
    expect(getCompany?.status).toBe(404);
    expect(message).toContain(
      'planio getCompany GET /companies/{company_id}.{format} (json): GET /companies/999999.json → 404',
    );
    const updateContact = failures.find((f) => f.probe.op.operationId === 'updateCompanyContact');
    expect(describeFailure(updateContact as Outcome)).toMatch(
      /PUT \/companies\/999999\/contacts\/\d+\.(json|xml) → 404 \(expected 204\)\n {4}sent application\/(json|xml): /,
    );
    expect(
      failures.every((f) => f.probe.path.includes('999999')),
      message,
    ).toBe(true);
  },
  RUN_TIMEOUT,
);
