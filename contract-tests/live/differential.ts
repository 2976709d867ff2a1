import { idOf } from '../support/body-values.js';
import { sendRequest } from '../support/http-client.js';
import { essence } from '../support/media-type.js';
import type { ContractRequest, ContractResponse } from '../support/types.js';
import { bodyShape, compareShapes } from './body-shape.js';

/** One server of the comparison: where it is, as whom the requests go, what the sequence captured there. */
export interface Side {
  name: string;
  baseUrl: string;
  /** An administrator's API key. */
  key: string;
  /** The API key of a user who is not an administrator. */
  userKey: string;
  vars: Record<string, unknown>;
}

/** One request of the sequence, built per side (ids differ between servers). */
export interface Case {
  name: string;
  request: (side: Side, tag: string) => ContractRequest;
  /** Remembers values of the answer on that side (the created project's id). */
  capture?: (res: ContractResponse, side: Side) => void;
}

const JSON_TYPE = 'application/json';

const call = (side: Side, method: string, path: string, who: 'admin' | 'user' | 'anonymous', body?: unknown) => {
  const headers: Record<string, string> = { Accept: path.includes('.xml') ? 'application/xml' : JSON_TYPE };
  if (who !== 'anonymous') headers['X-Redmine-API-Key'] = who === 'admin' ? side.key : side.userKey;
  if (body !== undefined) headers['Content-Type'] = JSON_TYPE;
  return { method, path, headers, body: body === undefined ? undefined : JSON.stringify(body) };
};

const project = (side: Side) => String(side.vars.project);

const version = (side: Side) => String(side.vars.version);
const category = (side: Side) => String(side.vars.category);

/**
 * Versions and issue categories of the created (public) project: create (201, `Location`), read and list in both
 * formats, a non-administrator who is not a member (versions visible, categories and writes 403), an anonymous
 * caller, invalid creates (422), update (204), delete (204) and the read after it (404). The version is shaped like
 * a seeded shared one (description and wiki page set, no due date), so lists compare by shape whichever comes first.
 */
