import { XMLParser } from 'fast-xml-parser';
import { startTestServer, type TestServer } from '../../app/test-server.js';
import type { Project } from '../../redmine-family/index.js';
import { type CallOptions, type CallResult, familyClient } from '../../redmine-family/test-client.js';
import type { Company } from './access.js';
import type { PlanioState } from './state.js';

export { basic } from '../../redmine-family/test-client.js';

/** A reference server serving only `planio`, with response validation on, and handles into its state. */
export interface PlanioTestServer {
  ts: TestServer;
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  state(): PlanioState;
  /** The seeded projects by their role in the seed layout. */
  projects(): SeededProjects;
}

/** The family seed's six projects. */
export interface SeededProjects {
  /** Public; jsmith is Manager. */
  publicMine: Project;
  /** Public; jsmith is not a member. */
  publicOther: Project;
  /** Private; jsmith is Developer. */
  privateMine: Project;
  /** Private; jsmith is not a member. */
  privateOther: Project;
  /** Closed public project. */
  closed: Project;
}

/** Starts a planio-only test server on 127.0.0.1, port 0. */
export async function startPlanio(): Promise<PlanioTestServer> {
  const ts = await startTestServer({ apis: ['planio'] });
  const call = familyClient(ts.api('planio'));
  const state = () => ts.server.modules[0]?.state as PlanioState;
  const projects = (): SeededProjects => {
    const s = state();
    const jsmith = s.users.find((u) => u.login === 'jsmith');
    const member = (p: Project) => s.memberships.find((m) => m.project_id === p.id && m.user_id === jsmith?.id);
    const all = s.projects.all((p) => p.parent_id === null);
    const pick = (test: (p: Project) => boolean) => {
      const found = all.find(test);
      if (!found) throw new Error('seed layout changed');
      return found;
    };
    return {
      publicMine: pick((p) => p.is_public && p.status === 1 && !!member(p)),
      publicOther: pick((p) => p.is_public && p.status === 1 && !member(p)),
      privateMine: pick((p) => !p.is_public && !!member(p)),
      privateOther: pick((p) => !p.is_public && !member(p)),
      closed: pick((p) => p.status === 5),
    };
  };
  return { ts, call, state, projects };
}

/** The seeded company whose projects are exactly `ids` (in any order). */
export function companyLinkedTo(state: PlanioState, ids: readonly number[]): Company {
  const found = state.companies.find(
    (c) => c.project_ids.length === ids.length && ids.every((id) => c.project_ids.includes(id)),
  );
  if (!found) throw new Error(`no seeded company linked to exactly [${ids.join(', ')}]`);
  return found;
}

const ARRAY_ELEMENTS =
  /(companies\.company|contacts\.contact|mails\.mail|phones\.phone|projects\.project|custom_fields\.custom_field|errors\.error|issue_priorities\.issue_priority)$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name, path) => typeof path === 'string' && ARRAY_ELEMENTS.test(path),
});

/** Parses an XML response body (attributes as `@name`, repeated elements as arrays, text kept as strings). */
// biome-ignore lint/suspicious/noExplicitAny: parsed XML of any shape.
export function parseXml(text: string): any {
  return parser.parse(text);
}

/** Headers of an XML request body. */
export const XML = { 'content-type': 'application/xml' };

/** Headers of a form request body. */
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** Headers of a JSON request body sent as a string. */
export const JSON_TYPE = { 'content-type': 'application/json' };

/** The id of a seeded custom field by name. */
export function fieldId(state: PlanioState, name: string): number {
  const field = state.customFields.find((f) => f.name === name);
  if (!field) throw new Error(`no custom field "${name}"`);
  return field.id;
}

/** A JSON value's record (for `toMatchObject` on parsed bodies). */
export type Json = Record<string, unknown>;
