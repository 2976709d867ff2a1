import { afterAll, beforeAll, expect, test } from 'vitest';
import { figure } from './support/figures.js';
import { type Encoding, encodeBody } from './support/fuzz/encode.js';
import { takePollution } from './support/fuzz/invariants.js';
import { ownObject } from './support/fuzz/mutate.js';
import { type RawRequest, send } from './support/http.js';
import { type InProcessServer, startInProcess } from './support/servers.js';
import { specKit } from './support/spec.js';
import { enveloped, familyTargets, plutioTarget, type WriteTarget } from './support/targets.js';

let srv: InProcessServer;
beforeAll(async () => {
  srv = await startInProcess();
});
afterAll(async () => {
  await srv?.close();
});

/** A record carrying every polluting key, at its top level and one level down. */
function poisoned(t: WriteTarget, tag: string): Record<string, unknown> {
  const record = t.valid(tag);
  const keys: [string, unknown][] = [
    ['__proto__', { polluted: 'yes' }],
    ['constructor', { prototype: { polluted: 'yes' } }],
    ['prototype', { polluted: 'yes' }],
  ];
  for (const [k, v] of keys) {
    Object.defineProperty(record, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  record.nested = ownObject('__proto__', { polluted: 'yes' });
  return record;
}

/** Sends each request and returns what polluted `Object.prototype` or kept a polluting key in an accepted record. */
async function probe(requests: { label: string; req: RawRequest }[]): Promise<{ problems: string[]; tried: number }> {
  const problems: string[] = [];
  for (const { label, req } of requests) {
    const res = await send(req);
    const polluted = takePollution();
    if (polluted) problems.push(`${label}: ${polluted}`);
    if (({} as Record<string, unknown>).polluted !== undefined) problems.push(`${label}: ({}).polluted is set`);
    if (res.status === 0 || res.status >= 500)
      problems.push(`${label}: got ${res.status} ${res.bodyText.slice(0, 100)}`);
    if (res.status < 300 && res.bodyText.includes('polluted')) {
      problems.push(`${label}: the accepted record kept a polluting key: ${res.bodyText.slice(0, 200)}`);
    }
  }
  return { problems, tried: requests.length };
}

test('__proto__, constructor and prototype keys in JSON, XML, form and multipart bodies and in query strings pollute nothing (Redmine family)', async () => {
  const requests: { label: string; req: RawRequest }[] = [];
  const encodings: Encoding[] = ['json', 'xml', 'form', 'multipart'];
  for (const t of familyTargets(srv)) {
    const op = specKit(t.api).spec.byId.get(t.operationId);
    if (!op) throw new Error(`${t.api} has no ${t.operationId}`);
    for (const encoding of encodings) {
      const types: Record<Encoding, string> = {
        json: 'application/json',
        xml: 'application/xml',
        form: 'application/x-www-form-urlencoded',
        multipart: 'multipart/form-data; boundary=crmkitFuzzBoundary',
        text: 'text/plain',
        bytes: 'application/octet-stream',
      };
      const url = encoding === 'xml' ? t.url.replace(/\.json$/, '.xml') : t.url;
      const body = encodeBody(op, encoding, enveloped(t, poisoned(t, `proto-${encoding}`)));
      requests.push({
        label: `${t.api} ${encoding}`,
        req: { method: 'POST', url, headers: { ...t.headers, 'content-type': types[encoding] }, body },
      });
    }
    const list = t.url.replace(
      /\.json$/,
      '.json?__proto__[polluted]=yes&constructor[prototype][polluted]=yes&a[__proto__][polluted]=yes',
    );
    requests.push({ label: `${t.api} query string`, req: { method: 'GET', url: list, headers: t.headers } });
  }
  const { problems, tried } = await probe(requests);
  figure('hostile pollution family', { tried, problems: problems.length });
  expect(problems, problems.join('\n')).toEqual([]);
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
});

test('__proto__, constructor and prototype keys in Plutio bodies, q, filters and the token form pollute nothing', async () => {
  const t = await plutioTarget(srv);
  const apiUrl = srv.api('plutio');
  const json = { ...t.headers, 'content-type': 'application/json' };
  const q = encodeURIComponent(JSON.stringify(ownObject('__proto__', { polluted: 'yes' })));
  const requests: { label: string; req: RawRequest }[] = [
    { label: 'create', req: { method: 'POST', url: t.url, headers: json, body: JSON.stringify(poisoned(t, 'p1')) } },
    {
      label: 'update',
      req: { method: 'PUT', url: t.url, headers: json, body: JSON.stringify({ _id: 'x', ...poisoned(t, 'p2') }) },
    },
    { label: 'q', req: { method: 'GET', url: `${t.url}?q=${q}`, headers: t.headers } },
    { label: 'filter __proto__', req: { method: 'GET', url: `${t.url}?__proto__.polluted=yes`, headers: t.headers } },
    {
      label: 'filter constructor',
      req: { method: 'GET', url: `${t.url}?constructor.prototype.polluted=yes`, headers: t.headers },
    },
    {
      label: 'token form',
      req: {
        method: 'POST',
        url: `${apiUrl}/oauth/token`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: '__proto__[polluted]=yes&constructor[prototype][polluted]=yes&client_id=crmkit-client&client_secret=crmkit-secret&grant_type=client_credentials',
      },
    },
  ];
  const { problems, tried } = await probe(requests);
  figure('hostile pollution plutio', { tried, problems: problems.length });
  expect(problems, problems.join('\n')).toEqual([]);
});
