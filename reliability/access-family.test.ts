import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildRequest } from '../contract-tests/support/request-builder.js';
import { binderXmlCodec } from '../contract-tests/support/xml-codec.js';
import type { ApiId } from '../src/spec/load.js';
import { crawl, PUBLIC, RESOURCES } from './support/access-crawl.js';
import { ADMIN_KEY, basic, JSMITH_KEY } from './support/credentials.js';
import { figure } from './support/figures.js';
import { send } from './support/http.js';
import { type InProcessServer, startInProcess } from './support/servers.js';
import { specKit } from './support/spec.js';

type FamilyId = Exclude<ApiId, 'plutio'>;
const APIS: FamilyId[] = ['redmine', 'planio', 'redmineup'];
const admin = { 'x-redmine-api-key': ADMIN_KEY, accept: 'application/json' };
const jsmith = { 'x-redmine-api-key': JSMITH_KEY, accept: 'application/json' };
let srv: InProcessServer;

beforeAll(async () => {
  srv = await startInProcess({ apis: APIS });
});
afterAll(async () => {
  await srv?.close();
});

async function visibleProjects(api: FamilyId, headers: Record<string, string>): Promise<Set<number>> {
  const res = await send({ method: 'GET', url: `${srv.api(api)}/projects.json?limit=100`, headers });
  return new Set((JSON.parse(res.bodyText) as { projects: { id: number }[] }).projects.map((p) => p.id));
}

/**
 * RedmineUP's public contacts (visibility 1) are visible to everyone who may view contacts somewhere, by design;
 * the API does not show the flag, so it is read from the state.
 */
function publicContacts(api: FamilyId): (resource: string, id: number) => boolean {
  if (api !== 'redmineup') return () => false;
  const state = srv.module(api).state as { contacts: { get(id: number): { visibility?: number } | undefined } };
  return (resource, id) => resource === 'contact' && state.contacts.get(id)?.visibility === 1;
}

/** Everything jsmith reads, changes or creates in what his projects do not show him; returns the breaches. */
async function breaches(api: FamilyId): Promise<{ problems: string[]; probes: number; hidden: number }> {
  const apiUrl = srv.api(api);
  const visible = await visibleProjects(api, jsmith);
  const problems: string[] = [];
  if (visible.has(4)) problems.push('jsmith sees private project 4, of which he is not a member');
  if (!visible.has(3)) problems.push('jsmith does not see private project 3, of which he is a member');
  visible.add(PUBLIC);
  const { records, ownerOf } = await crawl(apiUrl, api, admin, publicContacts(api));
  const hidden = records.filter((r) => !r.projects.some((p) => visible.has(p)));
  let probes = 0;
  const call = async (method: string, path: string, body?: unknown) => {
    probes++;
    const before = srv.digest();
    const res = await send({
      method,
      url: `${apiUrl}${path}`,
      headers: { ...jsmith, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const changed = srv.digest() !== before;
    return { res, changed };
  };
  for (const r of hidden) {
    for (const [method, body] of [['GET'], ['PUT', r.resource.update], ['DELETE']] as const) {
      const { res, changed } = await call(method, r.path, body);
      if (![403, 404].includes(res.status))
        problems.push(`${method} ${r.path} (projects ${r.projects}): ${res.status}`);
      if (changed) problems.push(`${method} ${r.path}: the store changed`);
    }
  }
  for (const resource of RESOURCES[api]) {
    for (const list of resource.lists) {
      const paths = list.includes('{project_id}')
        ? [1, 2, 3, 4, 5, 6].map((id) => list.replace('{project_id}', String(id)))
        : list.includes('{company_id}')
          ? [...ownerOf.keys()]
              .filter((k) => k.startsWith('company:'))
              .map((k) => list.replace('{company_id}', k.slice(8)))
          : [list];
      for (const path of paths) {
        probes++;
        const res = await send({ method: 'GET', url: `${apiUrl}${path}`, headers: jsmith });
        if (res.status !== 200) continue;
        for (const item of (JSON.parse(res.bodyText) as Record<string, { id: number }[]>)[resource.key] ?? []) {
          const projects = ownerOf.get(`${resource.name}:${item.id}`);
          if (projects && !projects.some((p) => visible.has(p))) {
            problems.push(`GET ${path} lists ${resource.name} ${item.id} of projects ${projects}`);
          }
        }
      }
    }
  }
  problems.push(
    ...(await writesIntoHidden(
      api,
      hidden.map((r) => r.path),
      call,
    )),
  );
  return { problems, probes, hidden: hidden.length };
}

/**
 * Every write operation of the API aimed at hidden records (path ids of hidden records, project 4, and project 4
 * in the body's `project_id`), with the document's example body, sent as jsmith: none may succeed or write.
 */
async function writesIntoHidden(
  api: FamilyId,
  hiddenPaths: string[],
  call: (method: string, path: string, body?: unknown) => Promise<{ res: { status: number }; changed: boolean }>,
): Promise<string[]> {
  const ids: Record<string, string> = { project_id: '4' };
  for (const path of hiddenPaths) {
    for (const [, name, id] of path.matchAll(/\/(\w+?)s\/(\d+)/g)) {
      const param = `${name === 'companie' ? 'company' : name}_id`;
      ids[param] ??= id as string;
    }
  }
  const problems: string[] = [];
  for (const op of specKit(api).spec.operations) {
    if (op.method === 'GET') continue;
    const pathParams = op.parameters.filter((p) => p.in === 'path' && p.name !== 'format').map((p) => String(p.name));
    if (pathParams.length === 0 && op.method !== 'POST') continue;
    if (pathParams.some((p) => ids[p] === undefined)) continue;
    const params = Object.fromEntries(pathParams.map((p) => [p, ids[p]]));
    const built = buildRequest({ op, format: 'json', params }, binderXmlCodec);
    const body = built.request.body === undefined ? undefined : withProject4(JSON.parse(built.request.body));
    if (pathParams.length === 0 && !JSON.stringify(body ?? {}).includes('"project_id":4')) continue;
    const path = built.request.path;
    const { res, changed } = await call(op.method, path, body);
    if (res.status < 400) problems.push(`${op.method} ${path} as jsmith: ${res.status}`);
    if (changed) problems.push(`${op.method} ${path} as jsmith: the store changed`);
  }
  return problems;
}

function withProject4(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withProject4);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === 'project_id' || k === 'project_ids' ? (Array.isArray(v) ? [4] : 4) : withProject4(v),
    ]),
  );
}