const VERSION_AND_CATEGORY_CASES: Case[] = [
  {
    name: 'POST /projects/{id}/versions.json',
    request: (s, tag) =>
      call(s, 'POST', `/projects/${project(s)}/versions.json`, 'admin', {
        version: { name: `v-${tag}`, description: 'Compared', wiki_page_title: 'Roadmap', sharing: 'bogus' },
      }),
    capture: (res, s) => {
      s.vars.version = res.bodyText ? idOf(JSON.parse(res.bodyText)) : undefined;
    },
  },
  { name: 'GET /versions/{id}.json', request: (s) => call(s, 'GET', `/versions/${version(s)}.json`, 'admin') },
  { name: 'GET /versions/{id}.xml', request: (s) => call(s, 'GET', `/versions/${version(s)}.xml`, 'admin') },
  {
    name: 'GET /versions/{id}.json as an anonymous caller (public project)',
    request: (s) => call(s, 'GET', `/versions/${version(s)}.json`, 'anonymous'),
  },
  {
    name: 'GET /projects/{id}/versions.json',
    request: (s) => call(s, 'GET', `/projects/${project(s)}/versions.json`, 'admin'),
  },
  {
    name: 'GET /projects/{id}/versions.xml',
    request: (s) => call(s, 'GET', `/projects/${project(s)}/versions.xml`, 'admin'),
  },
  {
    name: 'GET /projects/{id}/versions.json as a non-member (public project)',
    request: (s) => call(s, 'GET', `/projects/${project(s)}/versions.json`, 'user'),
  },
  {
    name: 'POST /projects/{id}/versions.json as a non-member (403)',
    request: (s, tag) => call(s, 'POST', `/projects/${project(s)}/versions.json`, 'user', { version: { name: tag } }),
  },
  {
    name: 'POST /projects/{id}/versions.json with a taken name, bad date and status (422)',
    request: (s, tag) =>
      call(s, 'POST', `/projects/${project(s)}/versions.json`, 'admin', {
        version: { name: `v-${tag}`, due_date: '2027-02-30', status: 'bogus' },
      }),
  },
  {
    name: 'POST /projects/{id}/versions.xml without a name (422)',
    request: (s) => ({
      ...call(s, 'POST', `/projects/${project(s)}/versions.xml`, 'admin'),
      headers: { Accept: 'application/xml', 'Content-Type': 'application/xml', 'X-Redmine-API-Key': s.key },
      body: '<?xml version="1.0" encoding="UTF-8"?><version><description>x</description></version>',
    }),
  },
  {
    name: 'PUT /versions/{id}.json',
    request: (s) => call(s, 'PUT', `/versions/${version(s)}.json`, 'admin', { version: { status: 'locked' } }),
  },
  {
    name: 'PUT /versions/{id}.json as a non-member (403)',
    request: (s) => call(s, 'PUT', `/versions/${version(s)}.json`, 'user', { version: { status: 'open' } }),
  },
  {
    name: 'GET /versions/{id}.json after the update',
    request: (s) => call(s, 'GET', `/versions/${version(s)}.json`, 'admin'),
  },
  {
    name: 'POST /projects/{id}/issue_categories.json',
    request: (s, tag) =>
      call(s, 'POST', `/projects/${project(s)}/issue_categories.json`, 'admin', {
        issue_category: { name: `c-${tag}` },
      }),
    capture: (res, s) => {
      s.vars.category = res.bodyText ? idOf(JSON.parse(res.bodyText)) : undefined;
    },
  },
  {
    name: 'GET /issue_categories/{id}.json',
    request: (s) => call(s, 'GET', `/issue_categories/${category(s)}.json`, 'admin'),
  },
  {
    name: 'GET /issue_categories/{id}.xml',
    request: (s) => call(s, 'GET', `/issue_categories/${category(s)}.xml`, 'admin'),
  },
  {
    name: 'GET /projects/{id}/issue_categories.json',
    request: (s) => call(s, 'GET', `/projects/${project(s)}/issue_categories.json`, 'admin'),
  },
  {
    name: 'GET /projects/{id}/issue_categories.xml',
    request: (s) => call(s, 'GET', `/projects/${project(s)}/issue_categories.xml`, 'admin'),
  },
  {
    name: 'GET /projects/{id}/issue_categories.json as a non-member (403)',
    request: (s) => call(s, 'GET', `/projects/${project(s)}/issue_categories.json`, 'user'),
  },
  {
    name: 'GET /issue_categories/{id}.json as an anonymous caller (401)',
    request: (s) => call(s, 'GET', `/issue_categories/${category(s)}.json`, 'anonymous'),
  },
  {
    name: 'POST /projects/{id}/issue_categories.json with a taken name (422)',
    request: (s, tag) =>
      call(s, 'POST', `/projects/${project(s)}/issue_categories.json`, 'admin', {
        issue_category: { name: `c-${tag}` },
      }),
  },
  {
    name: 'PUT /issue_categories/{id}.json',
    request: (s, tag) =>
      call(s, 'PUT', `/issue_categories/${category(s)}.json`, 'admin', { issue_category: { name: `c2-${tag}` } }),
  },
  {
    name: 'DELETE /issue_categories/{id}.json',
    request: (s) => call(s, 'DELETE', `/issue_categories/${category(s)}.json`, 'admin'),
  },
  {
    name: 'GET /issue_categories/{id}.json after the delete (404)',
    request: (s) => call(s, 'GET', `/issue_categories/${category(s)}.json`, 'admin'),
  },
  { name: 'DELETE /versions/{id}.json', request: (s) => call(s, 'DELETE', `/versions/${version(s)}.json`, 'admin') },
  {
    name: 'GET /versions/{id}.json after the delete (404)',
    request: (s) => call(s, 'GET', `/versions/${version(s)}.json`, 'admin'),
  },
];

/**
 * The sequence both servers get, in order: lists in both formats and paging, create (201), read in both formats,
 * update (204), read again, the project's versions and issue categories, an invalid create (422), an XML body in
 * an unknown encoding (400), an unknown id (404), no credentials (401), a `key` parameter that is a list or a hash
 * (401, or anonymous where anonymous callers are served), a wrong key (anonymous), a non-administrator on custom
 * fields (403), the reference lists (trackers, issue statuses, activities, document categories) as every kind of
 * caller and with ignored paging, no format suffix (406, and what else a path without suffix gets), delete (204) and
 * the read after it (404).
 */
