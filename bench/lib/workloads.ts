import type { ApiId } from '../../src/spec/load.js';
import { ADMIN_KEY } from './crmkit.js';
import type { HttpRequest } from './http.js';

/** The servers compared, in the order each round runs them. */
export const SERVER_KINDS = ['crmkit', 'prism', 'bare'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/** One request of a workload's sequence (path relative to the API's base URL). */
export interface Step extends HttpRequest {
  /** Builds this step's path from the previous step's answer (e.g. DELETE the record a POST created). */
  pathFrom?: (previousBody: string) => string | undefined;
}

/** Values a workload's requests need, found out against the server before measuring. */
export interface WorkloadVars {
  /** Id of a seeded Planio company. */
  companyId: number;
  /** Plutio access token. */
  token: string;
  /** Plutio `q` (JSON text). */
  q: string;
}

/** How Prism relates to a workload. */
export type PrismFit =
  | { serves: true; faithful: true; note?: string }
  | { serves: true; faithful: false; note: string }
  | { serves: false; note: string };

/** A request sequence measured on every server. */
export interface Workload {
  id: string;
  title: string;
  /** The crmkit API serving it. */
  api: ApiId;
  /** The bundled document Prism serves it from. */
  prismDoc: ApiId;
  /** A read the throughput (≥ 50% of bare) and p99 targets apply to. */
  readTarget: boolean;
  prism: PrismFit;
  steps(vars: WorkloadVars): Step[];
}

const KEY = { 'x-redmine-api-key': ADMIN_KEY };
const plutioAuth = (v: WorkloadVars) => ({ authorization: `Bearer ${v.token}`, business: 'acme' });

/** Client credentials of the seeded Plutio app, as a form body. */
export const TOKEN_FORM = 'client_id=crmkit-client&client_secret=crmkit-secret&grant_type=client_credentials';

/** Body of the Planio create workload (valid against `CompanyRequest`). */
export const NEW_COMPANY = JSON.stringify({
  company: { name: 'Benchmark Handels GmbH', town: 'Berlin', country: 'Germany', mails: ['info@benchmark.example'] },
});

function createdCompanyPath(body: string): string | undefined {
  try {
    const id = (JSON.parse(body) as { company?: { id?: unknown } }).company?.id;
    return typeof id === 'number' ? `/companies/${id}.json` : undefined;
  } catch {
    return undefined;
  }
}

/** Every workload, in the order a round runs them. */
export const WORKLOADS: readonly Workload[] = [
  {
    id: 'redmine-projects',
    title: 'Redmine GET /projects.json?limit=25',
    api: 'redmine',
    prismDoc: 'planio',
    readTarget: true,
    prism: { serves: true, faithful: true, note: 'Prism serves it from the planio document (same operation)' },
    steps: () => [{ method: 'GET', path: '/projects.json?limit=25', headers: KEY }],
  },
  {
    id: 'planio-list',
    title: 'Planio GET /companies.json?limit=25',
    api: 'planio',
    prismDoc: 'planio',
    readTarget: true,
    prism: { serves: true, faithful: true },
    steps: () => [{ method: 'GET', path: '/companies.json?limit=25', headers: KEY }],
  },
  {
    id: 'planio-xml',
    title: 'Planio GET /companies/{id}.xml',
    api: 'planio',
    prismDoc: 'planio',
    readTarget: true,
    prism: {
      serves: true,
      faithful: false,
      note: 'Prism answers the XML example for any id and flags it as a schema violation (a 500 with --errors)',
    },
    steps: (v) => [
      { method: 'GET', path: `/companies/${v.companyId}.xml`, headers: { ...KEY, accept: 'application/xml' } },
    ],
  },
  {
    id: 'planio-create',
    title: 'Planio POST /companies.json + DELETE',
    api: 'planio',
    prismDoc: 'planio',
    readTarget: false,
    prism: {
      serves: true,
      faithful: false,
      note: 'Prism is stateless: it stores nothing and answers the DELETE of a record that never existed',
    },
    steps: () => [
      {
        method: 'POST',
        path: '/companies.json',
        headers: { ...KEY, 'content-type': 'application/json' },
        body: NEW_COMPANY,
      },
      { method: 'DELETE', path: '/companies/0.json', headers: KEY, pathFrom: createdCompanyPath },
    ],
  },
  {
    id: 'plutio-list',
    title: 'Plutio GET /people?limit=25',
    api: 'plutio',
    prismDoc: 'plutio',
    readTarget: true,
    prism: { serves: true, faithful: true },
    steps: (v) => [{ method: 'GET', path: '/people?limit=25', headers: plutioAuth(v) }],
  },
  {
    id: 'plutio-q',
    title: 'Plutio GET /people?q=… (10,000 people)',
    api: 'plutio',
    prismDoc: 'plutio',
    readTarget: false,
    prism: {
      serves: true,
      faithful: false,
      note: 'Prism ignores q (it has no store to search) and answers the example',
    },
    steps: (v) => [{ method: 'GET', path: `/people?limit=25&q=${encodeURIComponent(v.q)}`, headers: plutioAuth(v) }],
  },
  {
    id: 'plutio-token',
    title: 'Plutio POST /oauth/token',
    api: 'plutio',
    prismDoc: 'plutio',
    readTarget: false,
    prism: { serves: true, faithful: true, note: 'Prism answers the example token and issues nothing' },
    steps: () => [
      {
        method: 'POST',
        path: '/oauth/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: TOKEN_FORM,
      },
    ],
  },
];