test.each(APIS)('%s: a user never reads, lists, changes or creates anything in projects he cannot see', async (api) => {
  const { problems, probes, hidden } = await breaches(api);
  figure(`access ${api}`, { probes, 'hidden-records': hidden, breaches: problems.length });
  expect(hidden, 'the seed has records in projects jsmith cannot see').toBeGreaterThan(0);
  expect(problems, problems.join('\n')).toEqual([]);
});

test('another user key never lends its powers: switch-user by a non-admin is ignored, locked and wrong keys get 401', async () => {
  const url = srv.api('redmine');
  const me = await send({
    method: 'GET',
    url: `${url}/users/current.json`,
    headers: { ...jsmith, 'x-redmine-switch-user': 'admin' },
  });
  const user = (JSON.parse(me.bodyText) as { user: { login: string; api_key?: string } }).user;
  expect(user.login).toBe('jsmith');
  expect(me.bodyText).not.toContain(ADMIN_KEY);
  const hidden = await send({
    method: 'GET',
    url: `${url}/projects/4.json`,
    headers: { ...jsmith, 'x-redmine-switch-user': 'admin' },
  });
  expect(hidden.status).toBe(403);
  const state = srv.module('redmine').state as { users: { all(): { status: number; api_key: string }[] } };
  const locked = state.users.all().find((u) => u.status !== 1);
  expect(locked, 'the seed has a locked user').toBeDefined();
  const lockedKey = await send({
    method: 'GET',
    url: `${url}/users/current.json`,
    headers: { 'x-redmine-api-key': locked?.api_key ?? '' },
  });
  expect(lockedKey.status).toBe(401);
  const mixed = await send({
    method: 'GET',
    url: `${url}/users/current.json`,
    headers: { authorization: basic('jsmith', 'admin') },
  });
  expect(mixed.status).toBe(401);
  const prefix = await send({
    method: 'GET',
    url: `${url}/users/current.json`,
    headers: { 'x-redmine-api-key': ADMIN_KEY.slice(0, 39) },
  });
  expect(prefix.status).toBe(401);
  const caseVariant = await send({
    method: 'GET',
    url: `${url}/users/current.json`,
    headers: { 'x-redmine-api-key': ADMIN_KEY.toUpperCase() },
  });
  expect(caseVariant.status).toBe(401);
});