export const SEQUENCE: Case[] = [
  { name: 'GET /projects.json', request: (s) => call(s, 'GET', '/projects.json', 'admin') },
  { name: 'GET /projects.xml', request: (s) => call(s, 'GET', '/projects.xml', 'admin') },
  {
    name: 'GET /projects.json?offset=0&limit=1',
    request: (s) => call(s, 'GET', '/projects.json?offset=0&limit=1', 'admin'),
  },
  { name: 'GET /projects.xml?offset=500', request: (s) => call(s, 'GET', '/projects.xml?offset=500', 'admin') },
  {
    name: 'POST /projects.json',
    request: (s, tag) =>
      call(s, 'POST', '/projects.json', 'admin', {
        project: { name: `Differential ${tag}`, identifier: `${tag}-diff`, description: 'Compared', is_public: true },
      }),
    capture: (res, s) => {
      s.vars.project = res.bodyText ? idOf(JSON.parse(res.bodyText)) : undefined;
    },
  },
  { name: 'GET /projects/{id}.json', request: (s) => call(s, 'GET', `/projects/${project(s)}.json`, 'admin') },
  { name: 'GET /projects/{id}.xml', request: (s) => call(s, 'GET', `/projects/${project(s)}.xml`, 'admin') },
  {
    name: 'PUT /projects/{id}.json',
    request: (s) => call(s, 'PUT', `/projects/${project(s)}.json`, 'admin', { project: { description: 'Changed' } }),
  },
  {
    name: 'GET /projects/{id}.json after the update',
    request: (s) => call(s, 'GET', `/projects/${project(s)}.json`, 'admin'),
  },
  ...VERSION_AND_CATEGORY_CASES,
  {
    name: 'POST /projects.json without a name (422)',
    request: (s, tag) => call(s, 'POST', '/projects.json', 'admin', { project: { identifier: `${tag}-invalid` } }),
  },
  {
    name: 'POST /projects.xml without a name (422)',
    request: (s, tag) => ({
      ...call(s, 'POST', '/projects.xml', 'admin'),
      headers: { Accept: 'application/xml', 'Content-Type': 'application/xml', 'X-Redmine-API-Key': s.key },
      body: `<?xml version="1.0" encoding="UTF-8"?><project><identifier>${tag}-invalid</identifier></project>`,
    }),
  },
  {
    name: 'POST /projects.xml in an encoding nobody knows (400)',
    request: (s, tag) => ({
      ...call(s, 'POST', '/projects.xml', 'admin'),
      headers: { Accept: 'application/xml', 'Content-Type': 'application/xml', 'X-Redmine-API-Key': s.key },
      body:
        '<?xml version="1.0" encoding="x-bogus"?>' +
        `<project><name>x</name><identifier>${tag}-invalid</identifier></project>`,
    }),
  },
  {
    name: 'GET /projects/{unknown}.json (404)',
    request: (s, tag) => call(s, 'GET', `/projects/${tag}-missing.json`, 'admin'),
  },
  {
    name: 'GET /users/current.json without credentials (401)',
    request: (s) => call(s, 'GET', '/users/current.json', 'anonymous'),
  },
  {
    name: "GET /users/current.json with key[]=<admin key> (401: a list is nobody's key)",
    request: (s) => call(s, 'GET', `/users/current.json?key[]=${s.key}`, 'anonymous'),
  },
  {
    name: 'GET /users/current.json with key[a]=<admin key> and the admin key header (401)',
    request: (s) => call(s, 'GET', `/users/current.json?key[a]=${s.key}`, 'admin'),
  },
  {
    name: 'GET /projects.json with key[]=<admin key> (anonymous: public projects)',
    request: (s) => call(s, 'GET', `/projects.json?key[]=${s.key}`, 'anonymous'),
  },
  {
    name: 'GET /projects.json with a wrong key (anonymous, not 401)',
    request: (s) => ({ ...call(s, 'GET', '/projects.json', 'anonymous'), headers: { 'X-Redmine-API-Key': 'nope' } }),
  },
  {
    name: 'GET /custom_fields.json as a non-administrator (403)',
    request: (s) => call(s, 'GET', '/custom_fields.json', 'user'),
  },
  { name: 'GET /trackers.json', request: (s) => call(s, 'GET', '/trackers.json', 'admin') },
  { name: 'GET /trackers.xml as a non-administrator', request: (s) => call(s, 'GET', '/trackers.xml', 'user') },
  {
    name: 'GET /trackers.json?limit=1 anonymous (not paged)',
    request: (s) => call(s, 'GET', '/trackers.json?limit=1&offset=1', 'anonymous'),
  },
  {
    name: 'GET /issue_statuses.json as a non-administrator',
    request: (s) => call(s, 'GET', '/issue_statuses.json', 'user'),
  },
  { name: 'GET /issue_statuses.xml anonymous', request: (s) => call(s, 'GET', '/issue_statuses.xml', 'anonymous') },
  {
    name: 'GET /enumerations/time_entry_activities.json?project_id={id}',
    request: (s) => call(s, 'GET', `/enumerations/time_entry_activities.json?project_id=${project(s)}`, 'user'),
  },
  {
    name: 'GET /enumerations/time_entry_activities.xml',
    request: (s) => call(s, 'GET', '/enumerations/time_entry_activities.xml', 'admin'),
  },
  {
    name: 'GET /enumerations/document_categories.json with a wrong key (anonymous)',
    request: (s) => ({
      ...call(s, 'GET', '/enumerations/document_categories.json', 'anonymous'),
      headers: { Accept: JSON_TYPE, 'X-Redmine-API-Key': 'nope' },
    }),
  },
  {
    name: 'GET /enumerations/document_categories.xml as a non-administrator',
    request: (s) => call(s, 'GET', '/enumerations/document_categories.xml', 'user'),
  },
  { name: 'GET /trackers without suffix (406)', request: (s) => call(s, 'GET', '/trackers', 'admin') },
  {
    name: 'GET /enumerations/{unknown}.json (404)',
    request: (s, tag) => call(s, 'GET', `/enumerations/${tag}.json`, 'admin'),
  },
  {
    name: 'GET /enumerations/TimeEntryActivity.json (a class name)',
    request: (s) => call(s, 'GET', '/enumerations/TimeEntryActivity.json', 'admin'),
  },
  { name: 'GET /projects without suffix (406)', request: (s) => call(s, 'GET', '/projects', 'admin') },
  {
    name: 'GET /projects without suffix, Accept */*',
    request: (s) => ({
      ...call(s, 'GET', '/projects', 'admin'),
      headers: { Accept: '*/*', 'X-Redmine-API-Key': s.key },
    }),
  },
  {
    name: 'GET /projects/{id} without suffix (406)',
    request: (s) => call(s, 'GET', `/projects/${project(s)}`, 'admin'),
  },
  {
    name: 'GET /projects/{unknown} without suffix',
    request: (s, tag) => call(s, 'GET', `/projects/${tag}-missing`, 'admin'),
  },
  {
    name: 'POST /projects without suffix',
    request: (s, tag) =>
      call(s, 'POST', '/projects', 'admin', { project: { name: `No suffix ${tag}`, identifier: `${tag}-nosuffix` } }),
  },
  { name: 'DELETE /projects/{id}.json', request: (s) => call(s, 'DELETE', `/projects/${project(s)}.json`, 'admin') },
  {
    name: 'GET /projects/{id}.json after the delete (404)',
    request: (s) => call(s, 'GET', `/projects/${project(s)}.json`, 'admin'),
  },
];

