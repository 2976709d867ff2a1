import { afterAll, beforeAll, expect, test } from 'vitest';
import { type DriftRule, startDriftProxy } from './fixtures/drift-proxy.js';
import { type ContractResult, runContract } from './run.js';
import type { Target } from './support/target.js';
import { startReference } from './support/target-reference.js';

const ONE_PROJECT = /^\/projects\/[^/.?]+\.(json|xml)(\?|$)/;
const LIST = /^\/projects\.json(\?|$)/;

/** The reference server's redmine API, drifted in four documented ways. */
const RULES: DriftRule[] = [
  // `limit` is ignored: the parameter never reaches the server.
  {
    request: (r) =>
      r.method === 'GET' && LIST.test(r.path) ? { ...r, path: r.path.replace(/([?&])limit=\d+&?/, '$1') } : r,
  },
  // A created project comes back with 200 instead of 201.
  {
    answer: (r, res) =>
      r.method === 'POST' && /^\/projects\.json/.test(r.path) && res.status === 201 ? { ...res, status: 200 } : res,
  },
  // A single project in JSON misses its required `name`.
  {
    answer: (r, res) => {
      if (r.method !== 'GET' || !ONE_PROJECT.test(r.path) || !r.path.includes('.json') || res.status !== 200)
        return res;
      const body = JSON.parse(res.body) as { project: Record<string, unknown> };
      delete body.project.name;
      return { ...res, body: JSON.stringify(body) };
    },
  },
  // `.xml` gets the JSON answer.
  {
    answer: async (r, res, forward) => {
      if (r.method !== 'GET' || !ONE_PROJECT.test(r.path) || !r.path.includes('.xml') || res.status !== 200) return res;
      return forward({ ...r, path: r.path.replace('.xml', '.json') });
    },
  },
];

let upstream: Target;
let proxy: Target;
let result: ContractResult;

beforeAll(async () => {
  upstream = await startReference('redmine', '/redmine');
  proxy = await startDriftProxy(upstream, RULES);
  result = await runContract({ api: 'redmine', target: proxy });
});

afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

/** The operations under which a difference matching the pattern was reported. */
const reportedUnder = (pattern: RegExp) => [
  ...new Set(result.checks.filter((c) => c.differences.some((d) => pattern.test(d))).map((c) => c.operationId)),
];

test('a dropped required field is reported under the read operation', () => {
  const pattern = /^GET \/projects\/\{project_id\}\.json: 200 body misses required property name at \/project$/;
  expect(reportedUnder(pattern)).toEqual(['getProject']);
});

test('200 instead of 201 is reported under the create operation', () => {
  const pattern = /^POST \/projects\.json: 200 is not a documented status \(documented: 201, /;
  expect(reportedUnder(pattern)).toEqual(['createProject']);
});

test('JSON for .xml is reported under the read operation', () => {
  const pattern =
    /^GET \/projects\/\{project_id\}\.xml: 200 sends application\/json for \.xml, expected application\/xml$/;
  expect(reportedUnder(pattern)).toEqual(['getProject']);
});

test('an ignored limit is reported under the list operation', () => {
  expect(reportedUnder(/^GET \/projects\.json: limit=1 returned \d+ items$/)).toEqual(['listProjects']);
  expect(reportedUnder(/^GET \/projects\.json: limit=1 answered with limit 25$/)).toEqual(['listProjects']);
});

test('the drifted operations fail, the untouched ones still pass, and nothing is left behind', () => {
  const byOp = Object.fromEntries(result.operations.map((o) => [o.operationId, o.result]));
  expect(byOp).toEqual({
    listProjects: 'failed',
    createProject: 'failed',
    getProject: 'failed',
    updateProject: 'passed',
    deleteProject: 'passed',
    getCurrentUser: 'passed',
    listIssuePriorities: 'passed',
    listCustomFields: 'passed',
    listTrackers: 'passed',
    listIssueStatuses: 'passed',
    listTimeEntryActivities: 'passed',
    listDocumentCategories: 'passed',
    listVersions: 'passed',
    createVersion: 'passed',
    getVersion: 'passed',
    updateVersion: 'passed',
    deleteVersion: 'passed',
    listIssueCategories: 'passed',
    createIssueCategory: 'passed',
    getIssueCategory: 'passed',
    updateIssueCategory: 'passed',
    deleteIssueCategory: 'passed',
  });
  expect(result.ok).toBe(false);
  expect(result.leftovers).toEqual([]);
});
