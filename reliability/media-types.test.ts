import { afterAll, beforeAll, expect, test } from 'vitest';
import { figure } from './support/figures.js';
import { send } from './support/http.js';
import { type PlutioSession, plutioSession, recordIds } from './support/plutio.js';
import { type InProcessServer, startInProcess } from './support/servers.js';
import { specDifferences, specKit } from './support/spec.js';

let srv: InProcessServer;
let acme: PlutioSession;

beforeAll(async () => {
  srv = await startInProcess({ apis: ['plutio'] });
  acme = await plutioSession(srv.api('plutio'), 'acme');
});
afterAll(async () => {
  await srv?.close();
});

const xml = (fields: Record<string, string>) =>
  `<?xml version="1.0" encoding="UTF-8"?><root>${Object.entries(fields)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('')}</root>`;

test('a Plutio body in a media type the operation does not declare (XML, multipart) is validated like JSON or refused, never stored unchecked', async () => {
  const apiUrl = srv.api('plutio');
  const item = recordIds(
    (await send({ method: 'GET', url: `${apiUrl}/items?limit=1`, headers: acme.headers })).bodyText,
  )[0];
  expect(item, 'the seed has an item').toBeDefined();
  const cases: { operationId: string; method: string; path: string; type: string; body: string }[] = [
    {
      operationId: 'createInboxGroup',
      method: 'POST',
      path: '/inbox-groups',
      type: 'application/xml',
      body: xml({ title: 'Xml', isActive: 'true' }),
    },
    {
      operationId: 'updateItem',
      method: 'PUT',
      path: '/items',
      type: 'application/xml',
      body: xml({ _id: item ?? '', amount: '12.5' }),
    },
    {
      operationId: 'createRole',
      method: 'POST',
      path: '/roles',
      type: 'text/xml',
      body: xml({ title: 'Xml role', permissions: 'all' }),
    },
    {
      operationId: 'createInboxGroup',
      method: 'POST',
      path: '/inbox-groups',
      type: 'multipart/form-data; boundary=b',
      body: '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nParts\r\n--b\r\nContent-Disposition: form-data; name="isActive"\r\n\r\nmaybe\r\n--b--\r\n',
    },
  ];
  const problems: string[] = [];
  for (const c of cases) {
    const op = specKit('plutio').spec.byId.get(c.operationId);
    if (!op) throw new Error(`plutio has no ${c.operationId}`);
    const before = srv.digest();
    const res = await send({
      method: c.method,
      url: `${apiUrl}${c.path}`,
      headers: { ...acme.headers, 'content-type': c.type },
      body: c.body,
    });
    const label = `${c.method} ${c.path} as ${c.type}`;
    if (res.status === 0 || res.status >= 500)
      problems.push(`${label}: got ${res.status} ${res.bodyText.slice(0, 160)}`);
    if ((res.status === 0 || res.status >= 400) && srv.digest() !== before)
      problems.push(`${label}: refused, yet the store changed`);
    for (const d of specDifferences(specKit('plutio'), op, undefined, res)) problems.push(`${label}: ${d}`);
  }
  figure('hostile media-types plutio', { tried: cases.length, problems: problems.length });
  expect(problems, problems.join('\n')).toEqual([]);
});