/** What differs between the two answers to one case: status, media type, `Location` on 201, body shape. */
export function compareAnswers(a: ContractResponse, b: ContractResponse, names: [string, string]): string[] {
  const out: string[] = [];
  if (a.status !== b.status) out.push(`status ${a.status} on ${names[0]}, ${b.status} on ${names[1]}`);
  const type = (r: ContractResponse) => (r.headers['content-type'] ?? 'none').toLowerCase().replace(/\s+/g, '');
  if (type(a) !== type(b)) out.push(`Content-Type ${type(a)} on ${names[0]}, ${type(b)} on ${names[1]}`);
  if ((a.status === 201 || b.status === 201) && !a.headers.location !== !b.headers.location) {
    out.push(`Location only on ${a.headers.location ? names[0] : names[1]}`);
  }
  const shapeOf = (r: ContractResponse) => bodyShape(essence(r.headers['content-type']), r.bodyText);
  out.push(...compareShapes(shapeOf(a), shapeOf(b), names).map((d) => (d.startsWith('body ') ? d : `body ${d}`)));
  return out;
}

/** Runs the sequence against both sides, case by case; returns `<case>: <difference>` lines and the answers. */
export async function runDifferential(sides: [Side, Side], tag: string) {
  const names: [string, string] = [sides[0].name, sides[1].name];
  const differences: string[] = [];
  const answers: { name: string; status: [number, number] }[] = [];
  for (const c of SEQUENCE) {
    const res: ContractResponse[] = [];
    for (const side of sides) {
      const r = await sendRequest(side.baseUrl, c.request(side, tag));
      c.capture?.(r, side);
      res.push(r);
    }
    const [a, b] = res as [ContractResponse, ContractResponse];
    answers.push({ name: c.name, status: [a.status, b.status] });
    differences.push(...compareAnswers(a, b, names).map((d) => `${c.name}: ${d}`));
  }
  return { differences, answers };
}

/** Deletes the projects the sequence may have created on a side and not deleted; true when none is left. */
export async function removeLeftovers(side: Side, tag: string): Promise<boolean> {
  let clean = true;
  for (const identifier of [`${tag}-diff`, `${tag}-nosuffix`, `${tag}-invalid`]) {
    const path = `/projects/${identifier}.json`;
    const read = await sendRequest(side.baseUrl, call(side, 'GET', path, 'admin'));
    if (read.status === 404) continue;
    const gone = await sendRequest(side.baseUrl, call(side, 'DELETE', path, 'admin'));
    clean &&= gone.status === 204;
  }
  return clean;
}
